// One suite, run against both stores: a SQLite file and a real Postgres database. What the page and
// the JSON API read must not depend on the engine.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import type { PlannedNode, RunStore, TrackingEvent } from '../src/index.js';
import { openRunStore, RunStoreError, summarize } from '../src/index.js';
import { postgresEngine, sqliteEngine } from './support/store-engines.js';
import { finished, input, node, result, started, T0 } from './support/store-events.js';

describe.each([sqliteEngine(), postgresEngine()])('the $name run store', (engine) => {
  let store: RunStore;
  let url: string;
  const opened: RunStore[] = [];
  const open = async (at = url) => {
    const s = await openRunStore(at);
    opened.push(s);
    return s;
  };

  beforeAll(async () => {
    await engine.setup();
    url = await engine.freshUrl();
    store = await open();
  }, 60_000);

  afterAll(async () => {
    for (const s of opened) await s.close();
    await engine.teardown();
  }, 30_000);

  describe('schema', () => {
    it('migrates idempotently, and several stores migrating one fresh database at once all succeed', async () => {
      await store.migrate();
      await store.migrate();
      const fresh = await engine.freshUrl();
      const stores = await Promise.all([open(fresh), open(fresh), open(fresh), open(fresh)]);
      await stores[0].write([started('m1', [node('a')]), finished('m1')]);
      for (const s of stores) expect(await s.countRuns()).toBe(1);
    });
  });

  describe('a run, written in batches as it goes', () => {
    const id = 'run-detail';
    const nodes: PlannedNode[] = [input('x'), node('a', ['x']), node('b', ['a']), node('c', ['b']), node('d', ['a'])];

    beforeAll(async () => {
      await store.write([started(id, nodes, { project: 'detail', inputs: { x: { kind: 'number', type: 'number', value: 3 } } })]);
    });

    it('shows a running run with the nodes finished so far', async () => {
      await store.write([result(id, 'a', 1)]);
      const run = await store.getRun(id);
      expect(run).toMatchObject({ id, project: 'detail', status: 'running', durationMs: null, nodeCount: 4, outputs: ['d'] });
      expect(run!.startedAt).toBe(new Date(T0).toISOString());
      expect(run!.inputs).toEqual({ x: { kind: 'number', type: 'number', value: 3 } });
      expect(run!.nodes.map((n) => n.name)).toEqual(['a']);
      expect((await store.listRuns({ project: 'detail' }))[0]).toMatchObject({ status: 'running', durationMs: null, nodeCount: 4 });
    });

    it('folds the rest in: finish order, planned fields, errors, skipped nodes last, no inputs', async () => {
      const error = { type: 'RangeError', message: 'too big', stack: 'RangeError: too big\n    at b' };
      await store.write([
        result(id, 'd', 2, { cacheStatus: 'hit' }),
        result(id, 'b', 3, { status: 'failure', error, summary: undefined }),
        result(id, 'c', 4, { status: 'skipped', executions: 0, summary: undefined }),
        finished(id, { status: 'failure', durationMs: 42.5, error: { type: 'NodeExecutionError', message: 'node b failed' } }),
      ]);
      const run = await store.getRun(id);
      expect(run).toMatchObject({ status: 'failure', durationMs: 42.5, error: { type: 'NodeExecutionError', message: 'node b failed' } });
      expect(run!.nodes.map((n) => [n.name, n.status])).toEqual([
        ['a', 'success'],
        ['d', 'success'],
        ['b', 'failure'],
        ['c', 'skipped'],
      ]);
      const [a, d, b] = run!.nodes;
      expect(a).toMatchObject({ type: 'number', doc: 'doc of a', tags: { stage: 'test' }, location: 'Pipeline.a', durationMs: 1 });
      expect(a.summary).toEqual({ kind: 'number', type: 'number', value: 1 });
      expect(a.startedAtMs).toBe(T0 + 1);
      expect(a.startedAt).toBe(new Date(T0 + 1).toISOString());
      expect(d.cacheStatus).toBe('hit');
      expect(b.error).toEqual(error);
      expect(b.summary).toBeUndefined();
    });

    it('gives the planned graph with dependencies, locations and inputs', async () => {
      expect(await store.getGraph(id)).toEqual(nodes);
    });

    it('answers undefined for a run it does not hold', async () => {
      expect(await store.getRun('no-such-run')).toBeUndefined();
      expect(await store.getGraph('no-such-run')).toBeUndefined();
    });
  });

  describe('a node run once per item', () => {
    it('is one record: executions counted, durations summed, earliest start, failure wins, cache statuses merged', async () => {
      const id = 'per-item';
      await store.write([started(id, [node('items'), node('each', ['items']), node('all', ['each'])]), result(id, 'items', 1)]);
      await store.write([
        result(id, 'each', 2, { startedAt: T0 + 50, durationMs: 2, cacheStatus: 'hit' }),
        result(id, 'each', 3, { startedAt: T0 + 20, durationMs: 3, cacheStatus: 'hit' }),
      ]);
      const error = { type: 'Error', message: 'item 3' };
      await store.write([
        result(id, 'each', 4, { startedAt: T0 + 60, durationMs: 4, status: 'failure', error, summary: undefined, cacheStatus: 'miss' }),
        result(id, 'all', 5, { status: 'skipped', executions: 0, summary: undefined }),
        finished(id, { status: 'failure' }),
      ]);
      const each = (await store.getRun(id))!.nodes.find((n) => n.name === 'each')!;
      expect(each).toMatchObject({ status: 'failure', executions: 3, durationMs: 9, startedAtMs: T0 + 20, cacheStatus: 'miss', error });
      expect(each.summary).toEqual({ kind: 'number', type: 'number', value: 2 });
    });
  });

  describe('writing', () => {
    it('writes a batch written twice once (a commit whose answer was lost, retried)', async () => {
      const id = 'twice';
      const batch: TrackingEvent[] = [started(id, [node('a')]), result(id, 'a', 1, { durationMs: 5 }), finished(id)];
      await store.write(batch);
      await store.write(batch);
      const run = await store.getRun(id);
      expect(run!.nodes).toHaveLength(1);
      expect(run!.nodes[0]).toMatchObject({ durationMs: 5 });
      expect(run!.nodes[0].executions).toBeUndefined();
      expect(await store.countRuns({ project: 'demo', status: 'success' })).toBeGreaterThanOrEqual(1);
    });

    it('orders results written without seq by finish time, and keeps results of nodes it was not told about', async () => {
      const id = 'no-seq';
      await store.write([
        started(id, [node('a'), node('b')]),
        result(id, 'b', undefined, { startedAt: T0 + 5, durationMs: 1 }),
        result(id, 'a', undefined, { startedAt: T0 + 1, durationMs: 1 }),
        result(id, 'extra', undefined, { startedAt: T0 + 9, durationMs: 1 }),
        finished(id),
      ]);
      const run = await store.getRun(id);
      expect(run!.nodes.map((n) => n.name)).toEqual(['a', 'b', 'extra']);
      expect(run!.nodes[2]).toMatchObject({ type: 'any', doc: '', tags: {} });
    });

    it('keeps every string verbatim: quotes, unicode, markup', async () => {
      const id = `odd'id"<x>`;
      const name = `n'"; DROP TABLE runs; --<script>alert(1)</script> ✓ 日本`;
      await store.write([
        started(id, [node(name, [], { doc: '<script>alert("doc")</script>', tags: { "o'k": ['a"b', '<i>'] } })], { project: `p'"<b>` }),
        result(id, name, 1, { summary: { kind: 'string', type: 'string', length: 3, preview: `'"<` } }),
        finished(id),
      ]);
      const run = await store.getRun(id);
      expect(run!.project).toBe(`p'"<b>`);
      expect(run!.nodes[0]).toMatchObject({ name, doc: '<script>alert("doc")</script>', tags: { "o'k": ['a"b', '<i>'] } });
      expect(run!.nodes[0].summary?.preview).toBe(`'"<`);
      expect(await store.projects()).toContain(`p'"<b>`);
    });

    it('keeps NaN and ±Infinity of summaries, in words, apart from a missing value', async () => {
      const id = 'non-finite';
      const summary = summarize(new Float64Array([Infinity, -Infinity, Number.NaN, 1]));
      const column = summarize(aq.table({ x: [-Infinity, 2] }));
      await store.write([
        started(id, [node('a'), node('b')], { inputs: { x: summarize(Number.NaN) } }),
        result(id, 'a', 1, { summary }),
        result(id, 'b', 2, { summary: column }),
        finished(id),
      ]);
      const run = (await store.getRun(id))!;
      expect(run.inputs.x).toEqual({ kind: 'number', type: 'number', value: 'NaN' });
      expect(run.nodes[0].summary).toEqual(summary);
      expect(summary).toMatchObject({ min: '-Infinity', max: 'Infinity', mean: 'NaN', nanCount: 1 });
      expect(run.nodes[1].summary!.columnSummaries!.x).toMatchObject({ min: '-Infinity', max: 2, mean: '-Infinity' });
    });

    it('writes and reads back a run of 10,000 nodes', async () => {
      const id = 'big';
      const nodes = [input('x'), ...Array.from({ length: 10_000 }, (_, i) => node(`n${i}`, [i === 0 ? 'x' : `n${i - 1}`]))];
      const events: TrackingEvent[] = [started(id, nodes, { project: 'big' })];
      for (let i = 0; i < 10_000; i++) events.push(result(id, `n${i}`, i + 1));
      await store.write(events.slice(0, 5_001));
      await store.write([...events.slice(5_001), finished(id)]);
      const [listed] = await store.listRuns({ project: 'big' });
      expect(listed.nodeCount).toBe(10_000);
      const run = await store.getRun(id);
      expect(run!.nodes).toHaveLength(10_000);
      expect(run!.nodes[9_999]).toMatchObject({ name: 'n9999', doc: 'doc of n9999' });
      const graph = await store.getGraph(id);
      expect(graph).toHaveLength(10_001);
      expect(graph![10_000].dependencies).toEqual(['n9998']);
    });

    it('shares one planned graph between runs of the same shape', async () => {
      const nodes = [node('a'), node('b', ['a'])];
      await store.write([started('shape-1', nodes), started('shape-2', [...nodes])]);
      expect(await store.getGraph('shape-1')).toEqual(await store.getGraph('shape-2'));
    });
  });

  describe('the runs list', () => {
    let listStore: RunStore;

    beforeAll(async () => {
      listStore = await open(await engine.freshUrl());
      const events: TrackingEvent[] = [];
      for (let i = 0; i < 30; i++) {
        const id = `list-${String(i).padStart(2, '0')}`;
        events.push(started(id, [node('a'), node('b', ['a'])], { project: i % 3 === 0 ? 'alpha' : 'beta', startedAt: T0 + i * 1000 }));
        if (i % 5 !== 4) events.push(finished(id, { status: i % 2 === 0 ? 'success' : 'failure', durationMs: i }));
      }
      await listStore.write(events);
    });

    it('is newest first, 50 by default, with its fixed fields', async () => {
      const runs = await listStore.listRuns();
      expect(runs).toHaveLength(30);
      expect(runs[0]).toEqual({
        id: 'list-29',
        project: 'beta',
        status: 'running',
        startedAt: new Date(T0 + 29_000).toISOString(),
        durationMs: null,
        nodeCount: 2,
      });
      expect(runs[1]).toEqual({
        id: 'list-28',
        project: 'beta',
        status: 'success',
        startedAt: new Date(T0 + 28_000).toISOString(),
        durationMs: 28,
        nodeCount: 2,
      });
      expect(runs.map((r) => r.id)).toEqual([...runs.map((r) => r.id)].sort().reverse());
    });

    it('filters by project and status, and counts what it filters', async () => {
      const alphaFailed = await listStore.listRuns({ project: 'alpha', status: 'failure' });
      expect(alphaFailed.map((r) => r.id)).toEqual(['list-27', 'list-21', 'list-15', 'list-03']);
      expect(await listStore.countRuns({ project: 'alpha', status: 'failure' })).toBe(4);
      expect(await listStore.countRuns({ status: 'running' })).toBe(6);
      expect(await listStore.countRuns()).toBe(30);
      expect(await listStore.listRuns({ project: 'nobody' })).toEqual([]);
      expect(await listStore.countRuns({ status: 'bogus' as never })).toBe(0);
    });

    it('pages with limit and offset, clamping values out of range', async () => {
      expect((await listStore.listRuns({ limit: 5, offset: 5 })).map((r) => r.id)).toEqual([
        'list-24',
        'list-23',
        'list-22',
        'list-21',
        'list-20',
      ]);
      expect(await listStore.listRuns({ limit: 0 })).toHaveLength(1);
      expect(await listStore.listRuns({ limit: -3, offset: -9 })).toHaveLength(1);
      expect(await listStore.listRuns({ limit: Number.NaN })).toHaveLength(30);
      expect(await listStore.listRuns({ limit: 1e9 })).toHaveLength(30);
      expect(await listStore.listRuns({ offset: 1000 })).toEqual([]);
    });

    it('lists projects sorted, once each', async () => {
      expect(await listStore.projects()).toEqual(['alpha', 'beta']);
    });
  });

  describe('when closed', () => {
    it('refuses calls with a RunStoreError naming the store, and closes twice without complaint', async () => {
      const closing = await openRunStore(await engine.freshUrl());
      await closing.close();
      await closing.close();
      const error = await closing.listRuns().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunStoreError);
      expect(error).toMatchObject({ kind: 'closed', message: expect.stringContaining('is closed') });
      await expect(closing.write([finished('x')])).rejects.toBeInstanceOf(RunStoreError);
    });
  });
});
