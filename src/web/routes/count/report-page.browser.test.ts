import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Election } from '../../../catalogue/election.js';
import type { ImportedAnswer } from '../../../count/storage.js';
import { chromiumAvailable, launchChromium, noticeMissingChromium } from '../../../test-support/chromium.js';
import { openElection, testStation } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// The public report page in Debian's Chromium, over real HTTP: an election that closed three days ago, with the
// official results and paper tallies imported as a coordinator imports them (CSV through the results service) and
// an exit poll, and one still open, whose poll the page must not show yet.

noticeMissingChromium('report page tests');

const ARTIFACTS = 'test-artifacts';
const DAY_MS = 86_400_000;
const CLOSED = 'test-report';
const OPEN = 'test-report-open';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let web: TestWeb;
let browser: Browser;
const contexts: BrowserContext[] = [];

function election(id: string, now: number): Election {
  return {
    ...openElection(id, now),
    title: { ru: 'Выборы для проверки', en: 'Election under test' },
    answers: [
      { id: 'davankov', ru: 'Даванков', en: 'Davankov' },
      { id: 'putin', ru: 'Путин', en: 'Putin' },
      { id: 'invalid', ru: 'Недействительный бюллетень', en: 'Spoiled ballot' },
      { id: 'removed', ru: 'Бюллетень унесён', en: 'Ballot taken away' },
      { id: 'declined', ru: 'Не захотел отвечать', en: 'Declined to answer' },
    ],
  };
}

const poll = (station: string, counts: Record<string, number>): ImportedAnswer[] =>
  Object.entries(counts).map(([answer, respondents]) => ({
    station,
    bucket: 0,
    answer,
    gender: '',
    age: -1,
    respondents,
  }));

async function expectImported(result: Promise<{ ok: boolean }>) {
  expect(await result).toMatchObject({ ok: true });
}

