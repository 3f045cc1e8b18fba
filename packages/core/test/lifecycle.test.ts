import 'reflect-metadata';
import { Driver, type GraphAdapter, type NodeExecuteContext, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Pipeline {
  @node() a(x: number): number {
    return x + 1;
  }
  @node() b(a: number, scale = 10): number {
    return a * scale;
  }
}

/** An adapter implementing every execution hook, logging `name:detail` and keeping each event. */
function recorder(label: string, log: string[], events: Record<string, unknown[]> = {}): GraphAdapter {
  const keep = (hook: string, event: unknown, detail = '') => {
    events[hook] = [...(events[hook] ?? []), event];
    log.push(`${label}.${hook}${detail}`);
  };
  return {
    postGraphConstruct: (e) => keep('postGraphConstruct', e),
    preGraphExecute: (e) => keep('preGraphExecute', e),
    postGraphExecute: (e) => keep('postGraphExecute', e),
    preNodeExecute: (e) => keep('preNodeExecute', e, `:${e.node.name}`),
    postNodeExecute: (e) => keep('postNodeExecute', e, `:${e.node.name}`),
  };
}

describe('lifecycle hooks', () => {
  it('calls every hook at its point, with its fields', async () => {
    const log: string[] = [];
    const events: Record<string, any[]> = {};
    const dr = new Driver({ scale: 2 }, Pipeline, { adapter: recorder('r', log, events) });
    expect(log).toEqual(['r.postGraphConstruct']);
    const [construct] = events.postGraphConstruct;
    expect(construct.config).toEqual({ scale: 2 });
    expect(construct.graph.variables.map((v: { name: string }) => v.name).sort()).toEqual(['a', 'b', 'scale', 'x']);
    expect(construct.graph.get('b').requiredDependencies).toEqual(['a']);

    await dr.rawExecute(['b'], { inputs: { x: 1 }, overrides: {} });
    expect(log).toEqual([
      'r.postGraphConstruct',
      'r.preGraphExecute',
      'r.preNodeExecute:a',
      'r.postNodeExecute:a',
      'r.preNodeExecute:b',
      'r.postNodeExecute:b',
      'r.postGraphExecute',
    ]);
    const runId = events.preGraphExecute[0].runId;
    expect(typeof runId).toBe('string');
    expect(runId).not.toBe('');
    expect(events.preGraphExecute[0]).toEqual({
      runId,
      nodeCount: 2,
      graph: construct.graph,
      plannedNodes: ['a', 'b'],
      outputs: ['b'],
      inputs: { x: 1 },
      overrides: {},
    });
    expect(events.preNodeExecute[1]).toEqual({ runId, node: expect.objectContaining({ name: 'b' }), kwargs: { a: 2, scale: 2 } });
    expect(events.postNodeExecute[1]).toEqual({
      runId,
      node: expect.objectContaining({ name: 'b', origin: 'Pipeline.b' }),
      kwargs: { a: 2, scale: 2 },
      success: true,
      error: undefined,
      result: 4,
    });
    expect(events.postGraphExecute[0]).toEqual({ runId, success: true, error: undefined, results: { b: 4 } });
  });

  it('gives each run its own runId', async () => {
    const events: Record<string, any[]> = {};
    const dr = new Driver({}, Pipeline, { adapter: recorder('r', [], events) });
    await dr.rawExecute(['a'], { inputs: { x: 1 } });
    await dr.rawExecute(['a'], { inputs: { x: 1 } });
    const [first, second] = events.preGraphExecute.map((e) => e.runId);
    expect(first).not.toBe(second);
  });

  it('leaves an absent optional dependency out of kwargs', async () => {
    const events: Record<string, any[]> = {};
    await new Driver({}, Pipeline, { adapter: recorder('r', [], events) }).rawExecute(['b'], { inputs: { x: 1 } });
    expect(events.preNodeExecute[1].kwargs).toEqual({ a: 2 });
    expect(events.postNodeExecute[1].result).toBe(20);
  });

  it('stacks hooks of several adapters, in the order given', async () => {
    const log: string[] = [];
    const dr = new Driver({}, Pipeline, { adapter: [recorder('one', log), recorder('two', log)] });
    await dr.rawExecute(['a'], { inputs: { x: 1 } });
    expect(log).toEqual([
      'one.postGraphConstruct',
      'two.postGraphConstruct',
      'one.preGraphExecute',
      'two.preGraphExecute',
      'one.preNodeExecute:a',
      'two.preNodeExecute:a',
      'one.postNodeExecute:a',
      'two.postNodeExecute:a',
      'one.postGraphExecute',
      'two.postGraphExecute',
    ]);
  });

  it('awaits async hooks before going on', async () => {
    const log: string[] = [];
    const slow = (name: string) => async () => {
      await new Promise((r) => setImmediate(r));
      log.push(name);
    };
    const adapter: GraphAdapter = {
      postGraphConstruct: slow('construct'),
      preGraphExecute: slow('preGraph'),
      preNodeExecute: slow('preNode'),
      postNodeExecute: slow('postNode'),
      postGraphExecute: slow('postGraph'),
    };
    class Logged {
      @node() a(): number {
        log.push('a');
        return 1;
      }
    }
    await new Driver({}, Logged, { adapter }).rawExecute(['a']);
    expect(log).toEqual(['construct', 'preGraph', 'preNode', 'a', 'postNode', 'postGraph']);
  });
});

describe('doNodeExecute', () => {
  it('chains as middleware, the first adapter outermost', async () => {
    const log: string[] = [];
    const around = (label: string): GraphAdapter => ({
      doNodeExecute: async (ctx: NodeExecuteContext, next) => {
        log.push(`${label}>${ctx.node.name}`);
        const value = await next(ctx);
        log.push(`${label}<${ctx.node.name}`);
        return value;
      },
    });
    expect(await new Driver({}, Pipeline, { adapter: [around('outer'), around('inner')] }).rawExecute(['a'], { inputs: { x: 1 } })).toEqual(
      { a: 2 },
    );
    expect(log).toEqual(['outer>a', 'inner>a', 'inner<a', 'outer<a']);
  });

  it('can change kwargs before the node runs', async () => {
    const adapter: GraphAdapter = {
      doNodeExecute: (ctx, next) => (ctx.node.name === 'b' ? next({ ...ctx, kwargs: { ...ctx.kwargs, scale: 100 } }) : next(ctx)),
    };
    expect(await new Driver({}, Pipeline, { adapter }).rawExecute(['b'], { inputs: { x: 1 } })).toEqual({ b: 200 });
  });

  it('can short-circuit a node, and its value flows downstream', async () => {
    const ran: string[] = [];
    class Watched {
      @node() a(): number {
        ran.push('a');
        return 1;
      }
      @node() b(a: number): number {
        ran.push('b');
        return a + 1;
      }
    }
    const adapter: GraphAdapter = { doNodeExecute: (ctx, next) => (ctx.node.name === 'a' ? 41 : next(ctx)) };
    expect(await new Driver({}, Watched, { adapter }).rawExecute(['b'])).toEqual({ b: 42 });
    expect(ran).toEqual(['b']);
  });

  it('runs between preNodeExecute and postNodeExecute, which see its result', async () => {
    const log: string[] = [];
    const adapter: GraphAdapter = {
      preNodeExecute: () => void log.push('pre'),
      doNodeExecute: (ctx, next) => {
        log.push('do');
        return (next(ctx) as number) * 3;
      },
      postNodeExecute: (e) => void log.push(`post:${e.result}`),
    };
    expect(await new Driver({}, Pipeline, { adapter }).rawExecute(['a'], { inputs: { x: 1 } })).toEqual({ a: 6 });
    expect(log).toEqual(['pre', 'do', 'post:6']);
  });
});
