// Feature engineering with modifiers: extractColumns, parameterize over windows, pipe, config.when, checkOutput.
import { printTable } from '../marketing/print-table.js';
import { featureDriver, regionFeatures } from './pipeline.js';

for (const [market, region] of [
  ['US', 'US'],
  ['EU', 'EU'],
]) {
  const table = await regionFeatures(market, region);
  console.log(`\n${region} (market ${market}): ${table.numRows()} weeks, last 3:`);
  printTable(table.slice(-3), 3);
}

console.log('\nNodes the modifiers made (name, tags):');
for (const v of featureDriver('US').listAvailableVariables())
  if (!v.isExternalInput) console.log(`  ${v.name.padEnd(36)} ${JSON.stringify(v.tags)}`);
