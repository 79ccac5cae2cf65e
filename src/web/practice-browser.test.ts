import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumAvailable,
  noticeMissingChromium,
  openPageSuite,
  type PageSuite,
} from '../test-support/chromium.js';
import type { TestWeb } from '../test-support/web.js';

// The practice page as a user meets it before a hard call, in Debian's Chromium at a desktop's and a phone's
// size: typed commands, where the verdict and the reply box are after each reply, the page on load, a reload,
// a language switch in the middle, "try again" and the summary's chart (issue 22, section 3).

noticeMissingChromium('practice page browser tests');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const WARM = 'Mum, I can hear how tired you are of all this. What worries you most?';
const HURTFUL = 'You are just repeating the TV, it is all lies.';
const WARM_RU = 'Мам, я слышу, как ты от всего этого устала. Что тебя больше всего тревожит?';

let web: TestWeb;
let browser: Browser;

async function open(viewport = PHONE, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await page.goto(`${web.url}/`);
  await page.locator('#practice-log button.choice').first().waitFor();
  return { context, page };
}

async function startWithMum(page: Page, name = /^Mum, 62$/): Promise<void> {
  await page.getByRole('button', { name }).click();
  await page.locator('#meter-box').waitFor();
}

/** Types into the reply box and sends with Enter, as a user does; waits for the engine's answer. */
async function type(page: Page, text: string): Promise<void> {
  const before = await page.locator('#practice-log > li').count();
  await page.locator('#practice-input').fill(text);
  await page.locator('#practice-input').press('Enter');
  await expect.poll(() => page.locator('#practice-log > li').count()).toBeGreaterThan(before + 1);
  await expect.poll(() => page.locator('#practice-log').getAttribute('aria-busy')).toBeNull();
}

async function box(locator: Locator): Promise<{ top: number; bottom: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not rendered');
  return { top: found.y, bottom: found.y + found.height };
}

async function meter(page: Page): Promise<number> {
  return Number(await page.locator('#meter').getAttribute('value'));
}

