// The same report computed twice with a cache: the second run loads what it can and computes only
// what must run again. `npm run example:cache`; `-- --fresh` empties the cache first.
import { ran, reportDriver } from './pipeline.js';

const dr = reportDriver('.hamilton-cache/examples-caching');
if (process.argv.includes('--fresh')) await dr.cache.clear();
const inputs = { day: '2024-03-01', sensor: 'north-7' };

for (const attempt of ['first run', 'second run']) {
  ran.length = 0;
  const started = performance.now();
  const { summary } = await dr.rawExecute(['summary'], { inputs });
  const ms = performance.now() - started;
  const statuses = Object.entries(dr.cache.lastRun.nodes).map(([name, n]) => `${name}=${n.status}`);
  console.log(`${attempt}: ${ms.toFixed(1)} ms, ran [${ran.join(', ')}]`);
  console.log(`  ${summary}`);
  console.log(`  cache: ${statuses.join(' ')}`);
}
