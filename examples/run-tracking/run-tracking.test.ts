import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRunStore, type RunStore, serveUi } from '@hamilton-ts/ui';
import { OUTPUTS, trackMarketingRuns } from './track-runs.js';

let dir: string;
let store: RunStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'example-run-tracking-'));
  const outcomes = await trackMarketingRuns(`sqlite:${join(dir, 'runs.db')}`);
  expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false]);
  store = await openRunStore(`sqlite:${join(dir, 'runs.db')}`);
}, 30_000);

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

test('records one run per region and a failed run, newest first', async () => {
  const runs = await store.listRuns({ project: 'marketing' });
  expect(runs.map((r) => r.status)).toEqual(['failure', 'success', 'success', 'success']);
});

test('the failed run names the node, the week and the fix, with a stack', async () => {
  const [failed] = await store.listRuns({ status: 'failure' });
  const run = (await store.getRun(failed!.id))!;
  expect(run.outputs).toEqual(OUTPUTS);
  const check = run.nodes.find((n) => n.name === 'checkedSignups')!;
  expect(check.status).toBe('failure');
  expect(check.error?.message).toBe('signups must be positive, but week 7 has 0; fix the source data');
  expect(check.error?.stack).toContain('at DataChecks.checkedSignups');
  expect(run.nodes.find((n) => n.name === 'spendPerSignup')).toMatchObject({
    status: 'success',
    summary: { type: 'Float64Array', length: 100 },
  });
});

test('the page serves them', async () => {
  const ui = await serveUi({ store, port: 0 });
  try {
    const response = await fetch(new URL('/api/runs?status=success', ui.url));
    expect(response.headers.get('x-total-count')).toBe('3');
  } finally {
    await ui.close();
  }
});
