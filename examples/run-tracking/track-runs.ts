// The marketing pipeline run a few times with a TrackingAdapter: once per region, then once more on
// data with a week of zero signups, which fails its check. What `hamilton-ts ui` then shows.
import { SimpleTableGraphAdapter } from '@hamilton-ts/adapters';
import { Driver } from '@hamilton-ts/core';
import { TrackingAdapter } from '@hamilton-ts/ui';
import { marketingDataByRegion } from '../marketing/load-marketing-data.js';
import { MarketingFeatures } from '../marketing/marketing-features.js';
import { DataChecks } from './data-checks.js';

/** What the runs asked for: the marketing outputs and the data check. */
export const OUTPUTS = ['spend', 'signups', 'avg3WkSpend', 'spendPerSignup', 'spendZeroMeanUnitVariance', 'checkedSignups'];

/** How each run ended, in the order they ran. */
export interface TrackedRun {
  readonly region: string;
  readonly ok: boolean;
  readonly message?: string;
}

/** Runs the pipeline once per region and once on broken data, recording every run in the store at `storeUrl`. */
export async function trackMarketingRuns(storeUrl: string): Promise<TrackedRun[]> {
  const tracker = new TrackingAdapter({ project: 'marketing', store: storeUrl });
  const dr = new Driver({}, [MarketingFeatures, DataChecks], { adapter: [new SimpleTableGraphAdapter(), tracker] });
  const regions = marketingDataByRegion();
  const broken = {
    ...regions[0]!,
    region: 'US, with a week of zero signups',
    signups: regions[0]!.signups.map((s, i) => (i === 7 ? 0 : s)),
  };
  const outcomes: TrackedRun[] = [];
  try {
    for (const { region, spend, signups } of [...regions, broken]) {
      try {
        await dr.execute(OUTPUTS, { inputs: { spend, signups } });
        outcomes.push({ region, ok: true });
      } catch (error) {
        outcomes.push({ region, ok: false, message: (error as Error).message });
      }
    }
  } finally {
    await tracker.close();
  }
  return outcomes;
}
