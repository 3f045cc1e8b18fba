import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';
import { AsyncDriver, Driver } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ColumnTable } from 'arquero';
import { Rendezvous, SignalFeatures } from './fixtures/cpu-features.js';
import { ThreadPool } from './thread-pool.js';
import { WorkerThreadsGraphAdapter } from './worker-threads-graph-adapter.js';

const MODULES = [new URL('./fixtures/cpu-features.ts', import.meta.url)];
const inputs = { size: 60, asOf: new Date(Date.UTC(2024, 0, 1)) };
const OUTPUTS = ['signal', 'smoothed', 'stats', 'frame', 'report'];
// Starting a worker from source transpiles the packages it imports: allow for it on a busy machine.
const SLOW = 60_000;

let pool: ThreadPool;
beforeAll(() => {
  pool = new ThreadPool({ maxThreads: 2 });
});
afterAll(() => pool.close());

const threads = (options: Partial<ConstructorParameters<typeof WorkerThreadsGraphAdapter>[0]> = {}) =>
  new WorkerThreadsGraphAdapter({ modules: MODULES, pool, ...options });

const columnsOf = (t: ColumnTable) => Object.fromEntries(t.columnNames().map((name) => [name, t.column(name)]));

describe('WorkerThreadsGraphAdapter', () => {
  it(
    'gives the values of a sequential run: typed arrays, tables, Maps, Dates and records of them',
    async () => {
      const sequential = await new Driver({}, SignalFeatures).rawExecute(OUTPUTS, { inputs });
      const threaded = await new Driver({}, SignalFeatures, { adapter: threads() }).rawExecute(OUTPUTS, { inputs });
      expect(threaded.smoothed).toBeInstanceOf(Float64Array);
      expect(threaded.smoothed).toEqual(sequential.smoothed);
      expect(threaded.stats).toBeInstanceOf(Map);
      expect(threaded.stats).toEqual(sequential.stats);
      const frame = threaded.frame as ColumnTable;
      expect(frame.objects()).toEqual((sequential.frame as ColumnTable).objects());
      expect(columnsOf(frame).signal).toBeInstanceOf(Float64Array);
      expect(Array.isArray(columnsOf(frame).label)).toBe(true);
      const report = threaded.report as { asOf: Date; top: ColumnTable; stats: Map<string, number> };
      const expected = sequential.report as typeof report;
      expect(report.asOf).toBeInstanceOf(Date);
      expect(report.asOf.getTime()).toBe(expected.asOf.getTime());
      expect(report.top.objects()).toEqual(expected.top.objects());
      expect(report.stats).toEqual(expected.stats);
    },
    SLOW,
  );

  it(
    'runs under AsyncDriver and with a result builder, under the config of the driver',
    async () => {
      const config = { scale: 'percent' };
      const sequential = await new Driver(config, SignalFeatures).execute(['smoothed', 'scaled'], { inputs });
      const threaded = await new AsyncDriver(config, SignalFeatures, { adapter: threads() }).execute(['smoothed', 'scaled'], { inputs });
      expect((threaded as ColumnTable).objects()).toEqual((sequential as ColumnTable).objects());
    },
    SLOW,
  );

  it(
    'runs independent nodes at the same time: each sees the other start',
    async () => {
      const flags = new Int32Array(new SharedArrayBuffer(8));
      const dr = new Driver({}, Rendezvous, { adapter: threads() });
      const { left, right } = (await dr.rawExecute(['left', 'right'], { inputs: { flags, patienceMs: 30_000 } })) as Record<
        string,
        { threadId: number; sawPartner: boolean }
      >;
      expect([left.sawPartner, right.sawPartner]).toEqual([true, true]);
      expect(left.threadId).not.toBe(right.threadId);
      expect([left.threadId, right.threadId]).not.toContain(threadId);
    },
    SLOW,
  );

  it(
    'sends only the nodes named in `nodes` to threads; the others run in this thread',
    async () => {
      const dr = new Driver({}, SignalFeatures, { adapter: threads({ nodes: ['placeA'] }) });
      const { placeA, placeB } = await dr.rawExecute(['placeA', 'placeB'], { inputs });
      expect(placeA).not.toBe(threadId);
      expect(placeB).toBe(threadId);
    },
    SLOW,
  );

  it(
    'selects nodes by a tag filter, as listAvailableVariables({ tagFilter }) does',
    async () => {
      const byTag = async (nodes: Record<string, string | string[] | null>) => {
        const dr = new Driver({}, SignalFeatures, { adapter: threads({ nodes }) });
        return dr.rawExecute(['placeA', 'placeB'], { inputs });
      };
      const cpu = await byTag({ compute: 'cpu' });
      expect(cpu.placeA).not.toBe(threadId);
      expect(cpu.placeB).toBe(threadId);
      const io = await byTag({ compute: ['io'] });
      expect([io.placeA, io.placeB]).toEqual([threadId, threadId]);
    },
    SLOW,
  );

  it(
    'starts no thread before the first thread node; close() stops them and a later run starts new ones',
    async () => {
      const own = new ThreadPool({ maxThreads: 1 });
      const adapter = new WorkerThreadsGraphAdapter({ modules: MODULES, pool: own, nodes: ['placeA'] });
      const dr = new Driver({}, SignalFeatures, { adapter });
      await dr.rawExecute(['placeB'], { inputs });
      expect(own.started).toBe(false);
      const first = (await dr.rawExecute(['placeA'], { inputs })).placeA;
      expect(own.started).toBe(true);
      await own.close();
      expect(own.started).toBe(false);
      const second = (await dr.rawExecute(['placeA'], { inputs })).placeA;
      expect(second).not.toBe(first); // a new thread
      await own.close();
    },
    SLOW,
  );

  it(
    'closes its own pool on close(), and restarts on the next run',
    async () => {
      const adapter = new WorkerThreadsGraphAdapter({ modules: MODULES, maxThreads: 1 });
      const dr = new Driver({}, SignalFeatures, { adapter });
      const first = (await dr.rawExecute(['placeA'], { inputs })).placeA;
      await adapter.close();
      const second = (await dr.rawExecute(['placeA'], { inputs })).placeA;
      expect([first, second]).not.toContain(threadId);
      expect(second).not.toBe(first);
      await adapter.close();
    },
    SLOW,
  );

  it(
    'shares one ThreadPool between adapters of different modules; their close() leaves it open',
    async () => {
      const shared = new ThreadPool({ maxThreads: 1 });
      // The same file under another URL is another module instance for the worker (the query is not part of the path).
      const copy = new URL('./fixtures/cpu-features.ts?copy=2', import.meta.url);
      const a = new WorkerThreadsGraphAdapter({ modules: MODULES, pool: shared, nodes: ['placeA'] });
      const b = new WorkerThreadsGraphAdapter({ modules: [copy], pool: shared, nodes: ['placeA'] });
      const run = (adapter: WorkerThreadsGraphAdapter) => new Driver({}, SignalFeatures, { adapter }).rawExecute(['placeA'], { inputs });
      const fromA = (await run(a)).placeA;
      await a.close();
      expect(shared.started).toBe(true);
      expect((await run(b)).placeA).toBe(fromA);
      await shared.close();
    },
    SLOW,
  );

  it('offers the pool size as its concurrency, so a plain Driver starts that many nodes together', () => {
    expect(new WorkerThreadsGraphAdapter({ modules: MODULES, maxThreads: 3 }).concurrency).toBe(3);
    expect(new WorkerThreadsGraphAdapter({ modules: MODULES }).concurrency).toBe(availableParallelism());
    expect(threads().concurrency).toBe(2);
  });
});
