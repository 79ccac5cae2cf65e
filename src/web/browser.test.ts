import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumAvailable,
  noticeMissingChromium,
  openPageSuite,
  type PageSuite,
} from '../test-support/chromium.js';
import type { TestWeb } from '../test-support/web.js';

// The pages in Debian's Chromium (CI installs it; see .ci/run): one browser for the whole file, a fresh
// context (cookies, storage) per test. Screenshots go to test-artifacts/ (ignored by git) for a person to look at.

noticeMissingChromium('browser tests');

const WARM = 'Mum, I can hear how tired you are of all this. What worries you most?';
const XSS = '<script>alert(1)</script>';

let web: TestWeb;
let browser: Browser;
/** Requests that left the origin, from every page of the file. */
const outside: string[] = [];
const dialogs: string[] = [];

async function open(path: string, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${web.url}/`) && !url.startsWith('data:')) outside.push(url);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${web.url}${path}`);
  return { context, page };
}

async function meter(page: Page): Promise<number> {
  return Number(await page.locator('#meter').getAttribute('value'));
}

interface Focus {
  id: string;
  text: string;
  outline: string;
  width: number;
}

/** Runs in the page (a string, since this file is type-checked without the DOM library). */
const FOCUSED = `(() => {
  const node = document.activeElement;
  if (!node || node === document.body) return { id: '', text: '', outline: 'none', width: 0 };
  const style = getComputedStyle(node);
  return {
    id: node.id,
    text: (node.textContent || '').trim(),
    outline: style.outlineStyle,
    width: Number.parseFloat(style.outlineWidth),
  };
})()`;

