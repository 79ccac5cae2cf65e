import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { startTestWeb, type TestWeb } from './web.js';

// Debian's Chromium (`.ci/run` installs it), started as this machine allows: no sandbox as root, no GPU, and no
// background connections, which the closed network would refuse many at a time.

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

/** Says, in a file whose browser tests are skipped, why and how to run them. */
export function noticeMissingChromium(what: string): void {
  if (!chromiumAvailable)
    console.warn(`\n⚠ ${what} skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** The web on real HTTP and Chromium for one suite of page tests, and the folder its screenshots go in. */
export const ARTIFACTS = 'test-artifacts';

export interface PageSuite {
  web: TestWeb;
  browser: Browser;
  close(): Promise<void>;
}

export async function openPageSuite(): Promise<PageSuite> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const web = await startTestWeb();
  const browser = await launchChromium();
  return {
    web,
    browser,
    async close() {
      await browser.close();
      await web.close();
    },
  };
}
