// The options-book risk of book-risk.ts with its two heavy revaluations on `hamilton-ts worker`
// processes over Redis; the driver runs the cheap nodes and hands the others out as they get ready.
// From the repository root:
//   redis-server --save '' --appendonly no
//   npm run hamilton-ts -- worker --redis redis://127.0.0.1:6379 --queue examples examples/cluster/book-risk.ts   (twice)
//   npm run example:cluster
// REDIS_URL points it at another Redis; `npm run example:cluster -- 1000000` sets the number of scenarios.
import { BullMQGraphAdapter } from '@hamilton-ts/adapters/bullmq';
import { Driver } from '@hamilton-ts/core';
import type { ColumnTable } from 'arquero';
import { BookRisk } from './book-risk.js';
import { OUTPUTS, riskInputs } from './inputs.js';

const scenarios = Number(process.argv[2] ?? 400_000);
const connection = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const cluster = new BullMQGraphAdapter({
  connection,
  queueName: 'examples',
  nodes: { compute: 'cluster' }, // scenarioPnl and stressGrid run on the workers, the rest here
  timeoutMs: 120_000, // without a worker on the queue, fail with a clear error rather than wait forever
});
try {
  const dr = new Driver({}, BookRisk, { adapter: cluster });
  const start = performance.now();
  const results = await dr.rawExecute(OUTPUTS, { inputs: riskInputs(scenarios) });
  const ms = performance.now() - start;

  const money = (value: unknown) => (value as number).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = (value: number) => `${value > 0 ? '+' : ''}${Math.round(value * 100)}%`;
  const worst = results.worstStress as { spotShock: number; volShock: number; pnl: number };
  const where = new URL(connection);
  if (where.password) where.password = '***';
  console.log(`options book, ${scenarios.toLocaleString('en-US')} scenarios, queue "${cluster.queueName}" on ${where}`);
  console.log(`book value:              ${money(results.bookValue).padStart(12)}`);
  console.log(`1-day VaR 99%:           ${money(results.valueAtRisk99).padStart(12)}`);
  console.log(`expected shortfall 99%:  ${money(results.expectedShortfall99).padStart(12)}`);
  console.log(
    `worst stress:            ${money(worst.pnl).padStart(12)} (spot ${percent(worst.spotShock)}, volatility ${percent(worst.volShock)})`,
  );
  console.log(`stress grid:             ${(results.stressGrid as ColumnTable).numRows()} shocks of spot and volatility`);
  console.log(`time:                    ${ms.toFixed(0).padStart(9)} ms`);
} finally {
  await cluster.close();
}
