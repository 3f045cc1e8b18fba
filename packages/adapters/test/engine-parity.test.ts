import 'reflect-metadata';
import { AsyncDriver, Driver } from '@hamilton-ts/core';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ThreadPool, WorkerThreadsGraphAdapter } from '../src/index.js';
import { dagFromSpec, urlOf } from './parity/random-dag.js';
import { type ParityCase, parityCase } from './parity/random-spec.js';

/** Cases per run: 200 in CI; `PARITY_RUNS=2000 npm test -- engine-parity` for a longer search. */
const RUNS = Number(process.env.PARITY_RUNS ?? 200);

type Outcome = { ok: true; values: Record<string, unknown> } | { ok: false; type: string; node: unknown; message: string };

async function outcome(run: () => Promise<Record<string, unknown>>): Promise<Outcome> {
  try {
    return { ok: true, values: await run() };
  } catch (error) {
    const e = error as Error & { node?: unknown };
    return { ok: false, type: e.constructor.name, node: e.node, message: e.message };
  }
}

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
    const seen = { ok: 0, failed: 0, blocks: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const c = parityCase(seed);
        const runs = engines(c);
        const reference = await outcome(runs.sequential);
        seen[reference.ok ? 'ok' : 'failed']++;
        if (c.spec.nodes.some((n) => n.role === 'parallel')) seen.blocks++;
        for (const [name, run] of Object.entries(runs)) {
          const result = await outcome(run);
          expect({ engine: name, seed, ...result }).toEqual({ engine: name, seed, ...reference });
        }
      }),
      { numRuns: RUNS },
    );
    if (process.env.PARITY_VERBOSE) console.log(seen);
    // The generator must exercise both paths and blocks, or the property proves little.
    expect(seen.ok).toBeGreaterThan(RUNS / 10);
    expect(seen.failed).toBeGreaterThan(RUNS / 20);
    expect(seen.blocks).toBeGreaterThan(RUNS / 5);
  }, 300_000);
});
