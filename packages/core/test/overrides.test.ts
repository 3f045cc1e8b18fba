import 'reflect-metadata';
import { Driver, InputValidationError, node, UnknownNodeError } from '@hamilton-ts/core';
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

  it('uses the override value as is, whatever its type (it replaces the node)', async () => {
    const { dr } = setup();
    expect(await dr.rawExecute(['c'], { overrides: { c: 'not a number' } })).toEqual({ c: 'not a number' });
  });
});
