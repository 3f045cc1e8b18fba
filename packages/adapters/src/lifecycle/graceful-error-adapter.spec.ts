import 'reflect-metadata';
import { AsyncDriver, Driver, InputValidationError, NodeExecutionError, node, type Variable } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import type { ColumnTable } from 'arquero';
import { FAILED, GracefulErrorAdapter } from '../index.js';

/** `checked` throws for negative input; `doubled` and `report` depend on it, `independent` does not. */
class Pipeline {
  readonly ran: string[] = [];
  @node() checked(x: number): number {
    this.ran.push('checked');
    if (x < 0) throw new RangeError(`x is negative: ${x}`);
    return x;
  }
  @node() doubled(checked: number): number {
    this.ran.push('doubled');
    return checked * 2;
  }
  @node() report(doubled: number, independent: number): string {
    this.ran.push('report');
    return `${doubled}/${independent}`;
  }
  @node() independent(x: number): number {
    this.ran.push('independent');
    return x * 10;
  }
}

const all = ['checked', 'doubled', 'report', 'independent'];

describe('GracefulErrorAdapter', () => {
  it('yields FAILED for a failed node and its dependents, which never run, while independent nodes compute', async () => {
    const pipeline = new Pipeline();
    const graceful = new GracefulErrorAdapter();
    const out = await new Driver({}, pipeline, { adapter: graceful }).rawExecute(all, { inputs: { x: -1 } });
    expect(out).toEqual({ checked: FAILED, doubled: FAILED, report: FAILED, independent: -10 });
    expect(pipeline.ran.sort()).toEqual(['checked', 'independent']); // doubled and report never ran
    expect(graceful.sentinel).toBe(FAILED);
    const [failure, ...more] = graceful.failures();
    expect(more).toEqual([]);
    expect(failure).toEqual({ runId: expect.any(String), node: 'checked', error: expect.any(RangeError) });
    expect((failure.error as Error).message).toBe('x is negative: -1');
  });

  it('changes nothing when every node succeeds', async () => {
    const graceful = new GracefulErrorAdapter();
    expect(await new Driver({}, Pipeline, { adapter: graceful }).rawExecute(['report'], { inputs: { x: 2 } })).toEqual({ report: '4/20' });
    expect(graceful.failures()).toEqual([]);
  });

  it('catches only errorTypes; another error fails the run as usual, unchanged', async () => {
    const catchesRange = new GracefulErrorAdapter({ errorTypes: [TypeError, RangeError] });
    expect(await new Driver({}, Pipeline, { adapter: catchesRange }).rawExecute(['doubled'], { inputs: { x: -1 } })).toEqual({
      doubled: FAILED,
    });
    const pipeline = new Pipeline();
    const catchesType = new GracefulErrorAdapter({ errorTypes: [TypeError] });
    const error = await new Driver({}, pipeline, { adapter: catchesType }).rawExecute(['report'], { inputs: { x: -1 } }).catch((e) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error.message).toBe('node "checked" (Pipeline) failed: x is negative: -1');
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(pipeline.ran).not.toContain('doubled');
    expect(catchesType.failures()).toEqual([]);
  });

  it('matches a subclass by instanceof, and an error rebuilt elsewhere by its name alone', async () => {
    class FetchError extends Error {}
    class Remote {
      @node() fromWorker(): number {
        // What a worker thread sends back: a plain Error that kept only the name of its class.
        throw Object.assign(new Error('socket hang up'), { name: 'FetchError' });
      }
      @node() subclass(): number {
        throw new (class TimeoutError extends FetchError {})('too slow');
      }
      @node() other(): number {
        throw Object.assign(new Error('nope'), { name: 'ParseError' });
      }
    }
    const graceful = new GracefulErrorAdapter({ errorTypes: [FetchError] });
    const dr = new Driver({}, Remote, { adapter: graceful });
    expect(await dr.rawExecute(['fromWorker', 'subclass'])).toEqual({ fromWorker: FAILED, subclass: FAILED });
    expect(graceful.failures().map((f) => [f.node, (f.error as Error).message])).toEqual([
      ['fromWorker', 'socket hang up'],
      ['subclass', 'too slow'],
    ]);
    await expect(dr.rawExecute(['other'])).rejects.toThrow('node "other" (Remote) failed: nope');
  });

  it('yields the sentinel it is given, NaN included', async () => {
    const out = await new Driver({}, Pipeline, { adapter: new GracefulErrorAdapter({ sentinel: null }) }).rawExecute(all, {
      inputs: { x: -1 },
    });
    expect(out).toEqual({ checked: null, doubled: null, report: null, independent: -10 });
    const pipeline = new Pipeline();
    const nan = await new Driver({}, pipeline, { adapter: new GracefulErrorAdapter({ sentinel: Number.NaN }) }).rawExecute(['report'], {
      inputs: { x: -1 },
    });
    expect(nan).toEqual({ report: Number.NaN });
    expect(pipeline.ran).not.toContain('doubled');
    expect(new GracefulErrorAdapter({ sentinel: undefined }).sentinel).toBe(FAILED);
  });

  it('works with AsyncDriver: a rejection becomes FAILED while independent async nodes compute', async () => {
    const ran: string[] = [];
    class Fetchers {
      @node({ returns: Number }) async prices(): Promise<number> {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new RangeError('prices API down');
      }
      @node({ returns: Number }) async volumes(): Promise<number> {
        return 7;
      }
      @node() value(prices: number, volumes: number): number {
        ran.push('value');
        return prices * volumes;
      }
    }
    const graceful = new GracefulErrorAdapter();
    const out = await new AsyncDriver({}, Fetchers, { adapter: graceful }).rawExecute(['value', 'volumes', 'prices']);
    expect(out).toEqual({ value: FAILED, volumes: 7, prices: FAILED });
    expect(ran).toEqual([]);
    expect(graceful.failures().map((f) => f.node)).toEqual(['prices']);
  });

  it('keeps failures per run: the latest by default, an earlier one by its runId', async () => {
    const graceful = new GracefulErrorAdapter();
    const dr = new Driver({}, Pipeline, { adapter: graceful });
    await dr.rawExecute(['checked'], { inputs: { x: -1 } });
    const [first] = graceful.failures();
    await dr.rawExecute(['checked'], { inputs: { x: 1 } });
    expect(graceful.failures()).toEqual([]);
    expect(graceful.failures(first.runId)).toEqual([first]);
    expect(graceful.failures('no-such-run')).toEqual([]);
  });

  it('leaves the driver’s own errors alone: a missing input still fails before any node runs', async () => {
    const pipeline = new Pipeline();
    const run = new Driver({}, pipeline, { adapter: new GracefulErrorAdapter() }).rawExecute(['report']);
    await expect(run).rejects.toThrow(InputValidationError);
    expect(pipeline.ran).toEqual([]);
  });

  it('gives the default result builder FAILED as a scalar', async () => {
    const table = (await new Driver({}, Pipeline, { adapter: new GracefulErrorAdapter() }).execute(['doubled', 'independent'], {
      inputs: { x: -3 },
    })) as ColumnTable;
    expect(table.objects()).toEqual([{ doubled: FAILED, independent: -30 }]);
  });

  it('answers synchronously for a synchronous node and with a promise for an async one', async () => {
    const graceful = new GracefulErrorAdapter();
    const ctx = { runId: 'r', node: { name: 'n' } as Variable, kwargs: { a: 1 } };
    expect(graceful.doNodeExecute(ctx, () => 2)).toBe(2);
    expect(
      graceful.doNodeExecute(ctx, () => {
        throw new Error('sync');
      }),
    ).toBe(FAILED);
    const later = graceful.doNodeExecute(ctx, () => Promise.reject(new Error('async')));
    expect(later).toBeInstanceOf(Promise);
    await expect(later).resolves.toBe(FAILED);
    expect(graceful.failures('r').map((f) => (f.error as Error).message)).toEqual(['sync', 'async']);
    expect(graceful.doNodeExecute({ ...ctx, kwargs: { a: FAILED } }, () => 'never called')).toBe(FAILED);
  });

  it('prints and serializes as FAILED, and cannot be changed', () => {
    expect(String(FAILED)).toBe('FAILED');
    expect(JSON.stringify({ total: FAILED })).toBe('{"total":"FAILED"}');
    expect(Object.isFrozen(FAILED)).toBe(true);
  });
});
