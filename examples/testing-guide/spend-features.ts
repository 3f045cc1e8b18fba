// The pipeline the "Unit-testing nodes" guide tests: weekly rows → columns → features.
import 'reflect-metadata';
import { dependsOn, extractColumns, node, parameterize, source, value } from '@hamilton-ts/core';
// ColumnTable is imported as a value: it is the return type of a decorated method (design:returntype).
import { ColumnTable, table } from 'arquero';

/** One week of marketing data, as a loader would return it. */
export interface MarketingWeek {
  readonly spend: number;
  readonly signups: number;
}

export class SpendFeatures {
  constructor(private readonly fx = 1) {}

  @node()
  @extractColumns('spend', 'signups')
  marketing(weeks: MarketingWeek[]): ColumnTable {
    return table({ spend: Float64Array.from(weeks, (w) => w.spend), signups: Float64Array.from(weeks, (w) => w.signups) });
  }

  @node()
  spendUsd(spend: Float64Array): Float64Array {
    return spend.map((s) => s * this.fx);
  }

  @node({ name: 'spendPerSignup' })
  @dependsOn('spendUsd', 'signups')
  perSignup(s: Float64Array, n: Float64Array): Float64Array {
    return s.map((v, i) => v / n[i]);
  }

  @node({ doc: 'Mean of the first {window} values of {series}.' })
  @parameterize({
    spendUsdMean2: { series: source('spendUsd'), window: value(2) },
    signupsMean2: { series: source('signups'), window: value(2) },
  })
  headMean(series: Float64Array, window: number): number {
    return series.subarray(0, window).reduce((a, b) => a + b, 0) / window;
  }

  @node()
  async signupsLastWeek(signups: Float64Array, windowDays = 7): Promise<number> {
    return signups.slice(-windowDays).reduce((a, b) => a + b, 0);
  }
}
