import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver } from '@hamilton-ts/core';
import { type RunStore, SqliteRunStore, serveUi, TrackingAdapter } from '@hamilton-ts/ui';
import { CHROMIUM_PATH, launchChromium } from '../../packages/ui/test/support/browser.js';
import { fillRuns, STORED_RUNS } from '../fixtures/stored-runs.js';
import { trivialChain } from '../fixtures/trivial-dags.js';
import { measure } from '../harness/measure.js';
import type { Scenario, ScenarioContext } from '../harness/scenario.js';
import { summarize } from '../harness/stats.js';

const RUN_NODES = 10_000;

/** The web page of `hamilton-ts ui`: the runs list's API over HTTP, and the page of a very large run in Chromium. */
const scenario: Scenario = {
  id: 'ui-page',
  title: 'Run tracking page: the runs API over HTTP, a 10,000-node run page in Chromium',
  description:
    `\`GET /api/runs\` (first page of 50, newest first) answered by \`serveUi\` over loopback HTTP from a SQLite store of ` +
    `${STORED_RUNS.toLocaleString('en-US')} runs, measured with fetch. Then the run page of a ${RUN_NODES.toLocaleString('en-US')}-node ` +
    'run (a chain recorded by a real TrackingAdapter) in headless Chromium, each sample in a fresh browser context: from ' +
    'navigation to the node table drawn and a click on its Duration header re-sorting all rows.',
  order: 91,
  async run(ctx) {
    if (!existsSync(CHROMIUM_PATH)) return ctx.skip(`no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    const dir = await mkdtemp(join(tmpdir(), 'hamilton-ts-bench-ui-page-'));
    const store = new SqliteRunStore(join(dir, 'runs.db'));
    try {
      await store.migrate();
      await fillRuns(store);
      const runId = await trackLargeRun(store);
      const ui = await serveUi({ store, port: 0 });
      try {
        await runsApi(ctx, ui.url);
        await runPage(ctx, ui.url, runId);
      } finally {
        await ui.close();
      }
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** One run of the 10k trivial chain, recorded by a TrackingAdapter; its id. */
async function trackLargeRun(store: RunStore): Promise<string> {
  const chain = trivialChain(RUN_NODES);
  const tracker = new TrackingAdapter({ project: 'large', store });
  await new Driver({}, chain.module, { adapter: tracker }).rawExecute(chain.outputs, { inputs: chain.inputs });
  await tracker.close();
  const [run] = await store.listRuns({ project: 'large' });
  if (!run) throw new Error('the tracker recorded no run');
  return run.id;
}

async function runsApi(ctx: ScenarioContext, url: string): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(new URL(path, url));
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const first = await measure(() => get('/api/runs'), { warmup: 10, samples: ctx.quick ? 20 : 50, batch: 1 });
  ctx.record({
    label: `GET /api/runs over HTTP, ${STORED_RUNS.toLocaleString('en-US')} runs stored (first page of 50)`,
    value: first.median,
    unit: 'ms',
    spread: first,
    target: 'ui-runs-api',
  });
  const filtered = await measure(() => get('/api/runs?project=p3&status=failure&offset=150'), {
    warmup: 10,
    samples: ctx.quick ? 20 : 50,
    batch: 1,
  });
  ctx.record({ label: 'GET /api/runs?project=…&status=…&offset=150, same store', value: filtered.median, unit: 'ms', spread: filtered });
}

async function runPage(ctx: ScenarioContext, url: string, runId: string): Promise<void> {
  const browser = await launchChromium();
  const interactive: number[] = [];
  const tableDrawn: number[] = [];
  try {
    for (let sample = 0; sample < (ctx.quick ? 3 : 7) + 1; sample++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(new URL(`#/runs/${encodeURIComponent(runId)}`, url).href);
      await page.locator('.node-table tbody tr:not(.spacer)').first().waitFor({ timeout: 30_000 });
      const drawn = performance.now() - started;
      await page.getByRole('button', { name: /Duration/ }).click();
      await page.waitForFunction(() => document.querySelector('.node-table th[aria-sort="descending"]')?.textContent?.includes('Duration'));
      const ready = performance.now() - started;
      const rows = await page.locator('.node-table').getAttribute('aria-rowcount');
      if (rows !== String(RUN_NODES + 2)) throw new Error(`the table has ${rows} rows, expected ${RUN_NODES + 2}`);
      await context.close();
      // The first sample warms Chromium's own caches (its first context, code caches): left out.
      if (sample === 0) continue;
      tableDrawn.push(drawn);
      interactive.push(ready);
      ctx.log(`run page: table after ${drawn.toFixed(0)} ms, sorted after ${ready.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
  }
  const ready = summarize(interactive);
  const drawn = summarize(tableDrawn);
  ctx.record({
    label: `run page of a ${RUN_NODES.toLocaleString('en-US')}-node run interactive in headless Chromium (navigation → table drawn → sort applied)`,
    value: ready.median,
    unit: 'ms',
    spread: ready,
    target: 'ui-run-page',
    note: `node table drawn after ${drawn.median.toFixed(0)} ms`,
  });
}

export default scenario;
