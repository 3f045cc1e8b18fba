// Headless Chromium for the page's tests, the bench and the README screenshot: Debian's /usr/bin/chromium
// driven by playwright-core (which never downloads a browser of its own here).
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's chromium package puts the browser (`.ci/run` installs it). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Root needs --no-sandbox; the rest keeps Chromium off the network this machine does not have. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium; a missing browser is an error saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
