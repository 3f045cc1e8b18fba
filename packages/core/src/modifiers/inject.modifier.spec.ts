import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, group, inject, node, source, testNode, value } from '../index.js';

class Costs {
  @node() fees(spend: number): number {
    return spend * 0.1;
  }

  @node()
  @inject({ parts: group(source('spend'), source('fees'), value(5)) })
  totalCost(parts: number[]): number {
    return parts.reduce((a, b) => a + b, 0);
  }

  @node()
  @inject({ rate: value(2), base: source('fees') })
  scaled(base: number, rate: number, extra: number): number {
    return base * rate + extra;
  }
}

describe('@inject', () => {
  it('binds parameters of the node itself; the node keeps its name and unbound parameters stay inputs', async () => {
    const dr = new Driver({}, Costs);
    expect([...dr.graph.nodes.keys()]).toEqual(['fees', 'totalCost', 'scaled', 'spend', 'extra']);
    const scaled = dr.listAvailableVariables().find((v) => v.name === 'scaled')!;
    expect(scaled.requiredDependencies).toEqual(['fees', 'extra']);
    expect(await dr.rawExecute(['totalCost', 'scaled'], { inputs: { spend: 100, extra: 1 } })).toEqual({ totalCost: 115, scaled: 21 });
  });

  it('runs under testNode with the injected source given as a value', async () => {
    expect(await testNode(Costs, 'scaled', { fees: 3, extra: 0 })).toBe(6);
  });

  it('passes a record group as an object', async () => {
    class Keyed {
      @node()
      @inject({ range: group({ lo: value(0), hi: source('cap') }) })
      clip(x: number, range: { lo: number; hi: number }): number {
        return Math.min(range.hi, Math.max(range.lo, x));
      }
    }
    expect(await testNode(Keyed, 'clip', { x: 12, cap: 10 })).toBe(10);
  });

  it('reports an unknown parameter, a bare literal and an empty injection', () => {
    class Misused {
      @node() @inject({ rat: value(2) }) a(rate: number): number {
        return rate;
      }
      @node() @inject({ rate: 2 } as never) b(rate: number): number {
        return rate;
      }
      @node() @inject({}) c(rate: number): number {
        return rate;
      }
    }
    const error = buildError(Misused);
    expect(error.problems).toEqual([
      { node: 'a', message: 'Misused.a: @inject names "rat", which is not a parameter of the method; its parameters are rate' },
      { node: 'b', message: expect.stringContaining('Misused.b: @inject binds "rate" to number 2; wrap it in value(2) for a fixed value') },
      { message: 'Misused.c: @inject was given no parameters; name at least one' },
    ]);
  });
});
