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

// The cheat sheet and /settings on the practice page, in Debian's Chromium (issue 22, section 3): the sheet
// comes as a card to copy and to print, and the user's Russian endings can be chosen from the page.

noticeMissingChromium('cheat sheet browser tests');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let web: TestWeb;
let browser: Browser;

async function open(locale: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
  const page = await context.newPage();
  await page.goto(`${web.url}/`);
  await page.locator('#practice-log button.choice').first().waitFor();
  return { context, page };
}

/** Asks for advice as a user does, in the advice tab; waits for the card. */
async function advise(page: Page, tab: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  const before = await page.locator('#advice-log .msg.bot').count();
  await page.locator('#advice-input').fill(text);
  await page.locator('#advice-form button[type="submit"]').click();
  await expect.poll(() => page.locator('#advice-log .msg.bot').count()).toBeGreaterThan(before);
}

describe.skipIf(!chromiumAvailable)('the cheat sheet and /settings on the page', () => {
  let suite: PageSuite | undefined;
  beforeAll(async () => {
    suite = await openPageSuite();
    ({ web, browser } = suite);
  });

  afterAll(() => suite?.close());

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows the sheet as a card to copy and print, from an advice card (${name})`, async () => {
      const { context, page } = await open('en-US', viewport);
      await advise(page, 'Advice', 'they will draw whatever numbers they need anyway, why bother voting');
      await page
        .locator('#advice-log')
        .getByRole('button', { name: /Cheat sheet/ })
        .last()
        .click();
      const sheet = page.locator('#advice-log .msg.sheet');
      await sheet.waitFor();
      expect(await sheet.locator('h2').textContent()).toMatch(/^Cheat sheet for your talk: ".+"$/);
      const shown = ((await sheet.locator('.sheet-content').textContent()) ?? '').trim();
      expect(shown).toMatch(/Relate to the feeling/);
      expect(shown).toMatch(/https:\/\//);
      expect(shown).toMatch(/What not to say:/);
      // The bot's "forward this message to yourself" is not the page's to say.
      expect(shown).not.toMatch(/Forward this message/);

      await sheet.getByRole('button', { name: 'Copy', exact: true }).click();
      await expect.poll(() => sheet.locator('.sheet-note').textContent()).toBe('Cheat sheet copied.');
      const copied = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(copied).toMatch(/^Cheat sheet for your talk: "/);
      expect(copied).toContain('1. Relate to the feeling: ');
      expect(copied).toContain('What not to say:');
      expect(copied).not.toMatch(/Copy|Print|📝/);
      await page.screenshot({ path: `${ARTIFACTS}/web-sheet-${name}.png`, fullPage: true });

      // Printing prints the sheet alone: no header, tabs, footer or buttons, dark text on white.
      await page.evaluate('window.print = () => { window.printed = (window.printed ?? 0) + 1 }');
      await sheet.getByRole('button', { name: 'Print', exact: true }).click();
      expect(await page.evaluate('window.printed')).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await sheet.isVisible()).toBe(true);
      expect(await sheet.locator('h2').isVisible()).toBe(true);
      for (const hidden of [
        'header.top',
        'footer.bottom',
        '.tabs',
        '#intro',
        '#advice-form',
        '#advice-log .msg.me',
        '#advice-log .msg.bot:not(.sheet)',
        '#advice-log .msg.sheet button',
      ])
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      const colour = await page.evaluate(
        "getComputedStyle(document.querySelector('#advice-log .msg.sheet')).color",
      );
      expect(colour).toBe('rgb(0, 0, 0)');
      await page.pdf({ path: `${ARTIFACTS}/web-sheet-${name}.pdf` }).catch(() => undefined);
      await page.screenshot({ path: `${ARTIFACTS}/web-sheet-${name}-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      expect(await page.locator('header.top').isVisible()).toBe(true);
      await context.close();
    });
  }

  it('shows the sheet offered after a finished practice, in Russian', async () => {
    const { context, page } = await open('ru-RU');
    await page.getByRole('button', { name: /^Мама, 62$/ }).click();
    await page.locator('#meter-box').waitFor();
    await page
      .locator('#practice-input')
      .fill('Мам, я слышу, как ты устала. Что тебя больше всего тревожит?');
    await page.locator('#practice-input').press('Enter');
    await page.locator('#practice-log .msg.feedback').waitFor();
    // A flat second reply, and a third taken back: the sheet names the first, with the user's own words.
    for (const reply of ['Ну, посмотрим.', 'Ты просто ничего не понимаешь.']) {
      const before = await page.locator('#practice-log .msg.feedback').count();
      await page.locator('#practice-input').fill(reply);
      await page.locator('#practice-input').press('Enter');
      await expect.poll(() => page.locator('#practice-log .msg.feedback').count()).toBe(before + 1);
    }
    await page
      .getByRole('button', { name: /Переиграть/ })
      .last()
      .click();
    await page.locator('#practice-log .msg.me.undone').waitFor();
    await page
      .getByRole('button', { name: /Закончить/ })
      .last()
      .click();
    await page.locator('#practice-log .msg.summary').waitFor();
    await page.getByRole('button', { name: '📝 Шпаргалка' }).click();
    const sheet = page.locator('#practice-log .msg.sheet');
    await sheet.waitFor();
    expect(await sheet.locator('h2').textContent()).toMatch(/^Шпаргалка к разговору: «.+»$/);
    const shown = (await sheet.textContent()) ?? '';
    expect(shown).toContain('Цель — не переспорить, а услышать друг друга.');
    expect(shown).toContain('Ваш лучший ход в тренировке:1-й ответ: её открытость выросла на');
    expect(shown).toContain('Ваши слова:«Мам, я слышу, как ты устала. Что тебя больше всего тревожит?»');
    expect(shown).toContain('Как сказать ещё лучше:');
    expect(shown).not.toContain('выше в переписке');
    expect(shown).not.toContain('ничего не понимаешь');
    await sheet.getByRole('button', { name: 'Скопировать' }).click();
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(copied).toMatch(/^Шпаргалка к разговору/);
    expect(copied).toContain('Ваши слова:\n«Мам, я слышу, как ты устала. Что тебя больше всего тревожит?»');
    await page.screenshot({ path: `${ARTIFACTS}/web-sheet-after-practice.png`, fullPage: true });
    await context.close();
  });

  it('reaches /settings from the footer and typed, and the chosen endings reach the advice', async () => {
    const { context, page } = await open('ru-RU');
    await page.getByRole('button', { name: /«я понял» или «я поняла»/ }).click();
    await page.getByRole('button', { name: '«я поняла»', exact: true }).click();
    await expect
      .poll(() => page.locator('#practice-log .msg.bot').allTextContents())
      .toContainEqual(expect.stringContaining('будет «я поняла»'));
    // The choice of relative is offered again, so the practice panel is not left without a way on.
    await expect
      .poll(() => page.locator('#practice-log .msg.bot').last().locator('button.choice:enabled').count())
      .toBeGreaterThan(1);

    // A Russian answer with the user's own gendered word: «я пошла», not «я пошёл» or «пошёл/пошла».
    await advise(page, 'Совет', 'Ты предатель, уехал и бросил родину');
    let found = false;
    for (let tries = 0; tries < 4 && !found; tries++) {
      const text = (await page.locator('#advice-log .msg.bot').last().textContent()) ?? '';
      if (text.includes('я пошла')) found = true;
      else {
        const before = await page.locator('#advice-log .msg.bot').count();
        await page.locator('#advice-log').getByRole('button', { name: 'Другой ответ' }).last().click();
        await expect.poll(() => page.locator('#advice-log .msg.bot').count()).toBeGreaterThan(before);
      }
    }
    expect(found).toBe(true);
    expect(await page.locator('#advice-log').textContent()).not.toMatch(/пошёл/);

    // Typed, in the advice box: the question again, and "none" brings both endings back.
    await page.locator('#advice-input').fill('/settings');
    await page.locator('#advice-form button[type="submit"]').click();
    await page.locator('#advice-log').getByRole('button', { name: 'Не указывать' }).last().click();
    await expect
      .poll(() => page.locator('#advice-log .msg.bot').last().textContent())
      .toMatch(/оба окончания/);
    await page.screenshot({ path: `${ARTIFACTS}/web-settings.png`, fullPage: true });
    await context.close();
  });
});
