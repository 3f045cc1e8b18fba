import 'reflect-metadata';
import { Driver, dependsOn, GraphBuildError, node, tag } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { ColumnTable } from 'arquero';

// The example of API.md, as a user writes it.
class SpendFeatures {
  constructor(private readonly fx = 1) {}

  @node()
  spendUsd(spend: Float64Array): Float64Array {
    return spend.map((s) => s * this.fx);
  }

  @node({ name: 'spendPerSignup', doc: 'Spend per signup.' })
  @dependsOn('spendUsd', 'signups')
  perSignup(s: Float64Array, n: Float64Array): Float64Array {
    return s.map((v, i) => v / n[i]);
  }

  @node()
  @tag({ owner: 'growth', pii: 'false' })
  async signupsLastWeek(signups: Float64Array, windowDays = 7): Promise<number> {
    return signups.slice(-windowDays).reduce((a, b) => a + b, 0);
  }
}

class Reporting {
  @node()
  report(spendPerSignup: Float64Array, signupsLastWeek: number): string {
    return `${spendPerSignup.length} days, ${signupsLastWeek} signups`;
  }
}

const spend = new Float64Array([10, 20, 30, 40, 50, 60, 70, 80]);
const signups = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
const inputs = { spend, signups };
const dict = { adapter: new DictResult() };

describe('the SpendFeatures example', () => {
  it('returns an arquero table by default', async () => {
    const table = (await new Driver({}, SpendFeatures).execute(['spendPerSignup', 'signupsLastWeek'], { inputs })) as ColumnTable;
    expect(table).toBeInstanceOf(ColumnTable);
    expect(table.columnNames()).toEqual(['spendPerSignup', 'signupsLastWeek']);
    expect(Array.from(table.array('spendPerSignup'))).toEqual(new Array(8).fill(10));
    expect(table.get('signupsLastWeek', 0)).toBe(35); // 2 + ... + 8: windowDays defaulted to 7
  });

  it('renames a method with @node({ name }) and feeds it through @dependsOn', async () => {
    const dr = new Driver({}, SpendFeatures, dict);
    expect(dr.listAvailableVariables().map((v) => v.name)).not.toContain('perSignup');
    const perSignup = dr.listAvailableVariables().find((v) => v.name === 'spendPerSignup')!;
    expect(perSignup.requiredDependencies).toEqual(['spendUsd', 'signups']);
    expect(perSignup.documentation).toBe('Spend per signup.');
  });

  it('awaits async nodes and lets inputs replace an optional default', async () => {
    const raw = await new Driver({}, SpendFeatures).rawExecute(['signupsLastWeek'], { inputs: { signups, windowDays: 2 } });
    expect(raw).toEqual({ signupsLastWeek: 15 });
  });

  it('does not require inputs that the requested outputs do not need', async () => {
    const raw = await new Driver({}, SpendFeatures).rawExecute(['spendUsd'], { inputs: { spend } });
    expect(raw.spendUsd).toEqual(spend);
  });
});

describe('modules', () => {
  it('constructs a class with new C(), so constructor defaults apply', async () => {
    const { spendUsd } = await new Driver({}, SpendFeatures).rawExecute(['spendUsd'], { inputs });
    expect(spendUsd).toEqual(spend);
  });

  it('keeps the `this` of an instance', async () => {
    const { spendUsd } = await new Driver({}, new SpendFeatures(2)).rawExecute(['spendUsd'], { inputs });
    expect(spendUsd).toEqual(spend.map((s) => s * 2));
  });

  it('accepts arrays (nested too) mixing classes and instances', async () => {
    const dr = new Driver({}, [new SpendFeatures(3), [Reporting]], dict);
    expect(await dr.execute(['report'], { inputs })).toEqual({ report: '8 days, 35 signups' });
  });

  it('rejects values that are not modules, and modules without nodes', () => {
    class Empty {
      plain() {
        return 1;
      }
    }
    const build = () => new Driver({}, [SpendFeatures, 42 as unknown as object, Empty]);
    expect(build).toThrow(GraphBuildError);
    expect(build).toThrow(/module #1 is number 42; pass a class, an instance/);
    expect(build).toThrow(/Empty has no @node methods/);
  });

  it('reports a class that cannot be constructed without arguments', () => {
    class NeedsArg {
      constructor(readonly x: { y: number }) {
        void x.y;
      }
      @node() a() {
        return 1;
      }
    }
    expect(() => new Driver({}, NeedsArg)).toThrow(/module #0 \(NeedsArg\) cannot be constructed .*pass an instance instead/);
  });
});

describe('inheritance', () => {
  class Base {
    @node() a(): number {
      return 1;
    }
    @node() b(a: number): number {
      return a + 1;
    }
  }
  class Child extends Base {
    @node() override b(a: number): number {
      return a + 100;
    }
  }
  class Undecorated extends Base {
    override b(a: number): number {
      return a + 1000;
    }
  }

  it("a subclass inherits its parent's nodes, and its decorated override wins", async () => {
    expect(await new Driver({}, Child).rawExecute(['a', 'b'])).toEqual({ a: 1, b: 101 });
  });

  it('an undecorated override keeps the node and runs the override', async () => {
    expect(await new Driver({}, Undecorated).rawExecute(['b'])).toEqual({ b: 1001 });
  });
});
