import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chromiumAvailable,
  noticeMissingChromium,
  openPageSuite,
  type PageSuite,
} from '../test-support/chromium.js';
import type { TestWeb } from '../test-support/web.js';

// The statistics page in Debian's Chromium, at a desktop's and a phone's size, in both languages (issue 22,
// section 3): dates as people read them, lines at zero apart from the axis, labels legible. The screenshots
// are for looking at.

noticeMissingChromium('statistics page browser tests');

const SIZES = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
const DAY_MS = 86_400_000;

let web: TestWeb;
let browser: Browser;

function isoDay(ago: number): string {
  return new Date(Date.now() - ago * DAY_MS).toISOString().slice(0, 10);
}

describe.skipIf(!chromiumAvailable)('the statistics page in Chromium', () => {
  let suite: PageSuite | undefined;
  beforeAll(async () => {
    suite = await openPageSuite();
    ({ web, browser } = suite);
    // Three weeks of counters: four positions met most days, a fifth only twice (a line at zero otherwise).
    const { talk } = web.services.store;
    const positions = ['tv-says', 'vote-rigged', 'nato-threat', 'nothing-changes'];
    for (let ago = 0; ago < 21; ago++) {
      const day = isoDay(ago);
      for (const [rank, position] of positions.entries())
        for (let n = 0; n < 5 - rank + Math.round(2 * Math.sin((ago + rank) / 2)); n++)
          await talk.countPositionsMet([position], day);
      if (ago % 3 !== 1)
        await talk.countPracticeOutcome(
          ['mother', 'uncle', 'brother', 'grandmother'][ago % 4] ?? 'mother',
          ago % 4 === 0 ? 'closed' : 'opened',
          day,
        );
    }
    for (const ago of [3, 9]) await talk.countPositionsMet(['russophobia'], isoDay(ago));
  });

  afterAll(() => suite?.close());

  for (const language of ['ru', 'en'] as const)
    for (const [size, viewport] of Object.entries(SIZES))
      it(`writes dates as people read them and draws legibly (${language}, ${size})`, async () => {
        const context = await browser.newContext({
          locale: language === 'ru' ? 'ru-RU' : 'en-GB',
          viewport,
        });
        const page = await context.newPage();
        await page.goto(`${web.url}/stats`);
        await page.locator('main[data-loaded="true"]').waitFor();
        const description = (await page.locator('#positions-chart canvas p').textContent()) ?? '';
        // "с 8 нояб. 2026 г. по 7 дек. 2026 г." / "from 8 Nov 2026 to 7 Dec 2026": no ISO dates.
        expect(description).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}-\d{2}/);
        const today = new Date(Date.now());
        const month = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
          month: 'short',
          timeZone: 'UTC',
        }).format(today);
        expect(description).toContain(`${today.getUTCDate()} ${month}`);
        if (language === 'ru') expect(description).toMatch(/по \d{1,2} [а-я]+\.? \d{4}/);
        else expect(description).toMatch(/to \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
        // Every series has its own dash and marker in the legend, as on the chart.
        expect(await page.locator('#positions-chart .legend svg.swatch').count()).toBe(5);
        const dashes = await page
          .locator('#positions-chart .legend svg.swatch line')
          .evaluateAll((lines) => lines.map((line) => line.getAttribute('stroke-dasharray') ?? ''));
        expect(new Set(dashes).size).toBe(5);
        await page.screenshot({ path: `${ARTIFACTS}/web-stats-${language}-${size}.png`, fullPage: true });
        await context.close();
      });
});
