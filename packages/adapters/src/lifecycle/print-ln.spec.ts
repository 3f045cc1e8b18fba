import 'reflect-metadata';
import { AsyncDriver, Driver, NodeExecutionError, node, type Variable } from '@hamilton-ts/core';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { PrintLn } from '../index.js';

class Pipeline {
  @node() a(x: number): number {
    return x + 1;
  }
  @node() b(a: number, x: number): number {
    if (a < 0) throw new RangeError(`a is negative: ${a}`);
    return a * x;
  }
}

/** A PrintLn writing into an array, durations replaced by `N ms` so lines can be compared whole. */
function printer(verbosity?: 0 | 1 | 2) {
  const lines: string[] = [];
  const adapter = new PrintLn({ verbosity, print: (line) => lines.push(line) });
  const shown = () => lines.map((l) => l.replace(/\d+\.\d{1,2} ms/, 'N ms'));
  return { adapter, lines, shown };
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('PrintLn', () => {
  it('prints finishes with their duration at the default verbosity 1', async () => {
    const { adapter, lines, shown } = printer();
    expect(await new Driver({}, Pipeline, { adapter }).rawExecute(['b'], { inputs: { x: 2 } })).toEqual({ b: 6 });
    expect(shown()).toEqual(['Finished node: a in N ms', 'Finished node: b in N ms']);
    for (const line of lines) expect(line).toMatch(/ in \d+\.\d{2} ms$/);
  });

  it('prints starts with the kwargs names too at verbosity 2', async () => {
    const { adapter, shown } = printer(2);
    await new Driver({}, Pipeline, { adapter }).rawExecute(['b'], { inputs: { x: 2 } });
    expect(shown()).toEqual([
      'Executing node: a (kwargs: x)',
      'Finished node: a in N ms',
      'Executing node: b (kwargs: a, x)',
      'Finished node: b in N ms',
    ]);
  });

  it('says when a node takes no kwargs', async () => {
    class Constant {
      @node() one(): number {
        return 1;
      }
    }
    const { adapter, shown } = printer(2);
    await new Driver({}, Constant, { adapter }).rawExecute(['one']);
    expect(shown()[0]).toBe('Executing node: one (no kwargs)');
  });

  it('prints only failures at verbosity 0', async () => {
    const quiet = printer(0);
    const dr = new Driver({}, Pipeline, { adapter: quiet.adapter });
    await dr.rawExecute(['b'], { inputs: { x: 2 } });
    expect(quiet.lines).toEqual([]);
    await expect(dr.rawExecute(['b'], { inputs: { x: -5 } })).rejects.toThrow(NodeExecutionError);
    expect(quiet.shown()).toEqual(['Failed node: b after N ms: a is negative: -4']);
  });

  it.each([1, 2] as const)('prints the failure with the error message at verbosity %i, and the run still fails', async (verbosity) => {
    const { adapter, shown } = printer(verbosity);
    const run = new Driver({}, Pipeline, { adapter }).rawExecute(['b'], { inputs: { x: -5 } });
    await expect(run).rejects.toThrow('node "b" (Pipeline) failed: a is negative: -4');
    expect(shown()).toContain('Failed node: b after N ms: a is negative: -4');
    expect(shown()).not.toContain('Finished node: b in N ms');
  });

  it('prints a thrown value that is not an Error as it is', async () => {
    class Throws {
      @node() bad(): number {
        throw 'no connection';
      }
    }
    const { adapter, shown } = printer(0);
    await expect(new Driver({}, Throws, { adapter }).rawExecute(['bad'])).rejects.toThrow(NodeExecutionError);
    expect(shown()).toEqual(['Failed node: bad after N ms: no connection']);
  });

  it('prints with console.log by default', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await new Driver({}, Pipeline, { adapter: new PrintLn() }).rawExecute(['a'], { inputs: { x: 1 } });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/^Finished node: a in \d+\.\d{2} ms$/);
  });
});

describe('PrintLn timing concurrent calls', () => {
  let clock = 0;
  const useClock = () => jest.spyOn(performance, 'now').mockImplementation(() => clock);
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  /** Async nodes that wait until the test opens their gate. */
  class Gated {
    static readonly gates = new Map<string, () => void>();
    private wait(key: string): Promise<void> {
      return new Promise((resolve) => Gated.gates.set(key, resolve));
    }
    @node({ returns: String }) async slow(key: string): Promise<string> {
      await this.wait(`slow:${key}`);
      return key;
    }
    @node({ returns: String }) async fast(key: string): Promise<string> {
      await this.wait(`fast:${key}`);
      return key;
    }
  }

  it('times each of two concurrent runs of the same node by its own start (AsyncDriver)', async () => {
    useClock();
    const { adapter, lines } = printer();
    const dr = new AsyncDriver({}, Gated, { adapter });
    clock = 0;
    const first = dr.rawExecute(['slow', 'fast'], { inputs: { key: 'one' } });
    await flush();
    clock = 10;
    const second = dr.rawExecute(['slow', 'fast'], { inputs: { key: 'two' } });
    await flush();
    const open = async (gate: string, at: number) => {
      clock = at;
      Gated.gates.get(gate)!();
      await flush();
    };
    await open('slow:two', 15); // second run's slow: 5 ms
    await open('fast:one', 20); // first run's fast: 20 ms
    await open('slow:one', 40); // first run's slow: 40 ms
    await open('fast:two', 70); // second run's fast: 60 ms
    expect(await first).toEqual({ slow: 'one', fast: 'one' });
    expect(await second).toEqual({ slow: 'two', fast: 'two' });
    expect(lines).toEqual([
      'Finished node: slow in 5.00 ms',
      'Finished node: fast in 20.00 ms',
      'Finished node: slow in 40.00 ms',
      'Finished node: fast in 60.00 ms',
    ]);
  });

  it('tells apart calls of one node running at once in one run (per-item branches) by their kwargs', () => {
    useClock();
    const { adapter, lines } = printer();
    const item = { name: 'perItem' } as Variable;
    const runId = 'run-1';
    const kwargs = [{ item: 1 }, { item: 2 }, { item: 3 }];
    clock = 0;
    adapter.preNodeExecute({ runId, node: item, kwargs: kwargs[0] });
    clock = 1;
    adapter.preNodeExecute({ runId, node: item, kwargs: kwargs[1] });
    clock = 2;
    adapter.preNodeExecute({ runId, node: item, kwargs: kwargs[2] });
    const finish = (i: number, at: number, success = true) => {
      clock = at;
      const error = success ? undefined : new Error(`item ${i + 1} broke`);
      adapter.postNodeExecute({ runId, node: item, kwargs: kwargs[i], success, error, result: undefined });
    };
    finish(1, 3.5); // started at 1
    finish(2, 102, false); // started at 2
    finish(0, 250); // started at 0
    expect(lines).toEqual([
      'Finished node: perItem in 2.50 ms',
      'Failed node: perItem after 100.0 ms: item 3 broke',
      'Finished node: perItem in 250.0 ms',
    ]);
  });
});
