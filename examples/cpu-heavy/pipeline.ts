import { WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { Driver } from '@hamilton-ts/core';
import { PriceFeatures } from './price-features.js';

/** The outputs of the example. */
export const OUTPUTS = ['rollingVolatility', 'autocorrelation', 'drawdown', 'priceRank', 'summary'];

/** Inputs for `days` days: the windows grow with the series, so the work grows about as days². */
export function inputsFor(days: number): Record<string, number> {
  return { days, seed: 7, window: Math.max(2, Math.round(days / 4)), lags: Math.max(1, Math.round(days / 3)) };
}

/** Runs the pipeline once, in this thread or with its `compute: 'cpu'` nodes in worker threads; with the time it took. */
export async function runFeatures(
  days: number,
  threads?: WorkerThreadsGraphAdapter,
): Promise<{ results: Record<string, unknown>; ms: number }> {
  const dr = new Driver({}, PriceFeatures, threads ? { adapter: threads } : {});
  const start = performance.now();
  const results = await dr.rawExecute(OUTPUTS, { inputs: inputsFor(days) });
  return { results, ms: performance.now() - start };
}

/** The adapter the example uses: the four tagged nodes go to threads; `prices` and `summary` stay here. */
export function cpuThreads(maxThreads?: number): WorkerThreadsGraphAdapter {
  return new WorkerThreadsGraphAdapter({
    modules: [new URL('./price-features.ts', import.meta.url)],
    nodes: { compute: 'cpu' },
    ...(maxThreads ? { maxThreads } : {}),
  });
}
