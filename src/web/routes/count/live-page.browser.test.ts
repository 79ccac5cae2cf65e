import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSING_ANSWERS } from '../../../catalogue/election.js';
import { chromiumAvailable, launchChromium, noticeMissingChromium } from '../../../test-support/chromium.js';
import { openElection, testStation } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// The public live count page in Debian's Chromium, over real HTTP: stations imported through the store, the
// volunteers' events sent through the API as their phones send them, and the page read as a visitor reads it.

noticeMissingChromium('live count page tests');

const ARTIFACTS = 'test-artifacts';
const MINUTE = 60_000;
const ELECTION = 'test-live';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let web: TestWeb;
let browser: Browser;

const at = (ms: number) => new Date(ms).toISOString();
const event = (kind: string, ms: number, extra: object = {}) => ({
  id: randomUUID(),
  kind,
  at: at(ms),
  ...extra,
});

/** Joins a station with a fresh invite code, as a volunteer's phone does, and returns how it sends events. */
async function volunteer(station: string) {
  const [code] = await web.services.store.count.createInvites({
    election: ELECTION,
    station,
    role: 'volunteer',
    expiresAt: Date.now() + 86_400_000,
    n: 1,
  });
  const joined = await fetch(`${web.url}/api/count/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const { token } = (await joined.json()) as { token: string };
  return async (events: object[]) => {
    const response = await fetch(`${web.url}/api/count/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ events }),
    });
    expect(response.status).toBe(200);
  };
}

/** A volunteer at the main door since `from`, who saw `people` go in, evenly spread until now. */
function shiftWithEntries(from: number, people: number) {
  const step = (Date.now() - MINUTE - from) / people;
  return [
    event('shift-start', from, { door: 'main' }),
    ...Array.from({ length: people }, (_, i) => event('entry', from + 1000 + i * step, { door: 'main' })),
  ];
}

async function open(path: string, options: { locale?: string; viewport?: typeof DESKTOP } = {}) {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    timezoneId: 'Europe/Belgrade',
    viewport: options.viewport ?? DESKTOP,
  });
  const page = await context.newPage();
  await page.goto(`${web.url}${path}`);
  return { context, page };
}

const total = (page: Page) => page.getByTestId('total').textContent();
const card = (page: Page, station: string) => page.locator(`.station-card[data-station="${station}"]`);

