// The TrackingAdapter with real drivers: what a run records, on every engine, and what it does when
// the store is down.
import 'reflect-metadata';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { FAILED, GracefulErrorAdapter, ThreadPool, WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { AsyncDriver, Driver, type GraphAdapter, HamiltonError, NodeExecutionError, node } from '@hamilton-ts/core';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { freePort } from '../../adapters/test/support/free-port.js';
import { type RunStore, RunStoreError, TrackingAdapter, type TrackingEvent } from '../src/index.js';
import { Features, Fetchers, PerItem } from './fixtures/tracking-pipelines.js';
import { until } from './support/poll.js';
import { nodesOf, rawRuns, type TrackerHarness, trackerHarness } from './support/tracker-harness.js';

const spend = new Float64Array([10, 20, Number.NaN, 30]);
const cleanSpend = new Float64Array([10, 20, 30]);
let h: TrackerHarness;

beforeEach(async () => {
  h = await trackerHarness();
});

afterEach(async () => {
  await h.dispose();
});

describe('a successful run', () => {
  it('records the run, its planned nodes and inputs, and each node with its summary', async () => {
    const tracker = h.tracker({ project: 'marketing' });
    const dr = new Driver({}, Features, { adapter: tracker });
    const before = Date.now();
    await dr.rawExecute(['report', 'mean'], { inputs: { spend: cleanSpend, limit: 100 } });
    const [run] = await h.runs();
    expect(run).toMatchObject({ project: 'marketing', status: 'success', outputs: ['report', 'mean'], nodeCount: 5 });
    expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(run.error).toBeUndefined();
    expect(run.inputs).toEqual({
      spend: { kind: 'array', type: 'Float64Array', length: 3, min: 10, max: 30, mean: 20, nanCount: 0 },
      limit: { kind: 'number', type: 'number', value: 100 },
    });
    const nodes = nodesOf(run);
    expect(Object.keys(nodes).sort()).toEqual(['checked', 'mean', 'report', 'spendUsd', 'total']);
    expect(nodes.spendUsd).toMatchObject({
      status: 'success',
      type: 'Float64Array',
      doc: 'Spend in dollars.',
      tags: { owner: 'growth', pii: 'false' },
      location: 'Features.spendUsd',
      summary: { kind: 'array', type: 'Float64Array', length: 3, mean: 20 },
    });
    expect(nodes.total).toMatchObject({ type: 'number', summary: { kind: 'number', value: 60 } });
    expect(nodes.report.summary).toEqual({ kind: 'string', type: 'string', length: 8, preview: 'total 60' });
    for (const n of run.nodes) {
      expect(n.durationMs).toBeGreaterThanOrEqual(0);
      expect(n.startedAtMs).toBeGreaterThanOrEqual(Date.parse(run.startedAt) - 1);
    }
    // In the order they finished: dependencies first.
    expect(run.nodes.findIndex((n) => n.name === 'spendUsd')).toBeLessThan(run.nodes.findIndex((n) => n.name === 'total'));
  });

  it('gives the planned graph: dependencies, the inputs given, no optional input left out', async () => {
    const tracker = h.tracker();
    await new Driver({}, Features, { adapter: tracker }).rawExecute(['total'], { inputs: { spend: cleanSpend } });
    const store = await h.store();
    const [listed] = await store.listRuns();
    const graph = await store.getGraph(listed.id);
    expect(graph).toEqual([
      {
        name: 'spendUsd',
        type: 'Float64Array',
        doc: 'Spend in dollars.',
        tags: { owner: 'growth', pii: 'false' },
        dependencies: ['spend'],
        location: 'Features.spendUsd',
      },
      { name: 'total', type: 'number', doc: 'Total spend.', tags: {}, dependencies: ['spendUsd'], location: 'Features.total' },
      { name: 'spend', type: 'Float64Array', doc: '', tags: {}, dependencies: [], isInput: true },
    ]);
  });

  it('counts config and overrides as given values, and summarises overrides with the inputs', async () => {
    const tracker = h.tracker();
    const dr = new Driver({ fx: 2 }, Features, { adapter: tracker });
    await dr.rawExecute(['report'], { inputs: { limit: 1e9 }, overrides: { total: 5 } });
    const store = await h.store();
    const [listed] = await store.listRuns();
    const run = (await store.getRun(listed.id))!;
    expect(run.inputs).toEqual({
      limit: { kind: 'number', type: 'number', value: 1e9 },
      total: { kind: 'number', type: 'number', value: 5 },
    });
    expect(run.nodes.map((n) => n.name)).toEqual(['checked', 'report']);
    const graph = await store.getGraph(listed.id);
    expect(graph!.map((n) => [n.name, n.isInput ?? false])).toEqual([
      ['checked', false],
      ['report', false],
      ['total', true],
      ['limit', true],
    ]);
  });

  it('summarises a NaN-holding input with its NaN count', async () => {
    const tracker = h.tracker();
    await new Driver({}, Features, { adapter: tracker }).rawExecute(['spendUsd'], { inputs: { spend } });
    const [run] = await h.runs();
    expect(run.inputs.spend).toEqual({ kind: 'array', type: 'Float64Array', length: 4, min: 10, max: 30, mean: 20, nanCount: 1 });
  });

  it('records every run under an id of its own, and never a value itself', async () => {
    const secret = 'hunter2-hunter2';
    class Secrets {
      @node() account(): object {
        return { user: 'ann', password: secret };
      }
    }
    const tracker = h.tracker();
    const dr = new Driver({}, Secrets, { adapter: tracker });
    await dr.rawExecute(['account']);
    await dr.rawExecute(['account']);
    const runs = await h.runs();
    expect(new Set(runs.map((r) => r.id)).size).toBe(2);
    for (const r of runs) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(runs[0].nodes[0].summary).toEqual({ kind: 'object', type: 'Object', columns: 2 });
    expect(JSON.stringify(runs)).not.toContain(secret);
  });
});

describe('a failing node', () => {
  it('records its error with the stack, skips what is downstream, and fails the run', async () => {
    const tracker = h.tracker();
    const dr = new Driver({}, Features, { adapter: tracker });
    await expect(dr.rawExecute(['report'], { inputs: { spend: cleanSpend, limit: 1 } })).rejects.toBeInstanceOf(NodeExecutionError);
    const [run] = await h.runs();
    expect(run.status).toBe('failure');
    expect(run.error).toMatchObject({ type: 'NodeExecutionError', message: expect.stringContaining('checked') });
    expect(run.error!.stack).toMatch(/Caused by: RangeError: total 60 is above the limit 1/);
    const nodes = nodesOf(run);
    expect(nodes.checked).toMatchObject({ status: 'failure', error: { type: 'RangeError', message: 'total 60 is above the limit 1' } });
    expect(nodes.checked.error!.stack).toMatch(/at Features\.checked/);
    expect(nodes.checked.summary).toBeUndefined();
    expect(nodes.report).toMatchObject({ status: 'skipped', durationMs: 0 });
    expect(run.nodes.at(-1)!.name).toBe('report');
    expect(nodes.spendUsd.summary).toMatchObject({ nanCount: 0, min: 10, max: 30 });
  });

  it('records a run that fails before any node (a missing input) as nothing at all', async () => {
    const tracker = h.tracker();
    const dr = new Driver({}, Features, { adapter: tracker });
    await expect(dr.rawExecute(['report'], { inputs: { spend } })).rejects.toBeInstanceOf(HamiltonError);
    expect(await h.runs()).toEqual([]);
  });
});

describe('engines', () => {
  it('tells apart concurrent runs of an AsyncDriver and of two drivers sharing the tracker', async () => {
    const tracker = h.tracker();
    const one = new AsyncDriver({}, Fetchers, { adapter: tracker, maxConcurrency: 2 });
    const two = new AsyncDriver({}, Fetchers, { adapter: tracker });
    const tags = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
    await Promise.all(tags.map((tag, i) => (i % 2 ? two : one).rawExecute(['joined'], { inputs: { tag } })));
    const runs = await h.runs();
    expect(runs).toHaveLength(6);
    for (const run of runs) {
      const tag = (run.inputs.tag as { preview: string }).preview;
      const nodes = nodesOf(run);
      expect(run.status).toBe('success');
      expect(Object.keys(nodes).sort()).toEqual(['a', 'b', 'c', 'joined']);
      expect(nodes.a.summary!.preview).toBe(`${tag}:a`);
      expect(nodes.joined.summary!.preview).toBe(`${tag}:a,${tag}:b,${tag}:c`);
      expect(nodes.a.durationMs).toBeGreaterThan(1);
    }
  });

  it('records nodes run in worker threads', async () => {
    const pool = new ThreadPool({ maxThreads: 2 });
    try {
      const threads = new WorkerThreadsGraphAdapter({
        modules: [new URL('./fixtures/tracking-pipelines.ts', import.meta.url)],
        pool,
        nodes: ['spendUsd', 'total'],
      });
      const tracker = h.tracker();
      const dr = new Driver({}, Features, { adapter: [tracker, threads] });
      const out = await dr.rawExecute(['report', 'mean'], { inputs: { spend: cleanSpend, limit: 100 } });
      expect(out.report).toBe('total 60');
      await expect(dr.rawExecute(['report'], { inputs: { spend: cleanSpend, limit: 1 } })).rejects.toBeInstanceOf(NodeExecutionError);
      const [failed, ok] = await h.runs();
      expect(nodesOf(ok).spendUsd).toMatchObject({ status: 'success', summary: { type: 'Float64Array', mean: 20 } });
      expect(nodesOf(ok).total).toMatchObject({ status: 'success', summary: { value: 60 } });
      expect(nodesOf(failed).checked).toMatchObject({ status: 'failure', error: { type: 'RangeError' } });
      expect(nodesOf(failed).report.status).toBe('skipped');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('records the reason of a node an engine could not run, not the engine’s wrapper naming the node again', async () => {
    const reason = new HamiltonError('the queue did not answer within 300 ms');
    const engine: GraphAdapter = {
      runNode: ({ node }) => {
        throw new NodeExecutionError(node.name, 'Features', reason);
      },
    };
    const tracker = h.tracker();
    const dr = new Driver({}, Features, { adapter: [tracker, engine] });
    await expect(dr.rawExecute(['total'], { inputs: { spend: cleanSpend } })).rejects.toBeInstanceOf(NodeExecutionError);
    const [run] = await h.runs();
    expect(nodesOf(run).spendUsd.error).toMatchObject({ type: 'HamiltonError', message: 'the queue did not answer within 300 ms' });
    expect(run.error).toMatchObject({ type: 'NodeExecutionError', message: expect.stringContaining('node "spendUsd" (Features) failed') });
  });

  it('records a Parallelizable node once, with its executions and summed duration', async () => {
    const tracker = h.tracker();
    for (const dr of [new Driver({}, PerItem, { adapter: tracker }), new AsyncDriver({}, PerItem, { adapter: tracker })])
      await dr.rawExecute(['sum'], { inputs: { count: 4, failOn: -1 } });
    for (const run of await h.runs()) {
      const nodes = nodesOf(run);
      expect(run.nodeCount).toBe(4);
      expect(nodes.items).toMatchObject({ status: 'success', summary: { kind: 'array', length: 4 } });
      expect(nodes.items.executions).toBeUndefined();
      expect(nodes.double).toMatchObject({ status: 'success', executions: 4, summary: { kind: 'number', value: 0 } });
      expect(nodes.fragile).toMatchObject({ status: 'success', executions: 4 });
      expect(nodes.sum).toMatchObject({ status: 'success', summary: { value: 12 } });
    }
  });

  it('records a block whose item failed as a failure, and a block with no items as skipped', async () => {
    const tracker = h.tracker();
    const dr = new Driver({}, PerItem, { adapter: tracker });
    await expect(dr.rawExecute(['sum'], { inputs: { count: 5, failOn: 6 } })).rejects.toBeInstanceOf(NodeExecutionError);
    await dr.rawExecute(['sum'], { inputs: { count: 0, failOn: -1 } });
    const [empty, failed] = await h.runs();
    expect(nodesOf(failed).fragile).toMatchObject({ status: 'failure', executions: 4, error: { message: 'item 3 failed' } });
    expect(nodesOf(failed).sum.status).toBe('skipped');
    expect(failed.status).toBe('failure');
    expect(nodesOf(empty).double).toMatchObject({ status: 'skipped', durationMs: 0 });
    expect(nodesOf(empty).sum).toMatchObject({ status: 'success', summary: { value: 0 } });
  });
});

describe('with GracefulErrorAdapter', () => {
  it('listed before the tracker: records the caught error with its stack and the nodes it answered as skipped', async () => {
    const graceful = new GracefulErrorAdapter({ errorTypes: [RangeError] });
    const tracker = h.tracker();
    const dr = new Driver({}, Features, { adapter: [graceful, tracker] });
    const out = await dr.rawExecute(['report', 'mean'], { inputs: { spend: cleanSpend, limit: 1 } });
    expect(out.report).toBe(FAILED);
    const [run] = await h.runs();
    expect(run.status).toBe('success');
    const nodes = nodesOf(run);
    expect(nodes.checked).toMatchObject({ status: 'failure', error: { type: 'RangeError', message: 'total 60 is above the limit 1' } });
    expect(nodes.checked.error!.stack).toMatch(/at Features\.checked/);
    expect(nodes.report.status).toBe('skipped');
    expect(nodes.mean).toMatchObject({ status: 'success', summary: { value: 20 } });
  });

  it('listed after the tracker: still tells failed and skipped nodes apart by its FAILED sentinel', async () => {
    const tracker = h.tracker();
    const dr = new Driver({}, Features, { adapter: [tracker, new GracefulErrorAdapter()] });
    await dr.rawExecute(['report'], { inputs: { spend: cleanSpend, limit: 1 } });
    const [run] = await h.runs();
    const nodes = nodesOf(run);
    expect(nodes.checked).toMatchObject({
      status: 'failure',
      error: { message: expect.stringContaining('list TrackingAdapter after GracefulErrorAdapter') },
    });
    expect(nodes.report.status).toBe('skipped');
  });
});

describe('with the cache', () => {
  it('records each node’s cache status: misses, then hits', async () => {
    const tracker = h.tracker();
    const dr = new Driver({}, Features, { adapter: tracker, cache: { path: join(h.dir, 'cache') } });
    await dr.rawExecute(['report'], { inputs: { spend: cleanSpend, limit: 100 } });
    await dr.cache.flush();
    await dr.rawExecute(['report'], { inputs: { spend: cleanSpend, limit: 100 } });
    const [second, first] = await h.runs();
    for (const n of first.nodes) expect([n.name, n.cacheStatus]).toEqual([n.name, 'miss']);
    for (const n of second.nodes) expect([n.name, n.cacheStatus]).toEqual([n.name, 'hit']);
    expect(nodesOf(second).total.summary).toMatchObject({ value: 60 });
  });
});

describe('a store that is down', () => {
  it('never fails a run: it warns once, naming the store, and keeps the events for a retry', async () => {
    const warnings: string[] = [];
    const url = `postgres://app:pw@127.0.0.1:${await freePort()}/runs`;
    const tracker = new TrackingAdapter({ project: 'p', store: url, warn: (m) => warnings.push(m) });
    const dr = new Driver({}, Features, { adapter: tracker });
    for (let i = 0; i < 3; i++) await dr.rawExecute(['total'], { inputs: { spend: cleanSpend } });
    await expect(tracker.flush()).resolves.toBeUndefined();
    await dr.rawExecute(['total'], { inputs: { spend: cleanSpend } });
    await tracker.flush();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`cannot write runs to "postgres://app:***@127.0.0.1:`);
    expect(warnings[0]).not.toContain(':pw@');
    expect(warnings[0]).toMatch(/\(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\. Runs go on/);
    expect(tracker.pendingEvents).toBe(4 * 4);
    await tracker.close();
    expect(tracker.droppedEvents).toBe(16);
    expect(warnings).toHaveLength(2);
  }, 30_000);

  it('writes what it kept once the store answers again', async () => {
    const url = h.url;
    let down = true;
    const real = await (await import('../src/index.js')).openRunStore(url);
    const flaky: RunStore = {
      ...real,
      migrate: () => real.migrate(),
      close: () => real.close(),
      write: (events: readonly TrackingEvent[]) => (down ? Promise.reject(new Error('disk full')) : real.write(events)),
      listRuns: (q) => real.listRuns(q),
      countRuns: (q) => real.countRuns(q),
      getRun: (id) => real.getRun(id),
      getGraph: (id) => real.getGraph(id),
      projects: () => real.projects(),
    };
    const tracker = h.tracker({ store: flaky });
    const dr = new Driver({}, Features, { adapter: tracker });
    await dr.rawExecute(['total'], { inputs: { spend: cleanSpend } });
    await tracker.flush();
    expect(h.warnings).toEqual([expect.stringContaining('(disk full)')]);
    down = false;
    await dr.rawExecute(['total'], { inputs: { spend: cleanSpend } });
    await tracker.flush();
    expect(await real.countRuns({ status: 'success' })).toBe(2);
    await tracker.close();
    expect(await real.countRuns()).toBe(2); // a store passed in stays open
    await real.close();
  });
});

describe('while a run is in progress', () => {
  it('records its process, and tells the store on its own, between writes, that it is alive and what runs', async () => {
    let release: (value: number) => void = () => undefined;
    const gate = new Promise<number>((resolve) => {
      release = resolve;
    });
    class Waits {
      @node() first(x: number): number {
        return x;
      }
      @node() async waiting(first: number): Promise<number> {
        return first + (await gate);
      }
    }
    const tracker = h.tracker({ heartbeatIntervalMs: 10, staleAfterMs: 60_000 });
    const running = new AsyncDriver({}, Waits, { adapter: tracker }).rawExecute(['waiting'], { inputs: { x: 1 } });
    const beating = await until(
      () => rawRuns(h),
      (now) => now[0]?.in_flight?.includes('"waiting"') === true,
      'a heartbeat naming the running node',
    );
    const seen = beating[0].last_seen_at;
    const later = await until(
      () => rawRuns(h),
      (now) => now[0].last_seen_at > seen,
      'a later heartbeat',
    );
    expect(later[0]).toMatchObject({ status: 'running', pid: process.pid, hostname: hostname(), stale_after_ms: 60_000 });
    expect(JSON.parse(later[0].in_flight!)).toEqual([{ name: 'waiting', startedAt: expect.any(Number) }]);
    release(1);
    expect(await running).toEqual({ waiting: 2 });
    const [run] = await h.runs();
    expect(run.status).toBe('success');
  });
});

describe('flush and close', () => {
  it('queue in memory until flushed; close writes the rest and closes the store it opened', async () => {
    const tracker = h.tracker();
    const dr = new Driver({}, Features, { adapter: tracker });
    await dr.rawExecute(['total'], { inputs: { spend: cleanSpend } });
    expect(tracker.pendingEvents).toBe(4);
    await tracker.flush();
    expect(tracker.pendingEvents).toBe(0);
    await dr.rawExecute(['total'], { inputs: { spend: cleanSpend } });
    await tracker.close();
    await tracker.close();
    const store = await h.store();
    expect(await store.countRuns()).toBe(2);
    // After close, runs are not recorded (and are not failed either).
    await dr.rawExecute(['total'], { inputs: { spend: cleanSpend } });
    expect(tracker.droppedEvents).toBe(4);
  });
});

describe('options', () => {
  it.each([
    [{ project: '' }, /option "project" is ""/],
    [{ project: 7 }, /option "project" is 7/],
    [{ project: 'p', store: 42 }, /option "store" is 42/],
    [{ project: 'p', flushIntervalMs: 0 }, /option "flushIntervalMs" is 0; pass a positive number/],
    [{ project: 'p', batchSize: Number.NaN }, /option "batchSize"/],
    [{ project: 'p', summaries: 'yes' }, /option "summaries"/],
    [{ project: 'p', warn: 'console' }, /option "warn"/],
    [{ project: 'p', heartbeatIntervalMs: 0 }, /option "heartbeatIntervalMs" is 0; pass a positive number/],
    [{ project: 'p', staleAfterMs: Number.POSITIVE_INFINITY }, /option "staleAfterMs" is Infinity/],
    [
      { project: 'p', heartbeatIntervalMs: 1000, staleAfterMs: 1500 },
      /"staleAfterMs" \(1500\) must be at least twice "heartbeatIntervalMs" \(1000\)/,
    ],
    [null, /option "options" is null/],
  ])('refuses %p with a HamiltonError', (options, message) => {
    expect(() => new TrackingAdapter(options as never)).toThrow(HamiltonError);
    expect(() => new TrackingAdapter(options as never)).toThrow(message);
  });

  it('refuses a malformed store URL at once, with a RunStoreError', () => {
    expect(() => new TrackingAdapter({ project: 'p', store: 'mysql://x/y' })).toThrow(RunStoreError);
  });

  it('defaults to the store hamilton-ts ui reads, and can record no summaries', async () => {
    expect(new TrackingAdapter({ project: 'p' }).storeUrl).toBe('sqlite:.hamilton/runs.db');
    const tracker = h.tracker({ summaries: false });
    await new Driver({}, Features, { adapter: tracker }).rawExecute(['total'], { inputs: { spend: cleanSpend } });
    const [run] = await h.runs();
    expect(run.inputs).toEqual({});
    for (const n of run.nodes) expect(n.summary).toBeUndefined();
  });

  it('caps summaries with the limits given', async () => {
    const tracker = h.tracker({ summaries: { maxElements: 2 } });
    await new Driver({}, Features, { adapter: tracker }).rawExecute(['spendUsd'], { inputs: { spend: cleanSpend } });
    const [run] = await h.runs();
    expect(run.nodes[0].summary).toMatchObject({ max: 20, skipped: 'min/max/mean over the first 2 of 3 elements' });
  });
});
