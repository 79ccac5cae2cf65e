import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, noticeMissingChromium } from '../../../test-support/chromium.js';
import { setUpElection } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// The volunteer's counter in Debian's Chromium, against the real server over HTTP: joining by invite link, taps
// online and offline, a reload with no network (the service worker serves the page), a second tab, undo, and
// the server ending up with each action exactly once. Screenshots go to test-artifacts/ for a person to look at.

noticeMissingChromium('counter browser tests');

const ARTIFACTS = 'test-artifacts';
const STATION = '8267';
const PHONE = { width: 390, height: 844 };

let web: TestWeb;
let browser: Browser;
let invite: (station: string) => Promise<string>;
let election: string;

async function phone(locale = 'en-US', viewport = PHONE): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport, hasTouch: viewport === PHONE });
}

/** What the server stored for the station: every event, and how many of each kind. */
async function stored() {
  const { events } = await web.services.store.count.stationEvents(election, STATION);
  const kinds = (kind: string) => events.filter((e) => e.kind === kind).length;
  return { ids: events.map((e) => e.id), entries: kinds('entry'), undos: kinds('undo'), all: events };
}

const mine = (page: Page) => page.locator('#mine').textContent();
const pending = (page: Page) => page.locator('#pending').getAttribute('data-pending');

/** Polls until the page shows it: generous, since CI runs this beside other suites on two cores. */
const settles = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** Resolves once the page's service worker is active, its precache filled (install waits for it). */
function workerReady(page: Page): Promise<unknown> {
  return page.evaluate('navigator.serviceWorker.ready.then(() => true)');
}

