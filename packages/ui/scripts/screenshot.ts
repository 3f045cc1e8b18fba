// Writes docs/run-page.png, the README's picture of a run page: the marketing example's runs recorded in
// a temporary store, served, and photographed by the browser test's own function. Run from the
// repository root:
//   node --conditions=@hamilton-ts/source --import ./scripts/register-ts.js packages/ui/scripts/screenshot.ts
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trackMarketingRuns } from '../../../examples/run-tracking/track-runs.js';
import { serveUi } from '../src/server/index.js';
import { openRunStore } from '../src/store/open-store.js';
import { launchChromium } from '../test/support/browser.js';
import { screenshotRunPage } from '../test/support/run-page-screenshot.js';

const OUT = fileURLToPath(new URL('../../../docs/run-page.png', import.meta.url));

const dir = await mkdtemp(join(tmpdir(), 'hamilton-screenshot-'));
const url = `sqlite:${join(dir, 'runs.db')}`;
try {
  await trackMarketingRuns(url);
  const store = await openRunStore(url);
  const ui = await serveUi({ store, port: 0 });
  const browser = await launchChromium();
  try {
    const [failed] = await store.listRuns({ status: 'failure' });
    if (!failed) throw new Error('the example recorded no failed run');
    await mkdir(join(OUT, '..'), { recursive: true });
    await screenshotRunPage(browser, { url: ui.url, runId: failed.id, path: OUT, width: 1200, height: 900 });
    console.log(`wrote ${OUT} (${((await stat(OUT)).size / 1024).toFixed(0)} KB)`);
  } finally {
    await browser.close();
    await ui.close();
    await store.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
