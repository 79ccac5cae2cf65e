import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

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
