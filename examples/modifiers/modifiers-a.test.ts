// Runs every example of the README's modifier sections (parameterize, inject, does, extractColumns, extractFields,
// tagOutputs) against the public API, as written there.
import 'reflect-metadata';
import {
  Driver,
  does,
  extractColumns,
  extractFields,
  GraphBuildError,
  group,
  inject,
  node,
  parameterize,
  source,
  tag,
  tagOutputs,
  value,
} from '@hamilton-ts/core';
import { ColumnTable, table } from 'arquero';

test('parameterize: one node per output, bound by value or source, doc templated', async () => {
  class Rolling {
    @node({ doc: 'Mean of the first {window} values of {spend}.' })
    @parameterize({
      spendMean2: { window: value(2) },
      spendMean3: { window: value(3) },
      signupsMean2: { window: value(2), spend: source('signups') },
    })
    headMean(spend: Float64Array, window: number): number {
      return spend.subarray(0, window).reduce((a, b) => a + b, 0) / window;
    }
  }

  const dr = new Driver({}, Rolling);
  const out = await dr.rawExecute(['spendMean2', 'spendMean3', 'signupsMean2'], {
    inputs: { spend: Float64Array.of(10, 20, 30), signups: Float64Array.of(1, 3, 5) },
  });
  // out → { spendMean2: 15, spendMean3: 20, signupsMean2: 2 }
  expect(out).toEqual({ spendMean2: 15, spendMean3: 20, signupsMean2: 2 });
  const doc = dr.listAvailableVariables().find((v) => v.name === 'signupsMean2')!.documentation;
  expect(doc).toBe('Mean of the first 2 values of signups.');
  expect(dr.listAvailableVariables().map((v) => v.name)).not.toContain('headMean');
});

test('inject: bind parameters of one node, here a group of two sources and a value', async () => {
  class Costs {
    @node() fees(spend: number): number {
      return spend * 0.1;
    }

    @node()
    @inject({ parts: group(source('spend'), source('fees'), value(5)) })
    totalCost(parts: number[]): number {
      return parts.reduce((a, b) => a + b, 0);
    }
  }

  const out = await new Driver({}, Costs).rawExecute(['totalCost'], { inputs: { spend: 100 } });
  // out → { totalCost: 115 }   (100 + 10 in fees + a fixed 5)
  expect(out).toEqual({ totalCost: 115 });
});

test('does: keep the signature, replace the body', async () => {
  const sumAll = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);
  const ratio = ({ num, den }: { num: number; den: number }): number => num / den;

  class Totals {
    @node()
    @does(sumAll)
    totalSpend(tvSpend: number, searchSpend: number): number {
      return undefined!;
    } // body replaced by sumAll

    @node()
    @does(ratio, { num: 'totalSpend', den: 'signups' })
    spendPerSignup(totalSpend: number, signups: number): number {
      return undefined!;
    }
  }

  const out = await new Driver({}, Totals).rawExecute(['totalSpend', 'spendPerSignup'], {
    inputs: { tvSpend: 30, searchSpend: 10, signups: 8 },
  });
  // out → { totalSpend: 40, spendPerSignup: 5 }
  expect(out).toEqual({ totalSpend: 40, spendPerSignup: 5 });
});

test('extractColumns: one node per column, zero-copy, fillWith for a missing column', async () => {
  class Marketing {
    @node()
    @extractColumns('spend', 'signups', 'refunds', { fillWith: 0 })
    marketing(weeklySpend: Float64Array): ColumnTable {
      return table({ spend: weeklySpend, signups: weeklySpend.map((s) => s / 10) });
    }
  }

  const weeklySpend = Float64Array.of(10, 20, 30);
  const out = await new Driver({}, Marketing).rawExecute(['spend', 'signups', 'refunds'], { inputs: { weeklySpend } });
  // out.spend === weeklySpend (the same Float64Array); out.signups → Float64Array [1, 2, 3]; out.refunds → [0, 0, 0]
  expect(out.spend).toBe(weeklySpend);
  expect(out.signups).toEqual(Float64Array.of(1, 2, 3));
  expect(out.refunds).toEqual([0, 0, 0]);
});

test('extractFields: one typed node per field; the edge check sees the field types', async () => {
  class Stats {
    @node()
    @extractFields({ mean: Number, max: Number, label: String })
    summary(spend: Float64Array): { mean: number; max: number; label: string } {
      return { mean: spend.reduce((a, b) => a + b, 0) / spend.length, max: Math.max(...spend), label: 'spend' };
    }

    @node() meanToMax(mean: number, max: number): number {
      return mean / max;
    }
  }

  const out = await new Driver({}, Stats).rawExecute(['meanToMax', 'label'], { inputs: { spend: Float64Array.of(10, 20, 30) } });
  // out → { meanToMax: 0.666…, label: 'spend' }
  expect(out.meanToMax).toBeCloseTo(2 / 3, 12);
  expect(out.label).toBe('spend');

  class Shouting {
    @node() shout(mean: string): string {
      return mean.toUpperCase();
    }
  }
  // new Driver({}, [Stats, Shouting]) → GraphBuildError: type mismatch on mean -> shout: "mean" returns Number but shout takes mean: String …
  expect(() => new Driver({}, [Stats, Shouting])).toThrow(GraphBuildError);
  expect(() => new Driver({}, [Stats, Shouting])).toThrow('"mean" returns Number but shout takes mean: String');
});

test('tagOutputs: tag chosen outputs of a multi-output method', () => {
  class Users {
    @node()
    @tag({ owner: 'growth' })
    @tagOutputs({ email: { pii: 'true' } })
    @extractColumns('email', 'visits')
    users(raw: ColumnTable): ColumnTable {
      return raw;
    }
  }

  const dr = new Driver({}, Users);
  const pii = dr.listAvailableVariables({ tagFilter: { pii: 'true' } }).map((v) => v.name);
  // pii → ['email']; both columns carry { owner: 'growth' }
  expect(pii).toEqual(['email']);
  expect(dr.listAvailableVariables({ tagFilter: { owner: 'growth' } }).map((v) => v.name)).toEqual(['email', 'visits']);
});