describe.skipIf(!chromiumAvailable)('the live count page in Chromium', () => {
  let berlin: (events: object[]) => Promise<void>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    web = await startTestWeb();
    const election = {
      ...openElection(ELECTION),
      title: { ru: 'Выборы для проверки', en: 'Election under test' },
      answers: [
        { id: 'davankov', ru: 'Даванков', en: 'Davankov' },
        ...CLOSING_ANSWERS.map((id) => ({ id, ru: `ответ ${id}`, en: `answer ${id}` })),
      ],
    };
    await web.services.store.count.saveElection(election);
    await web.services.store.count.importStations(ELECTION, [
      testStation(election, '8267', { country: 'RS', city: 'Belgrade' }),
      testStation(election, '8270', { country: 'RS', city: 'Novi Sad' }),
      testStation(election, '8100', { country: 'DE', city: 'Berlin' }),
      testStation(election, '8101', { country: 'DE', city: 'Munich' }),
      testStation(election, '8300', { country: 'GE', city: 'Tbilisi' }),
    ]);
    const now = Date.now();
    const belgrade = await volunteer('8267');
    await belgrade([
      ...shiftWithEntries(now - 2 * 3_600_000, 30),
      event('queue', now - 10 * MINUTE, { people: 350, waitMinutes: 120 }),
      event('exitpoll', now - 5 * MINUTE, { answer: 'davankov' }),
    ]);
    berlin = await volunteer('8100');
    await berlin(shiftWithEntries(now - 3_600_000, 12));
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await web?.close();
  });

  it('shows the total and a card per station, in English and in Russian, and no exit-poll answer', async () => {
    const { context, page } = await open(`/count/${ELECTION}`);
    contexts.push(context);
    await expect.poll(() => total(page)).toBe('42');
    expect(await page.locator('h1').textContent()).toBe('Election under test');
    expect(await page.title()).toContain('Election under test');
    expect(await page.locator('.station-card').count()).toBe(5);

    const belgrade = await card(page, '8267').textContent();
    expect(belgrade).toContain('Belgrade, Serbia');
    expect(belgrade).toContain('Station 8267');
    expect(belgrade).toContain('Counted 30');
    expect(belgrade).toMatch(/Counted during \d+% of the station's opening hours/);
    expect(belgrade).toContain('Queue: 350 people, about 2 h wait');
    expect(belgrade).toContain('reported 10 minutes ago');
    expect(belgrade).toMatch(/Updated (now|\d+ minutes? ago)/);
    const tbilisi = await card(page, '8300').textContent();
    expect(tbilisi).toContain('Tbilisi, Georgia');
    expect(tbilisi).toContain('Nobody has counted here yet');
    expect(tbilisi).not.toContain('Arrivals chart');
    expect(belgrade).toContain('Arrivals chart');
    await expect
      .poll(() => page.locator('.connection').textContent())
      .toBe('The figures update by themselves');

    await page.getByRole('button', { name: 'RU' }).click();
    expect(await page.locator('h1').textContent()).toBe('Выборы для проверки');
    const russian = await card(page, '8267').textContent();
    expect(russian).toContain('Belgrade, Сербия');
    expect(russian).toContain('Участок № 8267');
    expect(russian).toContain('Очередь: 350 чел., ждать 2 ч');
    expect(await page.locator('.total-note').textContent()).toBe('человека на 5 участках');

    const text = await page.locator('body').textContent();
    for (const answer of ['Davankov', 'Даванков', 'davankov']) expect(text).not.toContain(answer);
  });

  it("offers a station's and the election's share card as a PNG in the page's language", async () => {
    const { context, page } = await open(`/count/${ELECTION}`);
    contexts.push(context);
    await expect.poll(() => total(page)).toBe('42');
    expect(await card(page, '8300').getByRole('link', { name: 'Share card' }).count()).toBe(0);
    const station = card(page, '8267').getByRole('link', { name: 'Share card' });
    const href = await station.getAttribute('href');
    expect(href).toBe(`/api/count/elections/${ELECTION}/stations/8267/card.png?lang=en`);
    const [tab] = await Promise.all([context.waitForEvent('page'), station.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${web.url}${href}`);
    const png = await page.request.get(`${web.url}${href}`);
    expect(png.headers()['content-type']).toBe('image/png');
    writeFileSync(`${ARTIFACTS}/share-card-8267-en.png`, await png.body());

    await page.getByRole('button', { name: 'RU' }).click();
    const all = page.locator('.total').getByRole('link', { name: 'Картинка для близких' });
    expect(await all.getAttribute('href')).toBe(`/api/count/elections/${ELECTION}/card.png?lang=ru`);
    const election = await page.request.get(`${web.url}/api/count/elections/${ELECTION}/card.png?lang=ru`);
    expect(election.status()).toBe(200);
    writeFileSync(`${ARTIFACTS}/share-card-election-ru.png`, await election.body());
  });

  it('shows a new count without a reload, and says when the figures are stale', async () => {
    const { context, page } = await open(`/count/${ELECTION}`, { viewport: PHONE });
    contexts.push(context);
    await expect.poll(() => total(page)).toBe('42');
    await expect.poll(() => page.locator('.connection').getAttribute('class')).toContain('live');
    await page.evaluate('window.sameDocument = true');

    await berlin([event('entry', Date.now() - 1000), event('entry', Date.now() - 500)]);
    await expect.poll(() => total(page), { timeout: 5000 }).toBe('44');
    expect(await card(page, '8100').textContent()).toContain('Counted 14');

    // Offline: the page says its figures may be out of date; what happened meanwhile shows once it is back.
    await context.setOffline(true);
    await expect
      .poll(() => page.locator('.connection.stale').textContent())
      .toMatch(/^No connection to the server since \d\d:\d\d/);
    await page.screenshot({ path: `${ARTIFACTS}/count-live-stale.png` });
    await berlin([event('entry', Date.now() - 1000)]);
    await context.setOffline(false);
    await expect.poll(() => total(page), { timeout: 10_000 }).toBe('45');
    await expect.poll(() => page.locator('.connection').getAttribute('class')).toContain('live');
    expect(await page.evaluate('window.sameDocument')).toBe(true);
  });

  it('filters the stations by country, and keeps the filter in the address', async () => {
    const { context, page } = await open(`/count/${ELECTION}`);
    contexts.push(context);
    await page.locator('.station-card').first().waitFor();
    await page.getByLabel('Country').selectOption({ label: 'Germany (2)' });
    expect(await page.locator('.station-card').count()).toBe(2);
    expect(await page.getByTestId('shown').textContent()).toMatch(/^2 stations here, 1[2-5] counted$/);
    expect(page.url()).toContain('?country=DE');
    await page.reload();
    await page.locator('.station-card').first().waitFor();
    expect(await page.locator('.station-card h3').allTextContents()).toEqual([
      'Berlin, Germany',
      'Munich, Germany',
    ]);
  });

  it("draws a station's arrivals per quarter hour, with the unwatched quarters as gaps", async () => {
    const { context, page } = await open(`/count/${ELECTION}`);
    contexts.push(context);
    await card(page, '8267').getByRole('button', { name: 'Arrivals chart' }).click();
    const canvas = page.locator('#chart canvas');
    await canvas.waitFor();
    expect(page.url()).toContain('station=8267');
    expect(await page.getByLabel('Station', { exact: true }).inputValue()).toBe('8267');
    expect(await canvas.getAttribute('aria-label')).toMatch(/station 8267 .*30 counted/);
    const painted = await page.evaluate<number>(`(() => {
      const canvas = document.querySelector('#chart canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted;
    })()`);
    expect(painted).toBeGreaterThan(1000);
    expect(await page.locator('#chart .legend').textContent()).toBe('Main doornobody counting');

    // Quarters before the shift are "nobody counting", never 0; the shift's quarters hold the people. The chart
    // shows a day at a time (the shift may have begun the day before, in the browser's time zone).
    const cells: string[] = [];
    const days = page.locator('#chart .day-switch button');
    await page.locator('#chart summary').click();
    for (let day = 0; day < Math.max(1, await days.count()); day++) {
      if ((await days.count()) > 0) await days.nth(day).click();
      cells.push(...(await page.locator('#chart tbody td:first-of-type').allTextContents()));
    }
    expect(await days.last().getAttribute('aria-pressed')).toBe('true');
    // The station's clock (UTC here), not the viewer's (Belgrade): the station's day begins at 00:00 on it.
    expect(await page.locator('#chart tbody th').first().textContent()).toBe('00:00');
    expect(await page.locator('#chart .chart-note').textContent()).toBe(
      "Times on the chart are the station's local time (UTC)",
    );
    expect(cells[0]).toBe('nobody counting');
    expect(cells.slice(-8).every((cell) => /^\d+$/.test(cell))).toBe(true);
    const counted = cells.filter((cell) => cell !== 'nobody counting').map(Number);
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(30);
    await page.screenshot({ path: `${ARTIFACTS}/count-live-desktop.png`, fullPage: true });
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { context, page } = await open(`/count/${ELECTION}?station=8267`, {
      locale: 'ru-RU',
      viewport: PHONE,
    });
    contexts.push(context);
    await page.locator('#chart canvas').waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
    const size = await page.evaluate<number>(
      `parseFloat(getComputedStyle(document.querySelector('[data-testid="total"]')).fontSize)`,
    );
    expect(size).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: `${ARTIFACTS}/count-live-phone.png`, fullPage: true });
    await page.locator('#chart').screenshot({ path: `${ARTIFACTS}/count-live-phone-chart.png` });
  });

  it('says plainly when the election is unknown', async () => {
    const { context, page } = await open('/count/no-such-election');
    contexts.push(context);
    await expect.poll(() => page.locator('h1').textContent()).toBe('No such election here');
    expect(await page.locator('.missing').textContent()).toContain('“no-such-election”');
  });
});
