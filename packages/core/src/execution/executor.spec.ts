import { HamiltonError } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { NodeExecutionError } from '../errors/node-execution-error.js';
import type { Graph, NodeDef } from '../graph/types.js';
import { planExecution } from './execution-plan.js';
import { type InvokeNode, runPlan } from './executor.js';

const fn = (name: string, deps: string[] = [], call: (args: unknown[]) => unknown = () => name, optional = false): NodeDef => ({
  name,
  kind: 'function',
  returnType: undefined,
  tags: {},
  doc: '',
  call,
  deps: deps.map((d) => ({ name: d, param: d, type: undefined, optional })),
  origin: { className: 'Fixture', method: name },
});
const ext = (name: string): NodeDef => ({ name, kind: 'external', deps: [], returnType: undefined, tags: {}, doc: '' });
const graphOf = (...nodes: NodeDef[]): Graph => ({ nodes: new Map(nodes.map((n) => [n.name, n])), config: {} });

/** Plans `outputs`, fills inputs, runs with `invoke`; resolves to the outputs by name. */
async function run(graph: Graph, outputs: string[], inputs: Record<string, unknown> = {}, invoke?: InvokeNode, maxConcurrency = 1) {
  const plan = planExecution(graph, outputs, new Set(Object.keys(inputs)), new Set());
  const values = new Array(plan.slotCount);
  for (const feed of plan.feeds) values[feed.slot] = inputs[feed.name];
  await runPlan(plan, values, invoke ?? ((step, args) => step.node.call!(args)), maxConcurrency);
  return Object.fromEntries(outputs.map((o, i) => [o, values[plan.outputSlots[i]]]));
}

describe('runPlan', () => {
  it('runs nodes in dependency order with their arguments', async () => {
    const order: string[] = [];
    const log = (name: string, f: (args: unknown[]) => unknown) => (args: unknown[]) => {
      order.push(name);
      return f(args);
    };
    const graph = graphOf(
      ext('x'),
      fn(
        'double',
        ['x'],
        log('double', ([x]) => (x as number) * 2),
      ),
      fn(
        'inc',
        ['x'],
        log('inc', ([x]) => (x as number) + 1),
      ),
      fn(
        'sum',
        ['double', 'inc'],
        log('sum', ([a, b]) => (a as number) + (b as number)),
      ),
    );
    expect(await run(graph, ['sum', 'double'], { x: 5 })).toEqual({ sum: 16, double: 10 });
    expect(order.indexOf('sum')).toBe(2);
  });

  it('passes undefined for an absent optional dependency, so the default applies', async () => {
    const graph = graphOf(
      ext('w'),
      fn('withDefault', ['w'], ([w = 7]) => w, true),
    );
    expect(await run(graph, ['withDefault'])).toEqual({ withDefault: 7 });
    expect(await run(graph, ['withDefault'], { w: 2 })).toEqual({ withDefault: 2 });
  });

  it('resolves at once when every output is fed', async () => {
    expect(await run(graphOf(ext('x')), ['x'], { x: 1 })).toEqual({ x: 1 });
  });

  it('releases each intermediate value once its last consumer has run', async () => {
    const nodes = [ext('s0'), ...Array.from({ length: 100 }, (_, i) => fn(`s${i + 1}`, [`s${i}`], ([v]) => (v as number) + 1))];
    let maxAlive = 0;
    const counting: InvokeNode = (step, args) => {
      maxAlive = Math.max(maxAlive, valuesRef.filter((v) => v !== undefined).length);
      return step.node.call!(args);
    };
    const graph = graphOf(...nodes);
    const plan = planExecution(graph, ['s100'], new Set(['s0']), new Set());
    const valuesRef: unknown[] = new Array(plan.slotCount);
    valuesRef[plan.feeds[0].slot] = 0;
    await runPlan(plan, valuesRef, counting, 1);
    expect(valuesRef[plan.outputSlots[0]]).toBe(100);
    expect(maxAlive).toBeGreaterThan(0);
    expect(maxAlive).toBeLessThanOrEqual(3);
    expect(valuesRef.filter((v) => v !== undefined)).toEqual([100]); // only the output is left
  });

  it('keeps a value alive while a requested output still needs it', async () => {
    const graph = graphOf(
      fn('a', [], () => 1),
      fn('b', ['a'], ([a]) => (a as number) + 1),
    );
    expect(await run(graph, ['a', 'b'])).toEqual({ a: 1, b: 2 });
  });
});

describe('runPlan failures', () => {
  it('wraps a sync throw in NodeExecutionError naming node and class, and runs nothing downstream', async () => {
    const ran: string[] = [];
    const boom = new TypeError('bad value');
    const graph = graphOf(
      fn('a', [], () => {
        throw boom;
      }),
      fn('b', ['a'], () => ran.push('b')),
      fn('c', ['b'], () => ran.push('c')),
    );
    const error = await run(graph, ['c']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).node).toBe('a');
    expect((error as NodeExecutionError).cause).toBe(boom);
    expect((error as Error).message).toBe('node "a" (Fixture) failed: bad value');
    expect(ran).toEqual([]);
  });

  it('wraps an async rejection the same way', async () => {
    const graph = graphOf(
      fn('a', [], async () => Promise.reject(new Error('nope'))),
      fn('b', ['a']),
    );
    await expect(run(graph, ['b'])).rejects.toThrow(new NodeExecutionError('a', 'Fixture', new Error('nope')));
  });

  it('lets a HamiltonError thrown by a node through unchanged', async () => {
    const own = new HamiltonError('already explained');
    await expect(
      run(
        graphOf(
          fn('a', [], () => {
            throw own;
          }),
        ),
        ['a'],
      ),
    ).rejects.toBe(own);
  });

  it('starts nothing after a failure, and rejects only once nodes in flight have settled', async () => {
    const slow = deferred();
    const started: string[] = [];
    const graph = graphOf(
      fn('fails', [], () => {
        started.push('fails');
        return Promise.reject(new Error('x'));
      }),
      fn('slow', [], () => {
        started.push('slow');
        return slow.promise;
      }),
      fn('after', ['fails', 'slow'], () => started.push('after')),
    );
    let settled = false;
    const result = run(graph, ['after'], {}, undefined, Infinity).finally(() => (settled = true));
    await flush();
    expect(settled).toBe(false); // 'slow' is still in flight
    slow.resolve(1);
    await expect(result).rejects.toBeInstanceOf(NodeExecutionError);
    expect(started.sort()).toEqual(['fails', 'slow']);
  });
});

function deferred<T = unknown>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const flush = () => new Promise((r) => setImmediate(r));
