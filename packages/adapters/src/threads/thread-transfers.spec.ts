import 'reflect-metadata';
import { Driver, type NodeRunRequest } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Transfers } from './fixtures/cpu-features.js';
import { ThreadPool } from './thread-pool.js';
import { WorkerThreadsGraphAdapter } from './worker-threads-graph-adapter.js';

const MODULES = [new URL('./fixtures/cpu-features.ts', import.meta.url)];
const SLOW = 60_000;
const LENGTH = 100_000;

let pool: ThreadPool;
beforeAll(() => {
  pool = new ThreadPool({ maxThreads: 1 });
});
afterAll(() => pool.close());

/** Keeps the arguments each node was given in this thread, to look at their buffers after the run. */
class Watching extends WorkerThreadsGraphAdapter {
  readonly given = new Map<string, Record<string, Float64Array>>();

  override runNode(request: NodeRunRequest, runLocally: () => unknown): unknown {
    this.given.set(request.node.name, { ...request.kwargs } as Record<string, Float64Array>);
    return super.runNode(request, runLocally);
  }
}

async function watch(outputs: string[], options: { nodes?: string[]; inputs?: Record<string, unknown> } = {}) {
  const adapter = new Watching({ modules: MODULES, pool, ...(options.nodes ? { nodes: options.nodes } : {}) });
  const results = await new Driver({}, Transfers, { adapter }).rawExecute(outputs, { inputs: { length: LENGTH, ...options.inputs } });
  return { results, given: (node: string, arg: string) => adapter.given.get(node)![arg] };
}

describe('WorkerThreadsGraphAdapter transfers', () => {
  it(
    'gives a large typed-array result as that typed array',
    async () => {
      const { results } = await watch(['big', 'doubled']);
      const doubled = results.doubled as Float64Array;
      expect(doubled).toBeInstanceOf(Float64Array);
      expect(doubled.length).toBe(LENGTH);
      expect(doubled.buffer.byteLength).toBe(LENGTH * 8);
      expect([doubled[0], doubled[LENGTH - 1]]).toEqual([3, 3]);
    },
    SLOW,
  );

  it(
    'moves an argument that came from a thread and that nothing reads afterwards (detached here)',
    async () => {
      const { results, given } = await watch(['total']);
      expect(results.total).toBe(LENGTH * 3);
      expect(given('doubled', 'big').byteLength).toBe(0);
      expect(given('total', 'doubled').byteLength).toBe(0);
    },
    SLOW,
  );

  it(
    'copies an argument that is also an output, and leaves it whole',
    async () => {
      const { results, given } = await watch(['total', 'doubled']);
      expect(given('total', 'doubled').byteLength).toBe(LENGTH * 8);
      expect((results.doubled as Float64Array)[0]).toBe(3);
    },
    SLOW,
  );

  it(
    'copies an input',
    async () => {
      const raw = new Float64Array(LENGTH).fill(1);
      const { results } = await watch(['inputTotal'], { inputs: { raw } });
      expect(results.inputTotal).toBe(LENGTH);
      expect(raw.byteLength).toBe(LENGTH * 8);
    },
    SLOW,
  );

  it(
    'copies a value computed in this thread',
    async () => {
      const { given } = await watch(['total'], { nodes: ['doubled', 'total'] });
      expect(given('doubled', 'big').byteLength).toBe(LENGTH * 8); // big ran here
      expect(given('total', 'doubled').byteLength).toBe(0); // doubled came from a thread
    },
    SLOW,
  );

  it(
    'copies a buffer from a thread once a node of this thread was given it (it may keep a view)',
    async () => {
      const here = await watch(['afterPeek'], { nodes: ['big', 'afterPeek'] });
      expect(here.results.afterPeek).toBe(LENGTH + 1.5);
      expect(here.given('afterPeek', 'big').byteLength).toBe(LENGTH * 8);
      const everywhere = await watch(['afterPeek'], { nodes: ['big', 'peek', 'afterPeek'] });
      expect(everywhere.given('afterPeek', 'big').byteLength).toBe(0);
    },
    SLOW,
  );

  it(
    'sends the items of a generator result as an array',
    async () => {
      const { results } = await watch(['pieces'], { inputs: { length: 3 } });
      expect(results.pieces).toEqual([0, 1, 2]);
    },
    SLOW,
  );
});
