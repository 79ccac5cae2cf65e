import { mkdirSync } from 'node:fs';
import jsqr from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, noticeMissingChromium } from '../../../test-support/chromium.js';
import { setUpElection } from '../../../test-support/count.js';
import { startTestWeb, type TestWeb } from '../../../test-support/web.js';

// A coordinator's counter in Debian's Chromium, over real HTTP: the "Invite a volunteer" section makes a
// single-use link with the coordinator's token, shows it with a QR code that reads back as the link, and the
// link joins another phone as a volunteer. Offline, the section says invites need the network. Screenshots go to
// test-artifacts/ for a person to look at.

noticeMissingChromium('counter invite browser tests');

const ARTIFACTS = 'test-artifacts';
const STATION = '8267';
const PHONE = { width: 390, height: 844 };

let web: TestWeb;
let browser: Browser;
let invite: Awaited<ReturnType<typeof setUpElection>>['invite'];

const settles = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

async function phone(locale = 'en-US') {
  const context = await browser.newContext({ locale, viewport: PHONE, hasTouch: true, isMobile: true });
  return { context, page: await context.newPage() };
}

async function joined(page: Page, code: string, heading: string) {
  await page.goto(`${web.url}/count/join#${code}`);
  await settles(() => page.locator('h1').textContent()).toBe(heading);
}

/** What a phone's camera would read from the QR code on screen: its pixels, decoded. */
async function readQr(page: Page): Promise<string | undefined> {
  const image = await page.evaluate(`(async () => {
    const img = document.querySelector('.invite-qr');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0, 400, 400);
    return Array.from(context.getImageData(0, 0, 400, 400).data);
  })()`);
  // A CommonJS bundle: its function is the default export's `default`.
  return jsqr.default(new Uint8ClampedArray(image as number[]), 400, 400)?.data;
}

describe.skipIf(!chromiumAvailable)("a coordinator's counter in Chromium", { timeout: 90_000 }, () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    web = await startTestWeb();
    ({ invite } = await setUpElection(web.services.store, { stations: [STATION, '8268'] }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('makes an invite link with a QR code that joins another phone as a volunteer', async () => {
    const coordinator = await phone();
    await joined(coordinator.page, await invite(STATION, 'coordinator'), `Polling station ${STATION}`);
    const section = coordinator.page.locator('#invite');
    expect(await section.locator('h2').textContent()).toBe('Invite a volunteer');
    await coordinator.page.getByRole('button', { name: 'Make an invite link' }).click();
    const link = coordinator.page.locator('#invite-link');
    await settles(() => link.textContent()).toMatch(new RegExp(`^${web.url}/count/join#[a-z0-9]+$`));
    const url = (await link.textContent()) ?? '';
    expect(await coordinator.page.getByRole('img', { name: 'QR code of the invite link' }).isVisible()).toBe(
      true,
    );
    expect(await readQr(coordinator.page)).toBe(url);
    expect(await section.textContent()).toMatch(/Works once, until \w+ \d+ at \d\d:\d\d\./);
    // No bot name on this server: no Telegram link to show.
    expect(await section.getByRole('link').count()).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await coordinator.page.screenshot({ path: `${ARTIFACTS}/count-coordinator-invite-en.png` });
    await section.screenshot({ path: `${ARTIFACTS}/count-coordinator-invite-section-en.png` });
    const overflow = await coordinator.page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);

    // The volunteer's phone opens the link: it joins the same station, as a volunteer, who may not invite.
    const volunteer = await phone();
    await joined(volunteer.page, url.slice(url.indexOf('#') + 1), `Polling station ${STATION}`);
    await volunteer.page.getByRole('button', { name: 'One more person went in' }).waitFor();
    expect(await volunteer.page.locator('#invite').count()).toBe(0);
    // The link was single-use: a third phone is turned away.
    const third = await phone();
    await third.page.goto(url);
    await settles(() => third.page.getByRole('alert').textContent()).toMatch(/already been used/);
    await Promise.all([coordinator, volunteer, third].map(({ context }) => context.close()));
  });

  it('says in Russian that invites need the network, what went wrong when refused, and shares the link', async () => {
    const { context, page } = await phone('ru-RU');
    // A phone that can hand a link to another app (desktop Chromium on Linux cannot).
    await context.addInitScript('navigator.share = async (data) => { window.shared = data; }');
    await joined(page, await invite('8268', 'coordinator'), 'Участок 8268');
    const make = page.getByRole('button', { name: 'Создать ссылку-приглашение' });
    await context.setOffline(true);
    await settles(() => page.locator('#net-state').textContent()).toBe('Нет сети');
    expect(await make.isDisabled()).toBe(true);
    expect(await page.locator('#invite').textContent()).toContain(
      'Приглашения создаются только при связи с сервером',
    );
    await page.locator('#invite').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/count-coordinator-invite-offline-ru.png` });

    await context.setOffline(false);
    await settles(() => make.isDisabled()).toBe(false);
    // The coordinator's token no longer accepted (say, revoked): the section says so rather than failing silently.
    await page.route('**/api/count/invites', (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":"no"}' }),
    );
    await make.click();
    await settles(() => page.locator('#invite [role=alert]').textContent()).toMatch(
      /не принял ваш токен координатора/,
    );
    await page.unroute('**/api/count/invites');
    await make.click();
    await settles(() => page.locator('#invite-link').textContent()).toMatch(/#[a-z0-9]+$/);
    expect(await page.locator('#invite [role=alert]').count()).toBe(0);
    await page.getByRole('button', { name: 'Отправить…' }).click();
    expect(await page.evaluate('window.shared.url')).toBe(await page.locator('#invite-link').textContent());
    await page.locator('#invite').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/count-coordinator-invite-ru.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('#invite').screenshot({ path: `${ARTIFACTS}/count-coordinator-invite-dark.png` });
    await context.close();
  });
});
