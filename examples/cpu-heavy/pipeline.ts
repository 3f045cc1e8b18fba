import { WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { Driver } from '@hamilton-ts/core';
import { OptionRisk } from './option-risk.js';

/** The outputs of the example. */
export const OUTPUTS = ['callValue', 'putValue', 'digitalValue', 'tailLoss', 'summary'];

/** Runs the pipeline once on `paths` simulated prices per instrument, in this thread or with worker threads; with the time it took. */
export async function runRisk(
  paths: number,
  threads?: WorkerThreadsGraphAdapter,
): Promise<{ results: Record<string, unknown>; ms: number }> {
  const dr = new Driver({}, OptionRisk, threads ? { adapter: threads } : {});
  const start = performance.now();
  const results = await dr.rawExecute(OUTPUTS, { inputs: { days: 500, seed: 7, paths } });
  return { results, ms: performance.now() - start };
}

/** The adapter the example uses: the four simulations (tag `compute: 'cpu'`) go to threads; the rest stays here. */
export function cpuThreads(maxThreads?: number): WorkerThreadsGraphAdapter {
  return new WorkerThreadsGraphAdapter({
    modules: [new URL('./option-risk.ts', import.meta.url)],
    nodes: { compute: 'cpu' },
    ...(maxThreads ? { maxThreads } : {}),
  });
}