/** How many pixels of a canvas are painted (a string run in the page, like FOCUSED). */
function painted(page: Page, selector: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const canvas = document.querySelector(${JSON.stringify(selector)});
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  })()`);
}

describe.skipIf(!chromiumAvailable)('pages in Chromium', () => {
  let suite: PageSuite | undefined;
  beforeAll(async () => {
    suite = await openPageSuite();
    ({ web, browser } = suite);
  });

  afterAll(() => suite?.close());

  it('runs a whole practice to its summary, with feedback, the meter and "try again"', async () => {
    const { context, page } = await open('/');
    await page.getByRole('button', { name: /^Mum, 62$/ }).click();
    await expect.poll(() => page.locator('#meter-box').isVisible()).toBe(true);
    const first = await meter(page);

    await page.getByLabel('Your reply').fill(WARM);
    await page.getByLabel('Your reply').press('Enter');
    const feedback = page.locator('#practice-log .msg.feedback').last();
    await feedback.waitFor();
    await expect.poll(() => feedback.locator('.verdict').textContent()).toBe('Warm');
    expect(await feedback.locator('.moves').textContent()).toMatch(/reflection|question/);
    await expect.poll(() => meter(page)).toBeGreaterThan(first);
    expect(await page.locator('#meter-value').textContent()).toMatch(/\(\+\d+\)/);
    expect(await page.locator('#trail polyline').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/web-practice.png`, fullPage: true });

    await page
      .getByRole('button', { name: /Try that turn again/ })
      .last()
      .click();
    await expect.poll(() => meter(page)).toBe(first);

    // What the user types is shown as characters: no element, no alert.
    await page.getByLabel('Your reply').fill(XSS);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const mine = page.locator('#practice-log .msg.me .text').last();
    await expect.poll(() => mine.textContent()).toBe(XSS);
    await page.locator('#practice-log .msg.feedback').nth(1).waitFor();
    expect(await page.locator('#practice-log script').count()).toBe(0);
    expect(dialogs).toEqual([]);

    await page
      .getByRole('button', { name: /Finish/ })
      .last()
      .click();
    const summary = page.locator('#practice-log .msg.summary');
    await summary.waitFor();
    expect(await summary.locator('svg.sparkline polyline').count()).toBe(1);
    expect(await page.locator('#meter-box').isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/web-summary.png`, fullPage: true });
    await context.close();
  });

  it('gives advice for a typed phrase, with buttons that work', async () => {
    const { context, page } = await open('/');
    await page.getByRole('tab', { name: 'Advice' }).click();
    await page
      .getByLabel('What did your relative said?'.replace('said', 'say'))
      .fill('да всё равно нарисуют сколько надо');
    await page.getByRole('button', { name: 'Get advice' }).click();
    const card = page.locator('#advice-log .msg.bot').last();
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Relate|1\./);
    await card.getByRole('button', { name: /Facts and sources/ }).click();
    await expect.poll(() => page.locator('#advice-log .msg.bot').last().textContent()).toMatch(/https?:\/\//);
    await page.screenshot({ path: `${ARTIFACTS}/web-advice.png`, fullPage: true });
    await context.close();
  });

  it('switches the language of the page and of the conversation', async () => {
    const { context, page } = await open('/');
    await page.getByRole('button', { name: /^Mum, 62$/ }).waitFor();
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.getByRole('tab', { name: 'Тренировка' }).count()).toBe(1);
    await page.getByRole('button', { name: /^Мама, 62$/ }).click();
    await expect.poll(() => page.locator('#practice-log .msg.bot').last().textContent()).toMatch(/Мама:/);
    // The choice survives a reload.
    await page.reload();
    expect(await page.getByRole('tab', { name: 'Тренировка' }).count()).toBe(1);
    await context.close();
  });

  it('browses topics with sourced facts as links and starts a practice from one', async () => {
    const { context, page } = await open('/');
    await page.getByRole('tab', { name: 'Topics' }).click();
    const card = page.locator('#topic-vote-rigged');
    await card.locator('summary').click();
    const links = card.locator('.facts a');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
    await card.getByRole('button', { name: 'Practise this topic' }).click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Practice' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => page.locator('#meter-box').isVisible()).toBe(true);
    await context.close();
  });

  it('works from the keyboard alone, with a visible focus', async () => {
    const { context, page } = await open('/');
    await page.getByRole('button', { name: /^Mum, 62$/ }).waitFor();
    const focused = () => page.evaluate<Focus>(FOCUSED);
    const seen: { id: string; text: string }[] = [];
    for (let i = 0; i < 60 && seen.at(-1)?.id !== 'practice-input'; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      seen.push(now);
      expect(now.outline, `focus on ${now.id || now.text}`).not.toBe('none');
      expect(now.width).toBeGreaterThanOrEqual(2);
    }
    expect(seen.at(-1)?.id).toBe('practice-input');
    expect(seen.map((f) => f.id)).toEqual(expect.arrayContaining(['tab-practice', 'topic-select']));
    expect(seen.map((f) => f.text)).toContain('Mum, 62');
    // Back to the relative's button, and choose it with Enter.
    for (let i = 0; i < 20 && (await focused()).text !== 'Mum, 62'; i++)
      await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('practice-input');
    await page.keyboard.type(WARM);
    await page.keyboard.press('Enter');
    await page.locator('#practice-log .msg.feedback').waitFor();
    // Arrow keys move between the tabs.
    await page.getByRole('tab', { name: 'Practice' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Advice' }).getAttribute('aria-selected'))
      .toBe('true');
    await context.close();
  });

  it('draws the statistics as charts', async () => {
    // A fortnight of anonymous counters, so the chart (and its screenshot) has a shape.
    const { talk } = web.services.store;
    const positions = ['tv-says', 'vote-rigged', 'nato-threat', 'nothing-changes', 'russophobia'];
    for (let ago = 0; ago < 14; ago++) {
      const day = new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
      for (const [rank, position] of positions.entries())
        for (let n = 0; n < 6 - rank + Math.round(2 * Math.sin((ago + rank) / 2)); n++)
          await talk.countPositionsMet([position], day);
      await talk.countPracticeOutcome(
        ['mother', 'uncle', 'brother'][ago % 3] ?? 'mother',
        ago % 4 === 0 ? 'closed' : 'opened',
        day,
      );
    }
    const { context, page } = await open('/stats');
    await page.locator('main[data-loaded="true"]').waitFor();
    // Each chart is drawn on its canvas, named for screen readers, with a legend and a table of the numbers.
    const positionsChart = page.locator('#positions-chart');
    const outcomesChart = page.locator('#outcomes-chart');
    expect(await positionsChart.locator('canvas').getAttribute('aria-label')).toBe('Positions per day');
    expect(await outcomesChart.locator('canvas').getAttribute('aria-label')).toBe(
      'Practice outcomes per relative',
    );
    for (const chart of ['#positions-chart', '#outcomes-chart'])
      await expect.poll(() => painted(page, `${chart} canvas`)).toBeGreaterThan(500);
    expect(await positionsChart.locator('.legend li').count()).toBe(5);
    expect(await positionsChart.locator('.legend li').first().textContent()).toMatch(/ — \d+$/);
    expect(await positionsChart.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await outcomesChart.locator('tbody tr').count()).toBe(3);
    expect(await outcomesChart.locator('tbody tr').first().textContent()).toMatch(/\d/);
    expect(await outcomesChart.locator('.legend li').allTextContents()).toEqual([
      'opened up',
      'closed off',
      'stopped',
      'out of turns',
    ]);
    await page.screenshot({ path: `${ARTIFACTS}/web-stats.png`, fullPage: true });
    await context.close();
  });

  it('made no request outside its origin', () => {
    expect(outside).toEqual([]);
  });
});
