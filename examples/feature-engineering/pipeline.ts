import { Driver } from '@hamilton-ts/core';
import type { ColumnTable } from 'arquero';
import { EfficiencyScore } from './efficiency-score.js';
import { MarketingTable } from './marketing-table.js';
import { SpendFeatures } from './spend-features.js';

/** The marketing CSV shipped with the examples. */
export const CSV_PATH = new URL('../marketing/data/marketing_spend.csv', import.meta.url).pathname;

/** Feature columns of the final table. */
export const FEATURES = [
  'spend',
  'cleanSpend',
  'spendMean2w',
  'spendMean4w',
  'spendMean8w',
  'costPerSignup',
  'spendRising',
  'efficiencyScore',
];

/** A driver over the three feature modules; `market` picks the target cost, `spendCap` caps outliers. */
export function featureDriver(market: string, spendCap = 150): Driver<ColumnTable> {
  return new Driver<ColumnTable>({ market, spendCap, csvPath: CSV_PATH }, [MarketingTable, SpendFeatures, EfficiencyScore]);
}

/** Computes the feature table of one region. */
export function regionFeatures(market: string, region: string): Promise<ColumnTable> {
  return featureDriver(market).execute(FEATURES, { inputs: { region } });
}
