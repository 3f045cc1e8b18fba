import 'reflect-metadata';
import { AsyncDriver, Driver } from '@hamilton-ts/core';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ThreadPool, WorkerThreadsGraphAdapter } from '../src/index.js';
import { Coverage, outcome } from './parity/outcome.js';
import { dagFromSpec, urlOf } from './parity/random-dag.js';
import { type ParityCase, parityCase } from './parity/random-spec.js';

/** Cases per run: 200 in CI; `PARITY_RUNS=2000 npm test -- engine-parity` for a longer search. */
const RUNS = Number(process.env.PARITY_RUNS ?? 200);

// One pool for every case: each case is a module of its own (its spec in the URL), loaded by the same threads.
const pool = new ThreadPool({ maxThreads: 2 });
afterAll(() => pool.close());

function engines(c: ParityCase): Record<string, () => Promise<Record<string, unknown>>> {
  const module = dagFromSpec(c.spec);
  const options = { inputs: c.inputs, overrides: c.overrides };
  return {
    sequential: () => new Driver({}, module).rawExecute(c.outputs, options),
    async: () => new AsyncDriver({}, module).rawExecute(c.outputs, options),
    'async, 2 at once': () => new AsyncDriver({}, module, { maxConcurrency: 2 }).rawExecute(c.outputs, options),
    'worker threads': () =>
      new Driver({}, module, { adapter: new WorkerThreadsGraphAdapter({ modules: [urlOf(c.spec)], pool }) }).rawExecute(c.outputs, options),
  };
}

describe('engine parity', () => {
  it(`gives identical results and identical errors on every engine (${RUNS} random pipelines)`, async () => {
    const coverage = new Coverage();
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const c = parityCase(seed);
        const runs = engines(c);
        const reference = await outcome(runs.sequential);
        coverage.count(c, reference);
        for (const [name, run] of Object.entries(runs)) {
          const result = await outcome(run);
          expect({ engine: name, seed, ...result }).toEqual({ engine: name, seed, ...reference });
        }
      }),
      { numRuns: RUNS },
    );
    coverage.expectEnough(RUNS);
  }, 300_000);
});
