import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver } from '@hamilton-ts/core';
import { SqliteRunStore, summarize, TrackingAdapter } from '@hamilton-ts/ui';
import { fillRuns, STORED_RUNS } from '../fixtures/stored-runs.js';
import { trivialChain } from '../fixtures/trivial-dags.js';
import { compare, measure } from '../harness/measure.js';
import type { Scenario, ScenarioContext } from '../harness/scenario.js';

const CHAIN = 10_000;

/** Run tracking (`@hamilton-ts/ui`): what the tracker adds to a run, a summary of a big array, the runs list of a full store. */
const scenario: Scenario = {
  id: 'ui-tracking',
  title: 'Run tracking: overhead per node, value summaries, the runs list',
  description:
    'The 10k trivial chain with a `TrackingAdapter` writing to a SQLite file (scalar summaries), timed in alternation with ' +
    'the same driver without adapters; each tracked run ends with `flush()`, so the figure includes writing its 10,000 node ' +
    'rows and 10,000 planned-node rows, not only the hooks. Then `summarize` of a 1M-double `Float64Array` (length, min, ' +
    'max, mean, NaN count), reading back one tracked 10,000-node run (`getRun` + `getGraph`, a store opened per read), ' +
    'and `listRuns()` (first page, newest first) of a SQLite store holding 10,000 runs.',
  order: 90,
  async run(ctx) {
    const dir = await mkdtemp(join(tmpdir(), 'hamilton-ts-bench-ui-'));
    try {
      // First, while the heap is small: the tracked runs below leave garbage that would be collected during it.
      await summaryOfMillion(ctx);
      await trackingOverhead(ctx, join(dir, 'tracking.db'));
      await listRunsOfFullStore(ctx, join(dir, 'runs.db'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function trackingOverhead(ctx: ScenarioContext, file: string): Promise<void> {
  const chain = trivialChain(CHAIN);
  const tracker = new TrackingAdapter({ project: 'bench', store: `sqlite:${file}` });
  const bare = new Driver({}, chain.module);
  const tracked = new Driver({}, chain.module, { adapter: tracker });
  const run = (dr: Driver) => () => dr.rawExecute(chain.outputs, { inputs: chain.inputs });
  const trackedRun = async () => {
    await run(tracked)();
    await tracker.flush();
  };
  const hooksOnly = await compare(run(tracked), run(bare), { warmup: 3, samples: ctx.quick ? 5 : 15, batch: 1 });
  await tracker.flush();
  const withWrites = await compare(trackedRun, run(bare), { warmup: 3, samples: ctx.quick ? 5 : 15, batch: 1 });
  await tracker.close();
  await readBigRun(ctx, file);
  const perNode = (ms: number) => (ms * 1000) / CHAIN;
  ctx.record({
    label: 'tracking, 10k chain, SQLite, scalar summaries: extra per node (writes included)',
    value: perNode(withWrites.subject.median - withWrites.baseline.median),
    unit: 'µs/node',
    target: 'tracking-overhead',
    note: `tracked + flush ${withWrites.subject.median.toFixed(1)} ms, untracked ${withWrites.baseline.median.toFixed(1)} ms per run`,
  });
  ctx.record({
    label: 'tracking, 10k chain: hooks alone (writes left to the timer), extra per node',
    value: perNode(hooksOnly.subject.median - hooksOnly.baseline.median),
    unit: 'µs/node',
    note: `tracked ${hooksOnly.subject.median.toFixed(1)} ms, untracked ${hooksOnly.baseline.median.toFixed(1)} ms per run`,
  });
}

/** Reading back one of the 10,000-node runs just tracked, with a store opened for each read (no parsed graph cached). */
async function readBigRun(ctx: ScenarioContext, file: string): Promise<void> {
  const store = new SqliteRunStore(file);
  const [{ id }] = await store.listRuns({ limit: 1 });
  await store.close();
  const read = async () => {
    const fresh = new SqliteRunStore(file);
    const [run, graph] = [await fresh.getRun(id), await fresh.getGraph(id)];
    await fresh.close();
    if (run?.nodes.length !== CHAIN || graph?.length !== CHAIN + 1) throw new Error('the run read back is not whole');
  };
  const ms = await measure(read, { warmup: 2, samples: ctx.quick ? 5 : 15 });
  ctx.record({ label: 'getRun + getGraph of a 10,000-node run, SQLite, cold store', value: ms.median, unit: 'ms', spread: ms });
}

async function summaryOfMillion(ctx: ScenarioContext): Promise<void> {
  const values = Float64Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i));
  const ms = await measure(() => summarize(values), { warmup: 5, samples: ctx.quick ? 10 : 30 });
  ctx.record({ label: 'summarize a 1M-double Float64Array', value: ms.median, unit: 'ms', spread: ms, target: 'summary-1m' });
  values[17] = Number.NaN;
  const withNaN = await measure(() => summarize(values), { warmup: 5, samples: ctx.quick ? 10 : 30 });
  ctx.record({
    label: 'summarize a 1M-double Float64Array holding a NaN (a second pass counts them)',
    value: withNaN.median,
    unit: 'ms',
    spread: withNaN,
  });
}

async function listRunsOfFullStore(ctx: ScenarioContext, file: string): Promise<void> {
  const store = new SqliteRunStore(file);
  await store.migrate();
  await fillRuns(store);
  const ms = await measure(() => store.listRuns(), { warmup: 10, samples: ctx.quick ? 20 : 50 });
  ctx.record({
    label: `listRuns(), SQLite, ${STORED_RUNS.toLocaleString('en-US')} runs stored`,
    value: ms.median,
    unit: 'ms',
    spread: ms,
    target: 'store-list-runs',
  });
  const filtered = await measure(() => store.listRuns({ project: 'p3', status: 'failure' }), { warmup: 10, samples: ctx.quick ? 20 : 50 });
  ctx.record({ label: 'listRuns({ project, status }), same store', value: filtered.median, unit: 'ms', spread: filtered });
  await store.close();
}

export default scenario;
