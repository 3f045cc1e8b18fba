import { describe, expect, it } from '@jest/globals';
import type { Graph, NodeDef } from '../graph/types.js';
import { planExecution } from './execution-plan.js';
import { type InvokeNode, runPlan } from './executor.js';

const fn = (name: string, deps: string[] = []): NodeDef => ({
  name,
  kind: 'function',
  returnType: undefined,
  tags: {},
  doc: '',
  call: () => name,
  deps: deps.map((d) => ({ name: d, param: d, type: undefined, optional: false })),
});
const graphOf = (...nodes: NodeDef[]): Graph => ({ nodes: new Map(nodes.map((n) => [n.name, n])), config: {} });
const flush = () => new Promise((r) => setImmediate(r));

/**
 * An invoker whose every node returns a promise the test settles by hand, recording what is in
 * flight; overlap is observed directly, never through timing.
 */
function controllable() {
  const pending = new Map<string, () => void>();
  const started: string[] = [];
  let maxInFlight = 0;
  const invoke: InvokeNode = (step) => {
    started.push(step.node.name);
    maxInFlight = Math.max(maxInFlight, pending.size + 1);
    return new Promise((resolve) =>
      pending.set(step.node.name, () => {
        pending.delete(step.node.name);
        resolve(step.node.name);
      }),
    );
  };
  return {
    invoke,
    started,
    pending,
    get maxInFlight() {
      return maxInFlight;
    },
    finish: async (name: string) => {
      pending.get(name)!();
      await flush();
    },
  };
}

const wide = (n: number) =>
  graphOf(
    ...Array.from({ length: n }, (_, i) => fn(`leaf${i}`)),
    fn(
      'join',
      Array.from({ length: n }, (_, i) => `leaf${i}`),
    ),
  );
const start = (graph: Graph, outputs: string[], invoke: InvokeNode, maxConcurrency: number) => {
  const plan = planExecution(graph, outputs, new Set(), new Set());
  return runPlan(plan, new Array(plan.slotCount), invoke, maxConcurrency);
};

describe('runPlan concurrency', () => {
  it('starts every independent async node before any finishes when unlimited', async () => {
    const c = controllable();
    const done = start(wide(5), ['join'], c.invoke, Infinity);
    await flush();
    expect([...c.pending.keys()].sort()).toEqual(['leaf0', 'leaf1', 'leaf2', 'leaf3', 'leaf4']);
    for (let i = 0; i < 5; i++) await c.finish(`leaf${i}`);
    expect(c.started).toContain('join'); // it starts once its last dependency finished
    await c.finish('join');
    await done;
    expect(c.maxInFlight).toBe(5);
  });

  it.each([1, 2, 3])('never has more than maxConcurrency=%i in flight', async (limit) => {
    const c = controllable();
    const done = start(wide(7), ['join'], c.invoke, limit);
    await flush();
    while (c.pending.size) {
      expect(c.pending.size).toBeLessThanOrEqual(limit);
      await c.finish([...c.pending.keys()][0]);
    }
    await done;
    expect(c.maxInFlight).toBe(limit);
    expect(c.started).toHaveLength(8);
  });

  it('runs a node only after all of its dependencies finished, even concurrently', async () => {
    // a -> b -> d, a -> c -> d
    const c = controllable();
    const done = start(graphOf(fn('a'), fn('b', ['a']), fn('c', ['a']), fn('d', ['b', 'c'])), ['d'], c.invoke, Infinity);
    await flush();
    expect(c.started).toEqual(['a']);
    await c.finish('a');
    expect([...c.pending.keys()].sort()).toEqual(['b', 'c']);
    await c.finish('c');
    expect(c.started).not.toContain('d');
    await c.finish('b');
    await c.finish('d');
    await done;
  });

  it('mixes sync and async nodes, sync ones not counting against the limit', async () => {
    const c = controllable();
    const invoke: InvokeNode = (step, args, run) => (step.node.name.startsWith('sync') ? 'v' : c.invoke(step, args, run));
    const graph = graphOf(fn('sync1'), fn('sync2'), fn('async1', ['sync1']), fn('async2', ['sync2']), fn('end', ['async1', 'async2']));
    const done = start(graph, ['end'], invoke, 2);
    await flush();
    expect([...c.pending.keys()].sort()).toEqual(['async1', 'async2']);
    await c.finish('async1');
    await c.finish('async2');
    await c.finish('end');
    await done;
  });
});
