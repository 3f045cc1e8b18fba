// Reads the marketing CSV, computes the features and writes them to Parquet and to a DuckDB table:
// the loader and the savers are nodes of the graph, run by `dr.materialize`.
import { resolve } from 'node:path';
import { Driver, type MaterializeResult } from '@hamilton-ts/core';
import { from, to } from '@hamilton-ts/io';
import { MarketingFeatures } from '../marketing/marketing-features.js';
import { FEATURES, MarketingColumns } from './marketing-columns.js';

const CSV = new URL('../marketing/data/marketing_spend.csv', import.meta.url).pathname;

/** Runs the pipeline from the CSV into `outDir`/features.parquet and the `features` table of `outDir`/marketing.duckdb. */
export async function materializeFeatures(outDir: string): Promise<MaterializeResult> {
  const dr = new Driver({}, [MarketingColumns, MarketingFeatures]);
  return dr.materialize(
    [
      from.csv({ target: 'rows', path: CSV }),
      to.parquet({ id: 'saveFeatures', dependencies: FEATURES, path: resolve(outDir, 'features.parquet') }),
      to.sql({ table: 'features', dependencies: FEATURES, database: resolve(outDir, 'marketing.duckdb') }),
    ],
    { additionalVars: ['spendMean'] },
  );
}

/** Reads the saved Parquet file back and asks the DuckDB table a question, as a consumer of the files would. */
export async function readBack(outDir: string): Promise<{ rows: number; byRegion: Record<string, number> }> {
  const dr = new Driver({}, MarketingColumns);
  const { results } = await dr.materialize([from.parquet({ target: 'rows', path: resolve(outDir, 'features.parquet') })], {
    additionalVars: ['spend'],
  });
  const perRegion = await dr.materialize(
    [
      from.sql({
        target: 'rows',
        query: 'select region, sum(spend) as spend from features group by region order by region',
        database: resolve(outDir, 'marketing.duckdb'),
      }),
    ],
    { additionalVars: ['region', 'spend'] },
  );
  const regions = perRegion.results.region as string[];
  const spend = perRegion.results.spend as Float64Array;
  return {
    rows: (results.spend as Float64Array).length,
    byRegion: Object.fromEntries(regions.map((r, i) => [r, Math.round(spend[i] * 100) / 100])),
  };
}
