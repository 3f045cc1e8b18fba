// `npm run example:io`: the marketing features from CSV to Parquet and DuckDB, then read back.
import { materializeFeatures, readBack } from './materialize-features.js';

const outDir = new URL('./out/', import.meta.url).pathname;
const { metadata, results } = await materializeFeatures(outDir);
for (const [id, saved] of Object.entries(metadata))
  console.log(`${id}: ${saved.rows} rows × ${saved.columns} columns → ${saved.path ?? `table ${saved.table}`} (${saved.ms.toFixed(1)} ms)`);
console.log(`spendMean = ${(results.spendMean as number).toFixed(2)}`);
const back = await readBack(outDir);
console.log(`read back: ${back.rows} rows from Parquet; spend by region from DuckDB:`, back.byRegion);