describe.skipIf(!chromiumAvailable)('the volunteer counter in Chromium', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    web = await startTestWeb();
    const setup = await setUpElection(web.services.store, { stations: [STATION, '8268'] });
    invite = setup.invite;
    election = setup.election.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('counts taps online and offline, across a reload and a second tab, and the server gets each once', async () => {
    const context = await phone();
    const page = await context.newPage();
    /** What the server answered to every batch any tab sent: each action accepted once, none sent twice. */
    const answered = { accepted: 0, duplicates: 0 };
    // A routed request is fetched from Node, which setOffline does not reach: the route keeps the network off too.
    let offline = false;
    const setOffline = async (off: boolean) => {
      offline = off;
      await context.setOffline(off);
    };
    await context.route('**/api/count/events', async (route) => {
      const response = offline ? null : await route.fetch().catch(() => null);
      if (!response) return route.abort('internetdisconnected');
      if (response.ok()) {
        const body = (await response.json()) as typeof answered;
        answered.accepted += body.accepted;
        answered.duplicates += body.duplicates;
      }
      return route.fulfill({ response });
    });

    const code = await invite(STATION);
    await page.goto(`${web.url}/count/join#${code}`);
    await settles(() => page.locator('h1').textContent()).toBe(`Polling station ${STATION}`);
    // The code leaves the address bar (and the history) once it is redeemed.
    expect(page.url()).toBe(`${web.url}/count/counter`);
    await workerReady(page);

    const tap = page.getByRole('button', { name: 'One more person went in' });
    for (let i = 0; i < 3; i++) await tap.click();
    await settles(() => mine(page)).toBe('3');
    await settles(() => pending(page)).toBe('0');
    expect((await stored()).entries).toBe(3);
    await page.screenshot({ path: `${ARTIFACTS}/count-counter-phone-en.png`, fullPage: true });

    await setOffline(true);
    await settles(() => page.locator('#net-state').textContent()).toBe('Offline');
    await tap.click();
    await tap.click();
    await settles(() => mine(page)).toBe('5');
    expect(await pending(page)).toBe('2');

    // No network at all: the service worker serves the page, the journal still has the two unsent taps.
    await page.reload();
    await settles(() => mine(page)).toBe('5');
    expect(await page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);
    expect(await pending(page)).toBe('2');
    expect(await page.locator('#net-state').textContent()).toBe('Offline');
    await page.screenshot({ path: `${ARTIFACTS}/count-counter-offline.png`, fullPage: true });

    // A second tab, also offline, shares the journal; a tap there shows in the first tab too.
    const second = await context.newPage();
    await second.goto(`${web.url}/count/counter`);
    await settles(() => mine(second)).toBe('5');
    await second.getByRole('button', { name: 'One more person went in' }).click();
    await settles(() => mine(second)).toBe('6');
    await settles(() => mine(page)).toBe('6');
    await page.getByRole('button', { name: 'Undo the last tap' }).click();
    await settles(() => mine(page)).toBe('5');
    await settles(() => mine(second)).toBe('5');
    await settles(() => pending(second)).toBe('4');

    // Back online: both tabs want to send; the lock lets one, and every action arrives once.
    await setOffline(false);
    await settles(() => pending(page)).toBe('0');
    await settles(() => pending(second)).toBe('0');
    const server = await stored();
    expect(server.entries).toBe(6);
    expect(server.undos).toBe(1);
    expect(new Set(server.ids).size).toBe(server.ids.length);
    expect(answered).toEqual({ accepted: 7, duplicates: 0 });
    // The undo took back the tap made last (in the second tab).
    const undo = server.all.find((e) => e.kind === 'undo');
    const lastEntry = server.all.filter((e) => e.kind === 'entry').sort((a, b) => b.at - a.at)[0];
    expect(undo?.target).toBe(lastEntry?.id);
    await context.close();
  });

  it('sends a batch again when its answer is lost or the server is restarting, and it still counts once', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${web.url}/count/join#${await invite('8268')}`);
    await settles(() => page.locator('h1').textContent()).toBe('Polling station 8268');
    const before = (await web.services.store.count.stationEvents(election, '8268')).events.length;

    // The first batch reaches the server and is stored, but its answer is lost; the second meets a 503.
    let calls = 0;
    await page.route('**/api/count/events', async (route) => {
      calls++;
      if (calls === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      if (calls === 2) return route.fulfill({ status: 503, body: '{"error":"restarting"}' });
      return route.continue();
    });
    await page.getByRole('button', { name: 'One more person went in' }).click();
    await settles(() => mine(page)).toBe('1');
    await settles(() => calls).toBeGreaterThanOrEqual(3);
    await settles(() => pending(page)).toBe('0');
    const { events } = await web.services.store.count.stationEvents(election, '8268');
    expect(events.length - before).toBe(1);
    await context.close();
  });

  it('refuses a used or unknown code in the volunteer language, and keeps the counter it had', async () => {
    const context = await phone('ru-RU');
    const page = await context.newPage();
    const code = await invite(STATION);
    await page.goto(`${web.url}/count/join#${code}`);
    await settles(() => page.locator('h1').textContent()).toBe(`Участок ${STATION}`);
    expect(await page.locator('.election').textContent()).toBe('Тестовые выборы');

    // The same link opened again on the same phone goes to its counter without spending anything.
    await page.goto(`${web.url}/count/join#${code}`);
    await settles(() => page.locator('h1').textContent()).toBe(`Участок ${STATION}`);

    // Another phone opening the used link is told so, in its language.
    const other = await phone('ru-RU');
    const second = await other.newPage();
    await second.goto(`${web.url}/count/join#${code}`);
    const alert = second.getByRole('alert');
    await settles(() => alert.textContent()).toMatch(/уже использована, устарела или неверна/);
    expect(second.url()).toBe(`${web.url}/count/join`);
    await second.screenshot({ path: `${ARTIFACTS}/count-join-refused-ru.png` });
    await second.getByRole('button', { name: 'EN' }).click();
    await settles(() => alert.textContent()).toMatch(/already been used, has expired or is not valid/);
    await other.close();

    // An unknown code on the phone that has a counter: the message, and the way back to it.
    await page.goto(`${web.url}/count/join#not-a-real-code`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/уже использована, устарела или неверна/);
    await page.getByRole('button', { name: 'Вернуться к своему счётчику' }).click();
    await settles(() => page.locator('h1').textContent()).toBe(`Участок ${STATION}`);
    await page.screenshot({ path: `${ARTIFACTS}/count-counter-phone-ru.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ARTIFACTS}/count-counter-phone-dark.png`, fullPage: true });
    await context.close();
  });

  it('records a shift at a named door and a queue report, and shows on a desktop too', async () => {
    const context = await phone('en-US', { width: 1280, height: 800 });
    const page = await context.newPage();
    await page.goto(`${web.url}/count/join#${await invite(STATION)}`);
    await settles(() => page.locator('h1').textContent()).toBe(`Polling station ${STATION}`);

    await page.getByLabel('Door').fill('side');
    await page.getByRole('button', { name: 'Start shift' }).click();
    await settles(() => page.locator('#shift-state').textContent()).toMatch(/since .*door “side”/);
    await page.getByRole('button', { name: 'One more person went in' }).click();
    await page.getByLabel('People in line').fill('40');
    await page.getByLabel('Estimated wait, minutes').fill('25');
    await page.getByRole('button', { name: 'Report the queue' }).click();
    await settles(() => page.locator('#queue-last').textContent()).toMatch(/40 people, about 25 min/);
    await page.getByRole('button', { name: 'End shift' }).click();
    await settles(() => page.locator('#shift-state').textContent()).toMatch(/No shift running/);
    await settles(() => pending(page)).toBe('0');

    const { all } = await stored();
    const kinds = all.filter((e) => e.door === 'side').map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['shift-start', 'entry', 'shift-end']));
    const queue = all.find((e) => e.kind === 'queue');
    expect([queue?.people, queue?.waitMinutes]).toEqual([40, 25]);
    // The station's total comes from the public live figures.
    await expect
      .poll(() => page.locator('#station-total').textContent(), { timeout: 10_000 })
      .toMatch(/^\d+$/);
    await page.screenshot({ path: `${ARTIFACTS}/count-counter-desktop.png`, fullPage: true });

    // At the end of the day the volunteer erases the counter from the phone; the server keeps everything.
    await page.getByText('Finish on this phone').click();
    await page.getByRole('button', { name: 'Erase the counter from this phone' }).click();
    await page.getByRole('button', { name: 'Sure? Tap again to erase' }).click();
    await settles(() => page.locator('main').textContent()).toMatch(/erased from this phone/);
    await page.reload();
    await settles(() => page.locator('main').textContent()).toMatch(/have not joined a polling station/);
    expect((await stored()).all.length).toBe(all.length);
    await context.close();
  });

  it('enters exit-poll answers online and offline, undoes one before it is sent, and the server counts each once', async () => {
    const context = await phone('ru-RU');
    const page = await context.newPage();
    await page.goto(`${web.url}/count/join#${await invite('8268')}`);
    await settles(() => page.locator('h1').textContent()).toBe('Участок 8268');
    await workerReady(page);
    await page.getByRole('tab', { name: 'Опрос' }).click();
    const answers = page.locator('button.poll-answer');
    await settles(() => answers.allTextContents()).toEqual([
      'А',
      'Недействительный бюллетень',
      'Бюллетень унесён',
      'Не захотел отвечать',
    ]);
    const count = () => page.locator('#poll-count').textContent();
    const answer = (name: string) => page.getByRole('button', { name, exact: true }).click();

    // Online: gender and age go with the one answer they were ticked for, then clear.
    await answer('Женщина');
    await answer('30–44');
    await answer('А');
    await settles(count).toBe('1');
    expect(await page.locator('#poll-notice').textContent()).toBe('Записано: А');
    expect(await page.locator('[aria-pressed="true"]').count()).toBe(1); // only the language switch
    // A wrong tap is taken back while the answer still waits on the phone.
    await answer('Не захотел отвечать');
    await settles(count).toBe('2');
    await page.getByRole('button', { name: 'Отменить последний ответ' }).click();
    await settles(count).toBe('1');
    expect(await page.locator('#poll-notice').textContent()).toBe('Последний ответ отменён.');
    await settles(() => pending(page)).toBe('0');
    expect(await page.getByRole('button', { name: 'Отменить последний ответ' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/count-exitpoll-phone-ru.png`, fullPage: true });

    // Offline: answers wait on the phone, across a reload the worker serves, in the mode the volunteer left.
    await context.setOffline(true);
    await answer('А');
    await answer('А');
    await answer('Недействительный бюллетень');
    await settles(count).toBe('4');
    await page.reload();
    await settles(count).toBe('4');
    expect(await pending(page)).toBe('3');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.screenshot({ path: `${ARTIFACTS}/count-exitpoll-offline-en.png`, fullPage: true });
    await context.setOffline(false);
    await settles(() => pending(page)).toBe('0');

    const db = new Database(web.dbFile, { readonly: true });
    const rows = db
      .prepare(
        "select answer, gender, age, respondents from count_answers where station = '8268' order by answer, age",
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { answer: 'a', gender: '', age: -1, respondents: 2 },
      { answer: 'a', gender: 'female', age: 30, respondents: 1 },
      { answer: 'invalid', gender: '', age: -1, respondents: 1 },
    ]);
    await context.close();
  });

  it('stamps actions with the server time when the phone clock is hours off, and says so', async () => {
    const context = await phone();
    const page = await context.newPage();
    // Set by hand to local time in the wrong time zone: three hours ahead of the real instant.
    await page.clock.setFixedTime(Date.now() + 3 * 3_600_000);
    await page.goto(`${web.url}/count/join#${await invite('8268')}`);
    await settles(() => page.locator('h1').textContent()).toBe('Polling station 8268');
    await settles(() => page.locator('#clock-off').textContent()).toMatch(/180 min off/);
    await page.getByRole('button', { name: 'One more person went in' }).click();
    await settles(() => pending(page)).toBe('0');
    const { events } = await web.services.store.count.stationEvents(election, '8268');
    const last = events.filter((e) => e.kind === 'entry').sort((a, b) => b.at - a.at)[0];
    expect(Math.abs((last?.at ?? 0) - Date.now())).toBeLessThan(120_000);
    expect(last?.flagged).toBe(false);
    await context.close();
  });
});
