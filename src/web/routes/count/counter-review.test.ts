import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET_MS } from '../../../count/buckets.js';
import { chromiumAvailable, launchChromium, noticeMissingChromium } from '../../../test-support/chromium.js';
import { setUpElection } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// A coordinator's Review tab in Debian's Chromium on a phone, over real HTTP: two volunteers who disagree in one
// quarter hour and the coordinator's own taps side by side, the events kept but not counted, one volunteer
// excluded after a second press (the public count follows) and counted again, with the log. Screenshots of the
// phone and a desktop go to /tmp/review-shots/ for a person to look at.

noticeMissingChromium('counter review browser test');

const SHOTS = '/tmp/review-shots';
const STATION = '8267';
const PHONE = { width: 390, height: 844 };

let web: TestWeb;
let browser: Browser;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];

const settles = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function volunteerToken(): Promise<string> {
  const response = await fetch(`${web.url}/api/count/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: await invite(STATION) }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function send(token: string, events: unknown[]) {
  const response = await fetch(`${web.url}/api/count/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  expect(response.status).toBe(200);
}

const tap = (at: number) => ({
  id: randomUUID(),
  kind: 'entry',
  at: new Date(at).toISOString(),
  door: 'main',
});
const shift = (kind: 'shift-start' | 'shift-end', at: number) => ({
  id: randomUUID(),
  kind,
  at: new Date(at).toISOString(),
  door: 'main',
});

async function publicCount(): Promise<number | null> {
  const response = await fetch(`${web.url}/api/count/elections/test-count/stations/${STATION}/live`);
  return ((await response.json()) as { counted: { value: number | null } }).counted.value;
}

/** The document itself never scrolls sideways; only the table inside its card does. */
const overflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe.skipIf(!chromiumAvailable)("a coordinator's review in Chromium", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    web = await startTestWeb();
    ({ invite } = await setUpElection(web.services.store, { stations: [STATION, '8268'] }));
    browser = await launchChromium();

    // A quarter hour that is over: one volunteer tapped 13 times in one instant (3 too fast to be a person, so 10
    // count), another 20 times; 20 − 10 > max(3, 20% of 15): they disagree. Volunteers are named in the order
    // they began: the one with a tap from three days ago is A.
    const bucket = Math.floor((Date.now() - 3 * BUCKET_MS) / BUCKET_MS) * BUCKET_MS;
    const first = await volunteerToken();
    const burst = bucket + 60_000;
    await send(first, [
      shift('shift-start', bucket),
      ...Array.from({ length: 13 }, () => tap(burst)),
      shift('shift-end', bucket + BUCKET_MS),
    ]);
    const second = await volunteerToken();
    await send(second, [
      shift('shift-start', bucket),
      ...Array.from({ length: 20 }, (_, i) => tap(bucket + 120_000 + i * 10_000)),
      shift('shift-end', bucket + BUCKET_MS),
      // Three days ago the station was closed: kept, flagged, not counted.
      tap(Date.now() - 3 * 86_400_000),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('sets the volunteers side by side, excludes one after a second press, and counts them again', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${web.url}/count/join#${await invite(STATION, 'coordinator')}`);
    await settles(() => page.locator('h1').textContent()).toBe(`Polling station ${STATION}`);
    const plusOne = page.getByRole('button', { name: 'One more person went in' });
    await plusOne.click();
    await plusOne.click();
    await settles(() => page.locator('#pending').getAttribute('data-pending')).toBe('0');
    // 15 (the median of 10 and 20) and the coordinator's own 2.
    await settles(publicCount).toBe(17);

    await page.getByRole('tab', { name: 'Review' }).click();
    const review = page.locator('#review');
    await settles(() => review.locator('thead th').allTextContents()).toEqual([
      'Time',
      'A',
      'B',
      'C',
      'Used',
    ]);
    expect(await review.locator('#review-summary').textContent()).toBe('Disagreements: 1 quarter hour.');
    const disagreeing = review.locator('tr.disagrees');
    expect(await disagreeing.count()).toBe(1);
    expect(await disagreeing.locator('td').allTextContents()).toEqual(['20', '10', '—', '15']);
    expect(await disagreeing.locator('th').textContent()).toMatch(/^\d\d:\d\d–\d\d:\d\d ≠Counts differ$/);
    // The three taps of one burst are one line.
    const flagged = await review.locator('#review-flagged li').allTextContents();
    expect(flagged).toEqual([
      expect.stringMatching(/^\w+ \d+, \d\d:\d\d · Volunteer A · tap · outside opening hours$/),
      expect.stringMatching(/^\w+ \d+, \d\d:\d\d · Volunteer B · tap · faster than people walk in × 3$/),
    ]);
    expect(await review.textContent()).toContain('Nobody has been excluded.');
    expect(await overflow(page)).toBe(0);
    await review.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/review-phone-en.png`, fullPage: true });

    // The first press only asks; the second excludes.
    const b = review.locator('li[data-volunteer="B"]');
    await b.getByRole('button', { name: 'Exclude from the figures' }).click();
    const confirm = b.getByRole('button', { name: 'Sure? Tap again to exclude' });
    expect(await publicCount()).toBe(17);
    await confirm.click();
    await settles(() => b.textContent()).toContain('excluded from the figures');
    // The other volunteer's 20 and the coordinator's 2.
    await settles(publicCount).toBe(22);
    expect(await disagreeing.count()).toBe(0);
    expect(await review.locator('#review-summary').textContent()).toBe('No disagreements.');
    expect(await review.locator('#review-log li').allTextContents()).toEqual([
      expect.stringMatching(/ · Volunteer B excluded from the figures · coordinator \(volunteer C\)$/),
    ]);
    await page.screenshot({ path: `${SHOTS}/review-phone-excluded-en.png`, fullPage: true });

    await b.getByRole('button', { name: 'Count again' }).click();
    await b.getByRole('button', { name: 'Sure? Tap again to count again' }).click();
    await settles(() => review.locator('#review-log li').count()).toBe(2);
    await settles(publicCount).toBe(17);

    // The same view on a desktop, and in Russian.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/review-desktop-en.png`, fullPage: true });
    await page.getByRole('button', { name: 'RU' }).click();
    await settles(() => review.locator('h2').textContent()).toBe('Проверка данных участка');
    await page.screenshot({ path: `${SHOTS}/review-desktop-ru.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await review.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/review-phone-ru.png`, fullPage: true });
    await context.close();
  });

  it("shows a volunteer's counter no Review tab", async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${web.url}/count/join#${await invite(STATION)}`);
    await settles(() => page.locator('h1').textContent()).toBe(`Polling station ${STATION}`);
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Count', 'Exit poll']);
    await context.close();
  });
});
