// The same CPU-heavy pipeline run in this thread, then with its four independent heavy nodes in worker
// threads: both times and the speed-up. `npm run example:threads -- 20000` sets the number of days.
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { cpuThreads, runFeatures } from './pipeline.js';

const days = Number(process.argv[2] ?? 24_000);
const threads = cpuThreads();
try {
  // A first small run starts the threads and loads the module in them, so the timing is of the work.
  await runFeatures(50, threads);
  const sequential = await runFeatures(days);
  const threaded = await runFeatures(days, threads);
  if (!isDeepStrictEqual(sequential.results, threaded.results)) throw new Error('the threaded run disagrees with the sequential one');
  console.log(`${days.toLocaleString('en-US')} days, ${availableParallelism()} cores`);
  console.log(`sequential:     ${sequential.ms.toFixed(0).padStart(6)} ms`);
  console.log(`worker threads: ${threaded.ms.toFixed(0).padStart(6)} ms (${threads.concurrency} threads)`);
  console.log(`speed-up:       ${(sequential.ms / threaded.ms).toFixed(2)}×`);
  console.log('summary:', threaded.results.summary);
} finally {
  await threads.close();
}