async function open(
  path: string,
  options: { locale?: string; viewport?: typeof DESKTOP; colorScheme?: 'light' | 'dark' } = {},
) {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: 'Europe/Belgrade',
    viewport: options.viewport ?? DESKTOP,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${web.url}${path}`);
  return { context, page };
}

/** Intl writes Russian numbers with no-break spaces (4 000, 75,0 %): read as plain spaces. */
const plain = (text: string | null) => text?.replace(/\s/g, ' ');

const stations = (page: Page) => page.locator('.report-station');
const station = (page: Page, id: string) => page.locator(`.report-station[data-station="${id}"]`);

describe.skipIf(!chromiumAvailable)('the report page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    web = await startTestWeb();
    const { store } = web.services;
    const { results } = web.services;

    // Closed three days ago: two days, open 00:00–23:59 UTC.
    const closed = election(CLOSED, Date.now() - 3 * DAY_MS);
    const [first, last] = [closed.days[0], closed.days.at(-1)];
    await store.count.saveElection(closed);
    await store.count.importStations(CLOSED, [
      testStation(closed, '8267', { country: 'RS', city: 'Belgrade' }),
      testStation(closed, '8300', { country: 'GE', city: 'Tbilisi' }),
      testStation(closed, '8400', { country: 'AT', city: 'Vienna' }),
    ]);
    await expectImported(
      results.importOfficial(
        CLOSED,
        [
          'station,ballots,davankov,putin,invalid',
          '8267,200,40,150,10',
          '8300,4000,2000,1900,100',
          '8400,1000,520,420,60',
        ].join('\n'),
      ),
    );
    // Tbilisi: two volunteers watched the door all the opening hours and wrote down 4,000 and 1,000.
    await expectImported(
      results.importTallies(
        CLOSED,
        [
          'station,door,volunteer,from,to,count',
          `8300,main,Anna,${first}T00:00:00Z,${last}T23:59:00Z,4000`,
          `8300,main,Boris,${first}T00:00:00Z,${last}T23:59:00Z,1000`,
          `8267,main,Vera,${last}T12:00:00Z,${last}T18:00:00Z,250`,
          `8400,main,Gleb,${last}T10:00:00Z,${last}T16:00:00Z,300`,
        ].join('\n'),
      ),
    );
    await store.count.importAnswers(
      CLOSED,
      'test',
      ['8267', '8400'],
      [
        ...poll('8267', { davankov: 80, putin: 15, declined: 5 }),
        ...poll('8400', { davankov: 50, putin: 40, declined: 10 }),
      ],
    );

    // Open until tonight: its exit poll is not for the public yet.
    const open = election(OPEN, Date.now());
    await store.count.saveElection(open);
    await store.count.importStations(OPEN, [testStation(open, '8267', { country: 'RS', city: 'Belgrade' })]);
    await expectImported(
      results.importOfficial(OPEN, 'station,ballots,davankov,putin,invalid\n8267,50,20,28,2'),
    );
    await store.count.importAnswers(OPEN, 'test', ['8267'], poll('8267', { davankov: 9, putin: 1 }));

    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await web?.close();
  });

  it('puts the flagged stations first on a phone, each flag explained with its figures', async () => {
    const { page } = await open(`/count/${CLOSED}/report`, { viewport: PHONE });
    await stations(page).first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Election under test');
    expect(await page.title()).toBe('Election under test — report by station');
    // Vienna (Austria) would come first by name; it has no flag, so it comes last.
    expect(await stations(page).evaluateAll((all) => all.map((s) => s.getAttribute('data-station')))).toEqual(
      ['8300', '8267', '8400'],
    );
    expect(await page.locator('#flagged-heading').textContent()).toBe('Where the figures part');
    expect(await page.getByTestId('total-flagged').textContent()).toBe('2 of 3');
    expect(await page.getByTestId('total-counted').textContent()).toBe('3,050');
    expect(await page.getByTestId('total-official').textContent()).toBe('5,200');

    const tbilisi = station(page, '8300');
    expect(await tbilisi.locator('.flag').evaluateAll((all) => all.map((f) => f.dataset.flag))).toEqual([
      'more-ballots-than-counted',
      'counts-disagree',
    ]);
    const ballots = await tbilisi.locator('[data-flag="more-ballots-than-counted"]').textContent();
    expect(ballots).toContain('Officially there were 4,000 ballots in the boxes');
    expect(ballots).toContain('saw 2,500 people go in — 1,500 fewer');
    expect(ballots).toContain('What this does not prove. This does not prove ballot stuffing.');
    expect(await tbilisi.locator('[data-flag="counts-disagree"]').textContent()).toContain(
      'This is about counting, not about the election',
    );
    expect(await tbilisi.locator('.no-poll').textContent()).toBe('No exit poll at this station.');

    const belgrade = station(page, '8267');
    const putin = await belgrade.locator('[data-flag="outside-survey"]').nth(1).textContent();
    expect(putin).toMatch(
      /Putin: 75\.0% of the ballots officially\. From the answers of 100 people asked on the way out, the share cannot be above 2\d\.\d%, even if all 5 who declined to answer chose it\. Sampling chance is already allowed for\./,
    );
    expect(putin).toContain('Refusals are already inside the bar');
    expect(await belgrade.locator('[data-flag="contradiction"]').textContent()).toContain(
      'Davankov: 80 of the 100 people asked on the way out said they voted so, but the official count credits 40 votes — 40 fewer.',
    );

    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
  });

  it('marks an official share outside its bar, in the drawing and in words', async () => {
    const { page } = await open(`/count/${CLOSED}/report`);
    await stations(page).first().waitFor();
    const belgrade = station(page, '8267');
    const putin = belgrade.locator('.answer-row[data-answer="putin"]');
    expect(await putin.getAttribute('data-outside')).toBe('true');
    expect(await putin.locator('circle.official.outside').count()).toBe(1);
    expect(await putin.locator('.outside-mark').textContent()).toBe(' outside the bar');
    expect(await putin.locator('svg').getAttribute('aria-label')).toMatch(
      /^Putin: poll 15\.0% \(\d+\.\d% to 2\d\.\d%\), official 75\.0% — the official share is outside the poll’s bar\.$/,
    );
    // The dot is drawn to the right of the bar's end.
    const [bar, dot] = await Promise.all([
      putin.locator('rect.bound').boundingBox(),
      putin.locator('circle.official').boundingBox(),
    ]);
    expect(dot && bar && dot.x > bar.x + bar.width).toBe(true);

    const inside = station(page, '8400').locator('.answer-row[data-answer="putin"]');
    expect(await inside.getAttribute('data-outside')).toBeNull();
    expect(await inside.locator('circle.official.outside').count()).toBe(0);
    expect(await inside.locator('circle.official').count()).toBe(1);
    expect(await page.locator('.legend-outside').textContent()).toContain(
      'A red dot outside its bar is what to look at',
    );
  });

  it('filters by country, named in the page’s language, and keeps the filter in the address', async () => {
    const { page } = await open(`/count/${CLOSED}/report`, { viewport: PHONE });
    await stations(page).first().waitFor();
    await page.getByLabel('Country').selectOption({ label: 'Austria (1)' });
    expect(await stations(page).count()).toBe(1);
    expect(await page.locator('.report-station h3').allTextContents()).toEqual(['Vienna, Austria']);
    expect(await page.locator('#flagged-heading').count()).toBe(0);
    expect(page.url()).toContain('?country=AT');
    await page.reload();
    await stations(page).first().waitFor();
    expect(await page.locator('.report-station h3').allTextContents()).toEqual(['Vienna, Austria']);
    await page.getByRole('button', { name: 'RU' }).click();
    expect(await page.locator('.report-station h3').allTextContents()).toEqual(['Vienna, Австрия']);
    expect(await page.getByLabel('Страна').inputValue()).toBe('AT');
  });

  it('offers each station’s share card and the all-stations card, and links the live page both ways', async () => {
    const { page } = await open(`/count/${CLOSED}/report`);
    await stations(page).first().waitFor();
    const link = station(page, '8267').getByRole('link', { name: 'Download the share card' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/count/elections/${CLOSED}/stations/8267/card.png?lang=en`);
    expect(await link.getAttribute('download')).toBe(`${CLOSED}-8267.png`);
    const png = await page.request.get(`${web.url}${href}`);
    expect(png.headers()['content-type']).toBe('image/png');
    const all = page
      .locator('.report-totals')
      .getByRole('link', { name: 'Download the card of all stations' });
    expect(await all.getAttribute('href')).toBe(`/api/count/elections/${CLOSED}/card.png?lang=en`);

    await page.getByRole('link', { name: 'Live count at the stations' }).click();
    await page.waitForURL(`${web.url}/count/${CLOSED}`);
    await page
      .getByRole('link', { name: 'Report: counts, exit poll and official figures by station' })
      .click();
    await page.waitForURL(`${web.url}/count/${CLOSED}/report`);
    await stations(page).first().waitFor();
  });

  it('shares the PNG itself where the browser can share files', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: PHONE });
    contexts.push(context);
    // A phone's share sheet, standing in for the one headless Chromium lacks: it keeps what it was given.
    await context.addInitScript({
      content: `
        navigator.canShare = (data) => Boolean(data && data.files && data.files.length);
        navigator.share = async (data) => {
          window.shared = data.files.map((f) => ({ name: f.name, type: f.type, size: f.size }));
        };`,
    });
    const page = await context.newPage();
    await page.goto(`${web.url}/count/${CLOSED}/report`);
    await stations(page).first().waitFor();
    expect(await station(page, '8267').getByRole('link', { name: 'Download the share card' }).count()).toBe(
      0,
    );
    await station(page, '8267').getByRole('button', { name: 'Send the picture home' }).click();
    await expect
      .poll(() => page.evaluate<{ name: string; type: string; size: number }[] | undefined>('window.shared'))
      .toEqual([{ name: `${CLOSED}-8267.png`, type: 'image/png', size: expect.any(Number) }]);
    const [shared] = (await page.evaluate<{ size: number }[]>('window.shared')) ?? [];
    expect(shared?.size).toBeGreaterThan(1000);
    expect(
      await page
        .locator('.report-totals')
        .getByRole('button', { name: 'Send the picture of all stations' })
        .count(),
    ).toBe(1);
  });

  it('says when the exit poll will be published, and shows only the counts and official figures before', async () => {
    const { page } = await open(`/count/${OPEN}/report`, { viewport: PHONE });
    await stations(page).first().waitFor();
    expect(await page.getByTestId('publication-note').textContent()).toMatch(
      /^The exit poll will be published when the last station closes: \w+ \d+ at \d\d:\d\d \S+\. Until then/,
    );
    const belgrade = station(page, '8267');
    expect(await belgrade.locator('h4').textContent()).toBe('Official figures');
    expect(await belgrade.locator('rect.bound, line.tick').count()).toBe(0);
    expect(await belgrade.locator('.answer-row[data-answer="davankov"] .answer-figures').textContent()).toBe(
      'official 40.0%',
    );
    expect(await belgrade.locator('.answer-row[data-answer="declined"]').count()).toBe(0);
    expect(await page.locator('.chart-legend').count()).toBe(0);
    expect(await belgrade.textContent()).not.toMatch(/poll \d/);
    expect(await page.locator('main').textContent()).not.toContain('Asked on the way out');

    await page.getByRole('button', { name: 'RU' }).click();
    expect(await page.getByTestId('publication-note').textContent()).toMatch(
      /^Ответы экзит-пола опубликуем, когда закроется последний участок: \d+ [а-я]+ в \d\d:\d\d \S+\. Пока здесь только подсчёт волонтёров и официальные цифры\.$/,
    );
  });

  it('says when a coordinator excluded volunteers’ data from a station’s figures', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    await page.route(`**/api/count/elections/${CLOSED}/report`, async (route) => {
      const response = await route.fetch();
      const report = (await response.json()) as { stations: { station: string; excluded?: number }[] };
      for (const s of report.stations) if (s.station === '8400') s.excluded = 2;
      await route.fulfill({ response, json: report });
    });
    await page.goto(`${web.url}/count/${CLOSED}/report`);
    await stations(page).first().waitFor();
    expect(await station(page, '8400').getByTestId('excluded').textContent()).toBe(
      'Координатор исключил из этих цифр данные 2 волонтёров. Они сохранены, и решение можно отменить.',
    );
    expect(await station(page, '8267').getByTestId('excluded').count()).toBe(0);
    // The flags in Russian, as a Russian speaker reads them.
    expect(
      plain(await station(page, '8300').locator('[data-flag="more-ballots-than-counted"]').textContent()),
    ).toBe(
      'Бюллетеней больше, чем вошло людей' +
        'Официально в урнах 4 000 бюллетеней, а волонтёры, считавшие вход всё время работы участка, видели 2 500 вошедших — на 1 500 меньше.' +
        'Чего это не доказывает. Это не доказывает вброс. Волонтёр мог сбиться в толпе, люди могли зайти через вход, который никто не считал, а часть бюллетеней могла прийти из досрочного голосования или переносной урны. Участок стоит проверить, но выводы делать рано.',
    );
    expect(
      plain(await station(page, '8267').locator('[data-flag="outside-survey"]').nth(1).textContent()),
    ).toMatch(
      /^Официальная доля вне того, что допускает опросПутин: официально 75,0 % бюллетеней\. По ответам 100 опрошенных на выходе доля не может быть выше 28,9 % — даже если все 5, кто отказался отвечать, выбрали именно это\. Случайность выборки здесь уже учтена\./,
    );
  });

  it('says plainly when the election is unknown', async () => {
    const { page } = await open('/count/no-such-election/report');
    await expect.poll(() => page.locator('h1').textContent()).toBe('No such election here');
    expect(await page.locator('.missing').textContent()).toContain('“no-such-election”');
  });

  it('looks right on a desktop and a phone, in Russian and in English', async () => {
    const shots = process.env.REPORT_SHOTS ?? ARTIFACTS;
    mkdirSync(shots, { recursive: true });
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const)
      for (const locale of ['ru-RU', 'en-GB']) {
        const { page } = await open(`/count/${CLOSED}/report`, { locale, viewport });
        await stations(page).first().waitFor();
        const lang = locale.slice(0, 2);
        await page.screenshot({ path: `${shots}/report-${name}-${lang}.png`, fullPage: true });
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, `${name} ${lang}`).toBe(0);
        if (name === 'phone') {
          const before = await open(`/count/${OPEN}/report`, { locale, viewport });
          await stations(before.page).first().waitFor();
          await before.page.screenshot({ path: `${shots}/report-open-${name}-${lang}.png`, fullPage: true });
        }
      }
    const { page } = await open(`/count/${CLOSED}/report`, {
      locale: 'ru-RU',
      viewport: PHONE,
      colorScheme: 'dark',
    });
    await stations(page).first().waitFor();
    await station(page, '8267').screenshot({ path: `${shots}/report-phone-ru-dark-8267.png` });
  }, 120_000);
});
