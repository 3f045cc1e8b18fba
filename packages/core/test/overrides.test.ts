import 'reflect-metadata';
import { collect, Driver, type GraphAdapter, InputValidationError, node, parallelizable, UnknownNodeError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

/** a = x, b = a + 1, c = b + 1, d = c + 1; records which nodes ran. */
class Chain {
  readonly ran: string[] = [];
  @node() a(x: number): number {
    this.ran.push('a');
    return x;
  }
  @node() b(a: number): number {
    this.ran.push('b');
    return a + 1;
  }
  @node() c(b: number): number {
    this.ran.push('c');
    return b + 1;
  }
  @node() d(c: number): number {
    this.ran.push('d');
    return c + 1;
  }
}

const setup = () => {
  const chain = new Chain();
  return { chain, dr: new Driver({}, chain) };
};

describe('overrides', () => {
  it('runs the whole chain from the input without overrides', async () => {
    const { chain, dr } = setup();
    expect(await dr.rawExecute(['d'], { inputs: { x: 1 } })).toEqual({ d: 4 });
    expect(chain.ran).toEqual(['a', 'b', 'c', 'd']);
  });

  it('short-circuits a node: nothing upstream runs and its input is not required', async () => {
    const { chain, dr } = setup();
    expect(await dr.rawExecute(['d'], { overrides: { c: 10 } })).toEqual({ d: 11 });
    expect(chain.ran).toEqual(['d']);
  });

  it('still runs what is not upstream of the override', async () => {
    const { chain, dr } = setup();
    expect(await dr.rawExecute(['a', 'd'], { inputs: { x: 1 }, overrides: { c: 10 } })).toEqual({ a: 1, d: 11 });
    expect(chain.ran.sort()).toEqual(['a', 'd']);
  });

  it('returns an override requested as an output without running anything', async () => {
    const { chain, dr } = setup();
    expect(await dr.rawExecute(['c'], { overrides: { c: 10 } })).toEqual({ c: 10 });
    expect(chain.ran).toEqual([]);
  });

  it('returns an input requested as an output', async () => {
    const { chain, dr } = setup();
    expect(await dr.rawExecute(['x', 'b'], { inputs: { x: 5 } })).toEqual({ x: 5, b: 6 });
    expect(chain.ran).toEqual(['a', 'b']);
  });

  it('can override an external input too', async () => {
    const { dr } = setup();
    expect(await dr.rawExecute(['b'], { overrides: { x: 3 } })).toEqual({ b: 4 });
  });

  it('requires the input when the override does not cut it off', async () => {
    const { chain, dr } = setup();
    const run = dr.rawExecute(['d'], { overrides: { a: 1 }, inputs: {} });
    await expect(run).resolves.toEqual({ d: 4 });
    expect(chain.ran).toEqual(['b', 'c', 'd']);
    await expect(dr.rawExecute(['a'], { overrides: { c: 1 } })).rejects.toThrow(InputValidationError);
    await expect(dr.rawExecute(['a'], { overrides: { c: 1 } })).rejects.toThrow('missing input "x", needed by a');
  });

  it('rejects an override naming no node, with close matches', async () => {
    const { chain, dr } = setup();
    const error = await dr.rawExecute(['d'], { overrides: { cc: 1, zzzzzz: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect((error as UnknownNodeError).unknown).toEqual(['cc', 'zzzzzz']);
    expect((error as Error).message).toMatch(/^unknown overrides: "cc" \(did you mean .*c.*\?\), "zzzzzz"; use listAvailableVariables\(\)/);
    expect(chain.ran).toEqual([]);
  });
});

class Loose {
  @node() blob(): object {
    return {};
  }
  @node() async fetched(): Promise<number> {
    return 1;
  }
  @node() described(blob: object, fetched: unknown): string {
    return `${typeof blob}/${typeof fetched}`;
  }
}

class FanOut {
  @node() @parallelizable(Number) items(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i);
  }
  @node() doubled(items: number): number {
    return items * 2;
  }
  @node() @collect('doubled', Number) all(doubled: number[]): number[] {
    return doubled;
  }
}

const failure = async (run: Promise<unknown>): Promise<InputValidationError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputValidationError);
  return error as InputValidationError;
};

describe('override types', () => {
  it('uses an override of the type its node returns', async () => {
    const { chain, dr } = setup();
    expect(await dr.rawExecute(['d'], { overrides: { c: 41 } })).toEqual({ d: 42 });
    expect(chain.ran).toEqual(['d']);
  });

  it('refuses a mistyped override before any node runs, naming the type, the value and its consumers', async () => {
    const { chain, dr } = setup();
    const error = await failure(dr.rawExecute(['d'], { overrides: { c: 'not a number' } }));
    expect(error.problems).toEqual([{ input: 'c', neededBy: ['d'], message: expect.any(String) }]);
    expect(error.message).toBe(
      'the inputs cannot be used (1 problem):\n  - override "c" should be Number (the type of node "c") but is "not a number"; d takes it',
    );
    expect(chain.ran).toEqual([]);
  });

  it('says so when the override is only requested as an output', async () => {
    const { dr } = setup();
    const error = await failure(dr.rawExecute(['c'], { overrides: { c: [3] } }));
    expect(error.message).toContain('override "c" should be Number (the type of node "c") but is Array(1); it is requested as an output');
  });

  it('checks an override of an external input against its type', async () => {
    const { dr } = setup();
    const error = await failure(dr.rawExecute(['b'], { overrides: { x: '3' } }));
    expect(error.message).toContain('override "x" should be Number (the type of node "x") but is "3"; a takes it');
  });

  it('reports mistyped overrides together with input problems', async () => {
    const { dr } = setup();
    const error = await failure(dr.rawExecute(['a', 'd'], { inputs: { x: 'one' }, overrides: { c: false } }));
    expect(error.problems.map((p) => p.input).sort()).toEqual(['c', 'x']);
    expect(error.message).toMatch(/^the inputs cannot be used \(2 problems\):/);
    expect(error.message).toContain('input "x" should be Number but is "one"; a takes it');
    expect(error.message).toContain('override "c" should be Number (the type of node "c") but is boolean false; d takes it');
  });

  it('refuses the same way in validateExecution and visualizeExecution', () => {
    const { dr } = setup();
    expect(() => dr.validateExecution(['d'], { overrides: { c: 'x' } })).toThrow(InputValidationError);
    expect(() => dr.visualizeExecution(['d'], { overrides: { c: 'x' } })).toThrow('override "c" should be Number');
  });

  it('accepts anything for a node typed Object (any)', async () => {
    const dr = new Driver({}, Loose);
    expect(await dr.rawExecute(['described'], { overrides: { blob: 5 } })).toEqual({ described: 'number/number' });
    expect(await dr.rawExecute(['blob'], { overrides: { blob: 'text' } })).toEqual({ blob: 'text' });
  });

  it('accepts anything for a node returning a Promise (type unknown)', async () => {
    const dr = new Driver({}, Loose);
    expect(await dr.rawExecute(['described'], { overrides: { fetched: 'later' } })).toEqual({ described: 'object/string' });
    expect(await dr.rawExecute(['fetched'], { overrides: { fetched: null } })).toEqual({ fetched: null });
  });

  it('takes an override of a @parallelizable node as the iterable of its items', async () => {
    const dr = new Driver({}, FanOut);
    expect(await dr.rawExecute(['all'], { overrides: { items: [5, 6] } })).toEqual({ all: [10, 12] });
    expect(await dr.rawExecute(['all'], { overrides: { items: new Set([1]) } })).toEqual({ all: [2] });
    const error = await failure(dr.rawExecute(['all'], { overrides: { items: 5 } }));
    expect(error.problems.map((p) => p.input)).toEqual(['items']);
    expect(error.message).toContain(
      'override "items" replaces a @parallelizable node, so it should be an iterable of its items (Number), but is number 5;',
    );
    expect(error.message).toContain('; pass an array of the items');
  });

  it('lets an adapter widen the check with validateInput', async () => {
    const seen: unknown[] = [];
    const adapter: GraphAdapter = {
      validateInput: (event) => {
        seen.push(event);
        return event.name === 'c' && typeof event.value === 'string' ? true : undefined;
      },
    };
    const dr = new Driver({}, new Chain(), { adapter });
    expect(await dr.rawExecute(['c'], { overrides: { c: 'ten' } })).toEqual({ c: 'ten' });
    expect(seen).toEqual([{ name: 'c', value: 'ten', type: Number }]);
    await expect(dr.rawExecute(['d'], { overrides: { c: true } })).rejects.toThrow('override "c" should be Number');
  });

  it('lets an adapter narrow the check with validateInput, naming the adapter', async () => {
    class Positive {
      validateInput(event: { name: string; value: unknown }): boolean | undefined {
        return typeof event.value === 'number' && event.value <= 0 ? false : undefined;
      }
    }
    const dr = new Driver({}, new Chain(), { adapter: new Positive() as GraphAdapter });
    const error = await failure(dr.rawExecute(['d'], { overrides: { c: -1 } }));
    expect(error.problems).toEqual([
      { input: 'c', neededBy: ['d'], message: 'override "c" (number -1) was rejected by Positive.validateInput' },
    ]);
    expect(await dr.rawExecute(['d'], { overrides: { c: 1 } })).toEqual({ d: 2 });
  });
});