describe.skipIf(!chromiumAvailable)('the practice page in Chromium', () => {
  let suite: PageSuite | undefined;
  beforeAll(async () => {
    suite = await openPageSuite();
    ({ web, browser } = suite);
  });

  afterAll(() => suite?.close());

  it('takes typed /again, /help and /stop as commands, and its intro names the buttons', async () => {
    const { context, page } = await open(DESKTOP);
    await startWithMum(page);
    const intro = (await page.locator('#practice-log .msg.bot').nth(-2).textContent()) ?? '';
    expect(intro).toContain('"↩ Try that turn again"');
    expect(intro).toContain('"■ Finish"');
    expect(intro).not.toMatch(/\/again|\/stop/);
    const first = await meter(page);

    await type(page, WARM);
    await expect.poll(() => meter(page)).toBeGreaterThan(first);
    await type(page, '/again');
    // Taken back, not graded: the meter is where it was and no second feedback card came.
    await expect.poll(() => meter(page)).toBe(first);
    expect(await page.locator('#practice-log .msg.feedback').count()).toBe(1);
    expect(await page.locator('#practice-log .msg.bot').last().textContent()).toMatch(/^Turn undone/);

    await type(page, '/help');
    expect(await page.locator('#practice-log .msg.bot').last().textContent()).toMatch(/\/practice/);
    expect(await page.locator('#meter-box').isVisible()).toBe(true);

    await page.locator('#practice-input').fill('/nonsense');
    await page.locator('#practice-input').press('Enter');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/no \/nonsense command/);
    expect(await page.locator('#practice-input').inputValue()).toBe('/nonsense');

    await page.locator('#practice-input').fill('/stop');
    await page.locator('#practice-input').press('Enter');
    await page.locator('#practice-log .msg.summary').waitFor();
    expect(await page.locator('#practice-log .msg.feedback').count()).toBe(1);
    expect(await page.locator('#meter-box').isVisible()).toBe(false);
    await context.close();
  });

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows the verdict under the meter and keeps the reply box in view after every reply (${name})`, async () => {
      const { context, page } = await open(viewport);
      await startWithMum(page);
      for (const [turn, text] of [WARM, HURTFUL, WARM].entries()) {
        await type(page, text);
        const verdict = page.locator('#practice-log .msg.feedback .verdict').last();
        const meterBox = await box(page.locator('#meter-box'));
        const card = await box(verdict);
        const reply = await box(page.locator('#practice-input'));
        const where = `${name}, reply ${turn + 1}`;
        expect(card.top, `${where}: the verdict is under the meter`).toBeGreaterThanOrEqual(meterBox.bottom);
        expect(card.bottom, `${where}: the verdict is above the reply box`).toBeLessThanOrEqual(reply.top);
        expect(reply.top, `${where}: the reply box is on screen`).toBeGreaterThanOrEqual(0);
        expect(reply.bottom, `${where}: the reply box is on screen`).toBeLessThanOrEqual(viewport.height);
        await page.screenshot({ path: `${ARTIFACTS}/web-practice-${name}-reply${turn + 1}.png` });
      }
      await context.close();
    });

    it(`stays at the top on load, greeting and language switch in view (${name})`, async () => {
      const { context, page } = await open(viewport, 'ru-RU');
      await expect.poll(() => page.locator('#topic-select option').count()).toBeGreaterThan(0);
      expect(await page.evaluate('window.scrollY')).toBe(0);
      const greeting = await box(page.locator('#intro'));
      expect(await page.locator('#intro').textContent()).toMatch(/^Привет!/);
      expect(greeting.top).toBeGreaterThanOrEqual(0);
      expect(greeting.top).toBeLessThan(viewport.height);
      expect((await box(page.getByRole('button', { name: 'EN', exact: true }))).top).toBeGreaterThanOrEqual(
        0,
      );
      await page.screenshot({ path: `${ARTIFACTS}/web-practice-${name}-load.png` });
      await context.close();
    });
  }

  it('shows the practice back after a reload and goes on with it', async () => {
    const { context, page } = await open(PHONE);
    await startWithMum(page);
    await type(page, WARM);
    const value = await meter(page);
    const lines = await page.locator('#practice-log > li').count();
    await page.reload();
    await page.locator('#practice-log .msg.feedback').waitFor();
    expect(await page.locator('#practice-log > li').count()).toBe(lines);
    expect(await page.locator('#practice-log .msg.me').first().textContent()).toContain(WARM);
    expect(await page.locator('#meter-box').isVisible()).toBe(true);
    expect(await meter(page)).toBe(value);
    // The relative's last line is in view, and the practice goes on where it was.
    const last = await box(page.locator('#practice-log > li').last());
    expect(last.top).toBeLessThan(PHONE.height);
    await type(page, WARM);
    expect(await page.locator('#practice-log .msg.feedback').count()).toBe(2);
    // "Delete everything about me" also clears this tab's copy.
    await page.getByRole('button', { name: 'Delete everything about me' }).click();
    await expect.poll(() => page.locator('#practice-log .msg.feedback').count()).toBe(0);
    expect(await page.evaluate('sessionStorage.getItem("sobesednik-log") ?? ""')).not.toContain(WARM);
    await context.close();
  });

  it('goes on in the new language after a switch in the middle of a practice', async () => {
    const { context, page } = await open(PHONE);
    await startWithMum(page);
    await type(page, WARM);
    const before = await page.locator('#practice-log > li').count();
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await expect.poll(() => page.locator('#practice-log > li').count()).toBeGreaterThan(before);
    await expect.poll(() => page.locator('#practice-log').getAttribute('aria-busy')).toBeNull();
    await type(page, WARM_RU);
    await page.screenshot({ path: `${ARTIFACTS}/web-practice-lang-switch.png`, fullPage: true });
    // Everything after the switch: the relative's line again, then the feedback and the next line, in Russian.
    const after = (await page.locator('#practice-log > li').allTextContents()).slice(before);
    expect(after.length).toBeGreaterThanOrEqual(4);
    for (const text of after) expect(text, text).not.toMatch(/[A-Za-z]{3,}/);
    expect(after[0]).toMatch(/Мама:/);
    expect(await page.locator('label[for="practice-input"]').textContent()).toBe('Ваш ответ');
    expect(await page.locator('#meter-label').textContent()).toBe('Открытость собеседника');
    await context.close();
  });

  it('marks the exchange "try again" took back, and shows the openness going back, not up', async () => {
    const { context, page } = await open(DESKTOP);
    await startWithMum(page);
    const first = await meter(page);
    await type(page, HURTFUL);
    await expect.poll(() => meter(page)).toBeLessThan(first);
    await page
      .getByRole('button', { name: /Try that turn again/ })
      .last()
      .click();
    await expect.poll(() => meter(page)).toBe(first);
    expect(await page.locator('#meter-value').textContent()).toBe(`${first} (turn undone)`);
    expect(await page.locator('#meter-value').getAttribute('class')).toBe('meter-value');
    // The reply, its feedback and the relative's answer to it: marked, the rest not.
    expect(await page.locator('#practice-log .msg.me.undone').textContent()).toContain(HURTFUL);
    expect(await page.locator('#practice-log .msg.feedback.undone').count()).toBe(1);
    expect(await page.locator('#practice-log .msg.undone').count()).toBe(3);
    expect(await page.locator('#practice-log .undone-label').first().textContent()).toBe('undone');
    const struck = `getComputedStyle(document.querySelector('#practice-log .msg.me.undone .text')).textDecorationLine`;
    expect(await page.evaluate(struck)).toBe('line-through');
    // A second reply counts, and is not marked.
    await type(page, WARM);
    expect(await page.locator('#practice-log .msg.undone').count()).toBe(3);
    expect(await page.locator('#meter-value').textContent()).toMatch(/\(\+\d+\)$/);
    await page.screenshot({ path: `${ARTIFACTS}/web-practice-undone.png`, fullPage: true });
    await context.close();
  });

  it("draws the summary's openness as a line, not as block glyphs", async () => {
    const { context, page } = await open(PHONE);
    await startWithMum(page);
    await type(page, WARM);
    await type(page, WARM);
    const trail = await page.locator('#trail svg').getAttribute('aria-label');
    await page
      .getByRole('button', { name: /Finish/ })
      .last()
      .click();
    const summary = page.locator('#practice-log .msg.summary');
    await summary.waitFor();
    expect(await summary.textContent()).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    const line = summary.locator('svg.sparkline');
    expect(await line.count()).toBe(1);
    // The exact values, as the meter's trail had them.
    expect(await line.getAttribute('aria-label')).toBe(trail);
    const points = (await line.locator('polyline').getAttribute('points')) ?? '';
    expect(points.split(' ')).toHaveLength(3);
    await summary.screenshot({ path: `${ARTIFACTS}/web-practice-summary.png` });
    await context.close();
  });
});
