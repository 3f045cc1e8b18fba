import { readFileSync } from 'node:fs';
import { fromCSV } from 'arquero';

/** Weekly marketing spend and signups per region, as the pipeline's inputs take them. */
export interface MarketingData {
  readonly date: string[];
  readonly region: string[];
  readonly spend: Float64Array;
  readonly signups: Float64Array;
}

const CSV = new URL('./data/marketing_spend.csv', import.meta.url);

/** Loads the shipped CSV; `region` keeps only that region's rows. */
export function loadMarketingData(region?: string): MarketingData {
  let table = fromCSV(readFileSync(CSV, 'utf8'), { parse: { date: String, region: String } });
  if (region) table = table.params({ region }).filter((d: { region: string }, $: { region: string }) => d.region === $.region);
  return {
    date: table.array('date') as string[],
    region: table.array('region') as string[],
    spend: Float64Array.from(table.array('spend') as ArrayLike<number>),
    signups: Float64Array.from(table.array('signups') as ArrayLike<number>),
  };
}

/** The dataset split by region, one input record per region: what a loop over `execute` takes. */
export function marketingDataByRegion(): Array<{ region: string; spend: Float64Array; signups: Float64Array }> {
  return ['US', 'EU', 'APAC'].map((region) => {
    const { spend, signups } = loadMarketingData(region);
    return { region, spend, signups };
  });
}
