import 'reflect-metadata';
import { BullMQGraphAdapter } from '@hamilton-ts/adapters/bullmq';
import { Driver } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Coverage, outcome } from '../parity/outcome.js';
import { parityCase } from '../parity/random-spec.js';
import * as seeded from '../parity/seeded-dags.js';
import { SEED_COUNT, seededDag } from '../parity/seeded-dags.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';

/** Cases per run: each goes through Redis, so fewer than engine-parity's; `PARITY_RUNS=200` for a longer search. */
const RUNS = Number(process.env.PARITY_RUNS ?? 60);
const SEEDED = new URL('../parity/seeded-dags.ts', import.meta.url);
const queueName = 'parity';

let redis: RedisServer | undefined;
const workers: WorkerProcess[] = [];
const adapters: BullMQGraphAdapter[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  const url = redis.url;
  // Pushed as each starts, so afterAll stops the one that did start when the other fails to.
  await Promise.all([0, 1].map(async () => workers.push(await startWorkerProcess({ url, queue: queueName, modules: [SEEDED] }))));
}, 60_000);

afterAll(async () => {
  await Promise.all(adapters.map((a) => a.close()));
  await Promise.all(workers.map((w) => w.stop()));
  await redis?.stop();
}, 60_000);

describe('cluster engine parity', () => {
  it('loads one class per seed on the workers', () => {
    // A seed whose class the export list misses would fail on the workers as "not defined", not as a difference.
    const exported = new Set(Object.values(seeded).filter((v) => typeof v === 'function' && /^Seed\d+$/.test(v.name)));
    expect(exported.size).toBe(SEED_COUNT);
    for (let seed = 0; seed < SEED_COUNT; seed++) expect(exported.has(seededDag(seed))).toBe(true);
  });

  it(`gives the sequential driver's results and errors on worker processes (${RUNS} random pipelines)`, async () => {
    const coverage = new Coverage();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: SEED_COUNT - 1 }), async (seed) => {
        const c = parityCase(seed);
        const options = { inputs: c.inputs, overrides: c.overrides };
        const reference = await outcome(() => new Driver({}, seededDag(seed)).rawExecute(c.outputs, options));
        coverage.count(c, reference);
        // An engine per case, as a driver process would have: its connections are opened by the run itself.
        const adapter = new BullMQGraphAdapter({ connection: redis!.url, queueName });
        adapters.push(adapter);
        const cluster = await outcome(() => new Driver({}, seededDag(seed), { adapter }).rawExecute(c.outputs, options));
        await adapter.close();
        expect({ engine: 'bullmq', seed, ...cluster }).toEqual({ engine: 'bullmq', seed, ...reference });
      }),
      { numRuns: RUNS },
    );
    coverage.expectEnough(RUNS);
    // 33 of the 200 seeds fail in a node, so on a worker: 60 draws miss them all with odds of 1 in 50,000.
    expect(coverage.seen.nodeErrors).toBeGreaterThan(0);
  }, 300_000);
});
