import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, noticeMissingChromium } from '../../../test-support/chromium.js';
import { setUpElection } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// A voter's own exit-poll form in Debian's Chromium on a phone, over real HTTP: the card's link opens the
// question, one tap answers, and the same link opened again says the form was already answered. Screenshots go
// to test-artifacts/forms/ for a person to look at.

noticeMissingChromium('self-filled form browser tests');

const SHOTS = 'test-artifacts/forms';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let web: TestWeb;
let browser: Browser;
let election: string;

const settles = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function formLink(): Promise<string> {
  const made = await web.services.forms.make({ election, station: '8267', n: 1, base: web.url });
  if (!made.ok) throw new Error(made.reason);
  return made.codes[0]?.url ?? '';
}

async function phone(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: PHONE, hasTouch: true, isMobile: true });
  return context.newPage();
}

describe.skipIf(!chromiumAvailable)('the self-filled form page', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    web = await startTestWeb();
    ({ election } = {
      election: (await setUpElection(web.services.store, { id: 'test-form-page' })).election.id,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('answers with one tap on a phone, and refuses the same card when it is opened again', async () => {
    const page = await phone('en-US');
    await page.goto(await formLink());
    await settles(() => page.locator('#form-question').textContent()).toBe('How did you vote?');
    await expect(page.locator('.form-where').textContent()).resolves.toContain('Station 8267, Belgrade');
    const labels = await page.locator('button.form-answer').allTextContents();
    expect(labels).toEqual(['A', 'I spoiled my ballot', 'I took my ballot away', 'I’d rather not say']);
    // A thumb-sized target for every answer.
    for (const box of await page
      .locator('button.form-answer')
      .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height)))
      expect(box).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: `${SHOTS}/phone-question-en.png`, fullPage: true });

    await page.locator('button[data-answer="a"]').tap();
    await settles(() => page.locator('.form-outcome h2').textContent()).toBe(
      'Thank you! Your answer has been counted.',
    );
    await page.screenshot({ path: `${SHOTS}/phone-thanks-en.png`, fullPage: true });
    expect((await web.services.store.count.answerCounts(election))['8267']).toEqual({ a: 1 });

    await page.reload();
    await settles(() => page.locator('.form-outcome h2').textContent()).toBe(
      'This form has already been answered.',
    );
    await page.screenshot({ path: `${SHOTS}/phone-used-en.png`, fullPage: true });
    // Nothing about the form or the answer was kept on the phone.
    expect(await page.evaluate('[localStorage.length, sessionStorage.length]')).toEqual([0, 0]);
    await page.context().close();
  });

  it('speaks Russian to a Russian phone and switches to English with one tap', async () => {
    const page = await phone('ru-RU');
    await page.goto(await formLink());
    await settles(() => page.locator('#form-question').textContent()).toBe('Как вы проголосовали?');
    await expect(page.locator('button[data-answer="declined"]').textContent()).resolves.toBe(
      'Не хочу отвечать',
    );
    await page.screenshot({ path: `${SHOTS}/phone-question-ru.png`, fullPage: true });
    await page.locator('button[data-lang="en"]').tap();
    await settles(() => page.locator('#form-question').textContent()).toBe('How did you vote?');
    await expect(page.title()).resolves.toBe('Anonymous exit poll');
    await page.context().close();
  });

  it('explains a mistyped code and opens the form from the code typed off the card', async () => {
    const page = await phone('en-US');
    await page.goto(`${web.url}/count/form#abcd-efgh-jkmn-pqrs`);
    await settles(() => page.locator('.form-outcome h2').textContent()).toBe('There is no such code.');
    await page.screenshot({ path: `${SHOTS}/phone-unknown-en.png`, fullPage: true });
    const code = (await formLink()).split('#')[1] ?? '';
    await page.locator('#form-code').fill(code.toUpperCase().replace(/(.{4})(?!$)/g, '$1-'));
    await page.locator('.form-code button').tap();
    await settles(() => page.locator('#form-question').textContent()).toBe('How did you vote?');
    await page.context().close();
  });

  it('reads as well on a desktop screen', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(await formLink());
    await settles(() => page.locator('#form-question').textContent()).toBe('Как вы проголосовали?');
    await page.screenshot({ path: `${SHOTS}/desktop-question-ru.png`, fullPage: true });
    await page.goto(`${web.url}/count/form`);
    await settles(() => page.locator('.form-lead').textContent()).toContain('Наведите камеру телефона');
    await page.screenshot({ path: `${SHOTS}/desktop-no-code-ru.png`, fullPage: true });
    await context.close();
  });
});
