// @hamilton-ts/ui as a user installs it: a tracked run in SQLite, then the JSON API and the page served from the built assets.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver, node } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';
import { type RunListItem, serveUi, TrackingAdapter } from '@hamilton-ts/ui';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`consumer ui check failed: ${what}`);
}

class Spend {
  @node() doubled(spend: Float64Array): Float64Array {
    return spend.map((s) => s * 2);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'consumer-ui-'));
try {
  const store = `sqlite:${join(dir, 'runs.db')}`;
  const tracker = new TrackingAdapter({ project: 'consumer', store });
  await new Driver({}, Spend, { adapter: [new DictResult(), tracker] }).execute(['doubled'], { inputs: { spend: Float64Array.of(1, 2) } });
  await tracker.close();
  const ui = await serveUi({ store, port: 0 });
  try {
    const runs = (await (await fetch(new URL('/api/runs', ui.url))).json()) as RunListItem[];
    check(
      runs.length === 1 && runs[0].project === 'consumer' && runs[0].status === 'success',
      `/api/runs answered ${JSON.stringify(runs)}`,
    );
    const page = await fetch(ui.url);
    check(page.ok && (await page.text()).includes('app.js'), 'the page is served from the built assets');
  } finally {
    await ui.close();
  }
  console.log('consumer ui: a tracked run is listed by the API and the page is served');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
