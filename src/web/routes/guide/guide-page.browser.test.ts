import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, noticeMissingChromium } from '../../../test-support/chromium.js';
import { setUpElection, testStation } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// The guide page in Debian's Chromium over real HTTP, on a desktop and on a phone: the wizard to its checklist,
// the finder in three languages with typos, "near me" from a mocked position (which must reach no server), the
// map drawn with every outside host blocked, and screenshots in both languages to look at.

noticeMissingChromium('guide page tests');

const SHOTS = '/tmp/guide-shots';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const LIVE = 'guide-test-live';
/** Novi Sad: the running election's station there is nearest, then Belgrade's, then Berlin's. */
const NOVI_SAD = { latitude: 45.2551, longitude: 19.8452 };

let web: TestWeb;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request the page made: its URL and body. */
  requests: { url: string; body: string }[];
  /** Script errors and console errors (a refused inline style or script shows here). */
  problems: string[];
}

async function open(
  path: string,
  options: {
    locale?: string;
    viewport?: typeof DESKTOP;
    geolocation?: typeof NOVI_SAD;
    offline?: boolean;
  } = {},
): Promise<Opened> {
  const context = await browser.newContext({
    locale: options.locale ?? 'ru-RU',
    colorScheme: 'light',
    timezoneId: 'Europe/Belgrade',
    viewport: options.viewport ?? DESKTOP,
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  contexts.push(context);
  const requests: Opened['requests'] = [];
  context.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
  if (options.offline)
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' ? route.continue() : route.abort('internetdisconnected');
    });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${web.url}${path}`);
  return { context, page, requests, problems };
}

async function answer(page: Page, label: RegExp) {
  await page.getByRole('button', { name: label }).click();
}

/** Goes through the wizard for a Russian citizen in Belgrade with a valid foreign passport and no application. */
async function wizardForBelgrade(page: Page, lang: 'ru' | 'en') {
  const words =
    lang === 'ru'
      ? { yes: /^Да$/, serbia: /^Сербия$/, foreign: /^Загранпаспорт$/, no: /^Нет$/ }
      : { yes: /^Yes$/, serbia: /^Serbia$/, foreign: /^Foreign passport/i, no: /^No$/ };
  const wizard = page.locator('#wizard');
  await expect.poll(() => wizard.locator('.wizard-progress').textContent()).toMatch(/1 (из|of) 6/);
  await answer(page, words.yes);
  await expect.poll(() => wizard.locator('.wizard-progress').textContent()).toMatch(/2 (из|of) 6/);
  // The country whose stations keep this device's clock (Europe/Belgrade) comes first; a box narrows the rest.
  await expect
    .poll(() => wizard.locator('.wizard-options button').first().textContent())
    .toMatch(words.serbia);
  if ((await wizard.locator('#wizard-filter').count()) > 0) {
    await wizard.locator('#wizard-filter').fill(lang === 'ru' ? 'серб' : 'serb');
    await expect
      .poll(() => wizard.locator('.wizard-options button').allTextContents())
      .toEqual([lang === 'ru' ? 'Сербия' : 'Serbia', lang === 'ru' ? 'Другая страна' : 'Another country']);
  }
  await answer(page, words.serbia);
  // Where Serbia has stations in more than one city, the wizard asks which.
  const question = wizard.locator('.wizard-question');
  await expect.poll(() => question.textContent()).not.toMatch(/стране|country/);
  const city = wizard.getByRole('button', { name: /^(Белград|Belgrade)$/ });
  if ((await city.count()) > 0) await city.click();
  await answer(page, words.foreign);
  await answer(page, words.yes);
  await answer(page, words.no);
  await wizard.locator('.checklist').waitFor();
}

async function search(page: Page, text: string) {
  await page.locator('#finder-query').fill(text);
  await page.locator('#finder-query').press('Enter');
}

const cardNumbers = (page: Page) =>
  page.locator('#finder .station-list .station-card').evaluateAll((cards) => cards.map((card) => card.id));

describe.skipIf(!chromiumAvailable)('the guide page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    web = await startTestWeb();
    // An election running now, imported by a coordinator, with coordinates and a reported queue.
    const { election, invite } = await setUpElection(web.services.store, { id: LIVE, stations: ['8267'] });
    await web.services.store.count.importStations(election.id, [
      testStation(election, '8267', {
        lat: 44.8125,
        lon: 20.4612,
        timezone: 'Europe/Belgrade',
        address: 'Bulevar crvene armije 28',
      }),
      testStation(election, '8270', {
        city: 'Novi Sad',
        lat: 45.2551,
        lon: 19.8452,
        timezone: 'Europe/Belgrade',
      }),
      testStation(election, '8315', {
        country: 'DE',
        city: 'Berlin',
        lat: 52.517,
        lon: 13.3817,
        timezone: 'Europe/Berlin',
      }),
    ]);
    const code = await invite('8267');
    const joined = await fetch(`${web.url}/api/count/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const sent = await fetch(`${web.url}/api/count/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${joined.token}` },
      body: JSON.stringify({
        events: [
          {
            id: randomUUID(),
            kind: 'queue',
            at: new Date(Date.now() - 60_000).toISOString(),
            people: 40,
            waitMinutes: 25,
          },
        ],
      }),
    });
    expect(sent.status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await web?.close();
  });

  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`${device}: the wizard leads a voter in Belgrade to a checklist with station 8267 and "add to calendar"`, async () => {
      const { page } = await open('/guide?election=pres-2024', { viewport });
      await wizardForBelgrade(page, 'ru');
      const checklist = page.locator('#wizard .checklist');
      await expect.poll(() => checklist.locator('h3').textContent()).toMatch(/Голосовать вы можете/);
      const card = checklist.locator('#station-8267');
      await expect.poll(() => card.textContent()).toContain('Bulevar crvene armije 28');
      await expect.poll(() => card.textContent()).toContain('17 марта 2024');
      const calendar = card.getByRole('link', { name: 'Добавить в календарь' });
      expect(await calendar.getAttribute('href')).toBe(
        '/api/guide/elections/pres-2024/stations/8267/calendar.ics?lang=ru',
      );
      // Each item has a status and a link to its topic.
      expect(await checklist.locator('.item').count()).toBeGreaterThanOrEqual(6);
      expect(await checklist.locator('.item a').count()).toBe(await checklist.locator('.item').count());

      // The answers are in the address: a reload shows the same checklist; "back" asks the last question again.
      expect(page.url()).toContain('#citizen=yes&country=RS');
      await page.reload();
      await page.locator('#wizard .checklist').waitFor();
      await page.getByRole('button', { name: /Назад/ }).click();
      await expect.poll(() => page.locator('#wizard .wizard-question').textContent()).toMatch(/заявление/);

      // The buttons are big enough for a finger.
      const heights = await page
        .locator('#wizard button, #finder button')
        .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
      for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
      // Nothing runs off the side of the screen.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  it('a typed city answers the country and the city at once; an unknown place says what to do', async () => {
    const { page } = await open('/guide?election=pres-2024&lang=en#citizen=yes');
    const wizard = page.locator('#wizard');
    await wizard.locator('#wizard-filter').fill('Atlantis');
    await wizard.locator('#wizard-filter').press('Enter');
    await expect.poll(() => wizard.locator('#wizard-unknown').textContent()).toMatch(/not in the list/);
    await wizard.locator('#wizard-filter').fill('Beograd');
    await wizard.locator('#wizard-filter').press('Enter');
    await expect.poll(() => wizard.locator('.wizard-question').textContent()).toMatch(/passport/i);
    expect(page.url()).toContain('#citizen=yes&country=RS');
  });

  it('a checklist link opens its topic, with sources and the day they were checked', async () => {
    const { page } = await open(
      '/guide?election=pres-2024#citizen=yes&country=RS&passport=foreign&valid=yes&applied=no',
    );
    await page.locator('#wizard .checklist').waitFor();
    await page.locator('#wizard .item').filter({ hasText: 'загранпаспорт' }).getByRole('link').click();
    const topic = page.locator('#topic-documents');
    await expect.poll(() => topic.getAttribute('open')).not.toBeNull();
    await expect
      .poll(() => topic.locator('.source').first().textContent())
      .toMatch(/проверено \d+ \S+ \d{4}/);
    expect(await page.locator('details.topic').count()).toBeGreaterThanOrEqual(12);
  });

  it('the finder finds Belgrade as Beograd, белград and белгрод (a typo), in English too', async () => {
    const { page } = await open('/guide?election=pres-2024');
    for (const query of ['Beograd', 'белград', 'белгрод', 'Belgrade']) {
      await search(page, query);
      await expect.poll(() => cardNumbers(page), { message: query }).toEqual(['station-8267']);
    }
    await search(page, 'Сербия');
    await expect.poll(() => cardNumbers(page)).toEqual(['station-8267']);
    await search(page, 'Атлантида');
    await expect.poll(() => page.locator('.finder-message').textContent()).toMatch(/не нашлось/);

    await page.getByRole('button', { name: 'EN' }).click();
    expect(page.url()).toContain('lang=en');
    await search(page, 'Beograd');
    await expect
      .poll(() => page.locator('#station-8267').getByRole('link').textContent())
      .toBe('Add to calendar');
  });

  it('"near me" lists the nearest station first, with its live queue, and sends the position nowhere', async () => {
    const { page, requests } = await open(`/guide?election=${LIVE}`, {
      geolocation: NOVI_SAD,
      viewport: PHONE,
    });
    await page.locator('#finder').waitFor();
    await expect.poll(() => page.locator('.notice.running').count()).toBe(1);
    await page.getByRole('button', { name: /Рядом со мной/ }).click();
    await expect.poll(() => cardNumbers(page)).toEqual(['station-8270', 'station-8267', 'station-8315']);
    await expect.poll(() => page.locator('#station-8270 .station-distance').textContent()).toMatch(/≈ 0 км/);
    await expect
      .poll(() => page.locator('#station-8267 .station-queue').textContent())
      .toMatch(/Очередь: 40 чел\., ждать около 25 мин/);
    expect(await page.getByText(/остаётся на телефоне/).count()).toBe(1);
    const leaked = requests.filter(({ url, body }) =>
      [url, body].some((text) => /45[.,]25|19[.,]84|latitude|longitude/i.test(decodeURIComponent(text))),
    );
    expect(leaked).toEqual([]);
  });

  it('the shipped stations stand on the map at their city centres, and "near me" says the distance is to one', async () => {
    const { page } = await open('/guide?election=pres-2024', {
      geolocation: { latitude: 44.8176, longitude: 20.4569 },
    });
    await page.locator('.map-svg').waitFor();
    expect(await page.locator('.map-svg a.map-dot').count()).toBeGreaterThan(20);
    await page.getByRole('button', { name: /Рядом со мной/ }).click();
    await expect.poll(async () => (await cardNumbers(page))[0]).toBe('station-8267');
    await expect
      .poll(() => page.locator('#station-8267 .station-distance').textContent())
      .toMatch(/км до центра города/);
  });

  it('"near me" says plainly what to do when the position is not allowed', async () => {
    const { page } = await open(`/guide?election=${LIVE}&lang=en`);
    await page.locator('#finder').waitFor();
    await page.getByRole('button', { name: /Near me/ }).click();
    await expect
      .poll(() => page.locator('.finder-message').textContent())
      .toMatch(/not allowed|Could not find/);
  });

  it('draws the map with dots with every outside host blocked, and a dot shows its station', async () => {
    const { page, requests, problems } = await open(`/guide?election=${LIVE}`, { offline: true });
    const map = page.locator('.map-svg');
    await map.waitFor();
    expect((await map.locator('.map-land').getAttribute('d'))?.length).toBeGreaterThan(1000);
    expect(await map.locator('a.map-dot').count()).toBe(3);
    expect(requests.every(({ url }) => new URL(url).hostname === '127.0.0.1')).toBe(true);
    const dot = map.getByRole('link', { name: /Нови-Сад|Novi Sad/ });
    await dot.click();
    await expect.poll(() => cardNumbers(page)).toEqual(['station-8270']);
    expect(problems).toEqual([]);
  });

  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)
    for (const lang of ['ru', 'en'] as const)
      it(`screenshots: ${device}, ${lang}`, async () => {
        const { page } = await open(`/guide?election=${LIVE}&lang=${lang}`, {
          viewport,
          geolocation: NOVI_SAD,
        });
        await page.locator('.map-svg').waitFor();
        await page.locator('#wizard .wizard-question').waitFor();
        await page.screenshot({ path: `${SHOTS}/${device}-${lang}-start.png`, fullPage: false });
        await wizardForBelgrade(page, lang);
        await page.getByRole('button', { name: lang === 'ru' ? /Рядом со мной/ : /Near me/ }).click();
        await page.locator('#finder .station-card').first().waitFor();
        await page.screenshot({ path: `${SHOTS}/${device}-${lang}-full.png`, fullPage: true });
        // The long page in screen-sized parts as well, which are easier to look at.
        const height = await page.evaluate<number>('document.documentElement.scrollHeight');
        for (let part = 0; part * viewport.height < height; part++)
          await page.screenshot({
            path: `${SHOTS}/${device}-${lang}-part${part + 1}.png`,
            fullPage: true,
            clip: {
              x: 0,
              y: part * viewport.height,
              width: viewport.width,
              height: Math.min(viewport.height, height - part * viewport.height),
            },
          });
      });
});
