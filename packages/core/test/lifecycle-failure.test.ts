import 'reflect-metadata';
import { AsyncDriver, Driver, type GraphAdapter, InputValidationError, NodeExecutionError, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

const boom = new RangeError('negative');

class Failing {
  @node() a(x: number): number {
    return x;
  }
  @node() b(a: number): number {
    if (a < 0) throw boom;
    return a;
  }
  @node() c(b: number): number {
    return b;
  }
}

function recorder(log: string[], events: Record<string, any[]>): GraphAdapter {
  const keep = (hook: string, event: unknown, detail = ''): void => {
    events[hook] = [...(events[hook] ?? []), event];
    log.push(hook + detail);
  };
  return {
    preGraphExecute: (e) => void keep('preGraphExecute', e),
    preNodeExecute: (e) => void keep('preNodeExecute', e, `:${e.node.name}`),
    postNodeExecute: (e) => void keep('postNodeExecute', e, `:${e.node.name}:${e.success}`),
    postGraphExecute: (e) => void keep('postGraphExecute', e, `:${e.success}`),
  };
}

describe('lifecycle when a node fails', () => {
  it('calls post hooks with success false and the errors, and nothing downstream', async () => {
    const log: string[] = [];
    const events: Record<string, any[]> = {};
    const run = new Driver({}, Failing, { adapter: recorder(log, events) }).rawExecute(['c'], { inputs: { x: -1 } });
    const error = await run.catch((e: unknown) => e);
    expect(log).toEqual([
      'preGraphExecute',
      'preNodeExecute:a',
      'postNodeExecute:a:true',
      'preNodeExecute:b',
      'postNodeExecute:b:false',
      'postGraphExecute:false',
    ]);
    const postB = events.postNodeExecute[1];
    expect(postB).toEqual({
      runId: expect.any(String),
      node: expect.objectContaining({ name: 'b' }),
      kwargs: { a: -1 },
      success: false,
      error: boom,
      result: undefined,
    });
    const postGraph = events.postGraphExecute[0];
    expect(postGraph).toEqual({ runId: postB.runId, success: false, error, results: undefined });
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).cause).toBe(boom);
  });

  it('does the same for an async rejection under AsyncDriver', async () => {
    class AsyncFailing {
      @node() async a(): Promise<number> {
        throw boom;
      }
      @node() async other(): Promise<number> {
        return 1;
      }
      @node() b(a: number, other: number): number {
        return a + other;
      }
    }
    const log: string[] = [];
    const error = await new AsyncDriver({}, AsyncFailing, { adapter: recorder(log, {}) }).rawExecute(['b']).catch((e: unknown) => e);
    expect((error as NodeExecutionError).cause).toBe(boom);
    expect(log).toContain('postNodeExecute:a:false');
    expect(log).not.toContain('preNodeExecute:b');
    expect(log[log.length - 1]).toBe('postGraphExecute:false');
  });

  it('does not start a run when the inputs are invalid: no graph hooks are called', async () => {
    const log: string[] = [];
    await expect(new Driver({}, Failing, { adapter: recorder(log, {}) }).rawExecute(['c'])).rejects.toThrow(InputValidationError);
    expect(log).toEqual([]);
  });

  it('surfaces a failing async postGraphConstruct on execute, before any node runs', async () => {
    const ran: string[] = [];
    class Watched {
      @node() a(): number {
        ran.push('a');
        return 1;
      }
    }
    const dr = new Driver({}, Watched, {
      adapter: {
        postGraphConstruct: async () => {
          throw new Error('registry down');
        },
      },
    });
    await expect(dr.rawExecute(['a'])).rejects.toThrow('registry down');
    expect(ran).toEqual([]);
  });

  it('turns a failing doNodeExecute into a NodeExecutionError of that node', async () => {
    const adapter: GraphAdapter = {
      doNodeExecute: () => {
        throw new Error('engine down');
      },
    };
    const error = await new Driver({}, Failing, { adapter }).rawExecute(['a'], { inputs: { x: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as Error).message).toBe('node "a" (Failing) failed: engine down');
  });
});
