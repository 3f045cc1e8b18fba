// A picture of a run's page as a person sees it: used by the browser test (into its temp dir) and by
// scripts/screenshot.ts (the README's docs/run-page.png).
import type { Browser } from 'playwright-core';

/** Which page to photograph, and where to save it. */
export interface RunPageShot {
  /** The server's URL, e.g. `http://127.0.0.1:8241/`. */
  readonly url: string;
  readonly runId: string;
  /** Open this node's view beside the run. */
  readonly node?: string;
  /** A .png path. */
  readonly path: string;
  readonly width?: number;
  readonly height?: number;
}

/** Opens the run's page, waits until its picture and node table are drawn, and saves a PNG of the viewport. */
export async function screenshotRunPage(browser: Browser, shot: RunPageShot): Promise<void> {
  const page = await browser.newPage({ viewport: { width: shot.width ?? 1280, height: shot.height ?? 900 }, deviceScaleFactor: 1 });
  try {
    const hash = `#/runs/${encodeURIComponent(shot.runId)}${shot.node === undefined ? '' : `/nodes/${encodeURIComponent(shot.node)}`}`;
    await page.goto(new URL(hash, shot.url).href);
    await page.locator('.picture svg g.node[data-status]').first().waitFor();
    await page.locator('.node-table tbody tr:not(.spacer)').first().waitFor();
    if (shot.node !== undefined) await page.locator('.node-view').waitFor();
    await page.screenshot({ path: shot.path, type: 'png' });
  } finally {
    await page.close();
  }
}
