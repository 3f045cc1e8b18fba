// `npm start`: runs the marketing pipeline the four ways Hamilton's Driver docs describe.
import { instantiate, shortCircuit, useManyTimes, useOnce } from './driver-usage.js';
import { printTable } from './print-table.js';

const once = await useOnce();
console.log(`Using the DAG once: ${once.numRows()} weeks × ${once.numCols()} columns (first 8 rows)`);
printTable(once, 8);

console.log('\nUsing the DAG many times, once per region:');
for (const { region, table } of await useManyTimes()) {
  const last = table.numRows() - 1;
  console.log(`${region}: ${table.numRows()} weeks, last spend per signup ${(table.get('spendPerSignup', last) as number).toFixed(2)}`);
}

console.log('\nShort-circuit: spendStdDev overridden with 1, so spend is only centred (first 4 rows):');
printTable(await shortCircuit(), 4);

console.log('\nNodes of the DAG:');
for (const v of instantiate().listAvailableVariables())
  console.log(`  ${v.name.padEnd(26)} ${v.isExternalInput ? 'input' : 'node '} ${v.type.name.padEnd(13)} ${v.documentation}`);
