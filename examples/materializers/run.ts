// `npm run example:io`: the marketing features from CSV to Parquet and DuckDB, then read back.
import { materializeFeatures, readBack } from './materialize-features.js';

const outDir = new URL('./out/', import.meta.url).pathname;
const { metadata, results } = await materializeFeatures(outDir);
// `rows` is the loader's entry (what it read), the others are the savers' (what they wrote).
for (const [name, done] of Object.entries(metadata))
  console.log(
    `${name}: ${done.rows} rows × ${done.columns} columns ${name === 'rows' ? '←' : '→'} ${done.path ?? `table ${done.table}`} (${done.ms.toFixed(1)} ms)`,
  );
console.log(`spendMean = ${(results.spendMean as number).toFixed(2)}`);
const back = await readBack(outDir);
console.log(`read back: ${back.rows} rows from Parquet; spend by region from DuckDB:`, back.byRegion);
