// The same CPU-heavy pipeline run in this thread, then with its four independent simulations in worker
// threads: both times (the median of three runs each, in alternation) and the speed-up.
// `npm run example:threads -- 1000000` sets the number of simulated paths per instrument.
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { cpuThreads, runRisk } from './pipeline.js';

const paths = Number(process.argv[2] ?? 3_000_000);
const ROUNDS = 3;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

const threads = cpuThreads();
try {
  // A first small run starts the threads and loads the module in them, so the timing is of the work.
  await runRisk(1_000, threads);
  const sequential: number[] = [];
  const threaded: number[] = [];
  let summary: unknown;
  for (let round = 0; round < ROUNDS; round++) {
    const here = await runRisk(paths);
    const there = await runRisk(paths, threads);
    if (!isDeepStrictEqual(here.results, there.results)) throw new Error('the threaded run disagrees with the sequential one');
    sequential.push(here.ms);
    threaded.push(there.ms);
    summary = there.results.summary;
  }
  console.log(`${paths.toLocaleString('en-US')} paths per instrument, ${availableParallelism()} cores, median of ${ROUNDS} runs`);
  console.log(`sequential:     ${median(sequential).toFixed(0).padStart(6)} ms`);
  console.log(`worker threads: ${median(threaded).toFixed(0).padStart(6)} ms (${threads.concurrency} threads)`);
  console.log(`speed-up:       ${(median(sequential) / median(threaded)).toFixed(2)}×`);
  console.log('summary:', summary);
} finally {
  await threads.close();
}
