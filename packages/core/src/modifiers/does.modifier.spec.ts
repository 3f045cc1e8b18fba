import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, does, node, testNode } from '../index.js';

const sumAll = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);
const ratio = ({ numerator, denominator }: { numerator: number; denominator: number }): number => numerator / denominator;

class Reuse {
  @node() @does(sumAll) total(spend: number, fees: number): number {
    return undefined!;
  }
  @node() @does(ratio, { numerator: 'spend', denominator: 'signups' }) perSignup(spend: number, signups: number): number {
    return undefined!;
  }
  @node() @does((deps: object) => JSON.stringify(deps)) seen(a: number, window = 7): string {
    return undefined!;
  }
}

describe('@does', () => {
  it('keeps the signature (dependencies, types) and runs fn with a record of the dependency values', async () => {
    const dr = new Driver({}, Reuse);
    const total = dr.listAvailableVariables().find((v) => v.name === 'total')!;
    expect(total.requiredDependencies).toEqual(['spend', 'fees']);
    expect(total.type).toBe(Number);
    expect(await dr.rawExecute(['total', 'perSignup'], { inputs: { spend: 10, fees: 2, signups: 4 } })).toEqual({
      total: 12,
      perSignup: 2.5,
    });
  });

  it('renames keys with a mapping { fnKey: "methodParam" } and leaves absent optional dependencies out', async () => {
    expect(await testNode(Reuse, 'seen', { a: 1 })).toBe('{"a":1}');
    expect(await testNode(Reuse, 'seen', { a: 1, window: 3 })).toBe('{"a":1,"window":3}');
  });

  it('rejects something that is not a function and a mapping to a parameter the method does not have', () => {
    class Misused {
      @node() @does(42 as never) a(x: number): number {
        return x;
      }
      @node() @does(ratio, { numerator: 'spnd' }) b(spend: number): number {
        return spend;
      }
    }
    const error = buildError(Misused);
    expect(error.problems.map((p) => p.message)).toEqual([
      'Misused.a: @does needs a function, got number 42',
      'Misused.b: @does maps "numerator" to "spnd", which is not a parameter of the method; its parameters are spend',
    ]);
  });
});
