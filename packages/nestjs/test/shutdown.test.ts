import 'reflect-metadata';
import { type ThreadPool, WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { Driver } from '@hamilton-ts/core';
import { HamiltonModule } from '@hamilton-ts/nestjs';
import { DictResult } from '@hamilton-ts/result-builders';
import { expect, jest, test } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { RiskMath } from './fixtures/risk-math.js';
import { InventoryPipeline } from './fixtures.js';

/** Whether the engine's own pool has threads running (read from inside: the adapter does not expose it). */
const poolStarted = (threads: WorkerThreadsGraphAdapter) => (threads as unknown as { pool: ThreadPool }).pool.started;

test('with enableShutdownHooks, closing the app stops the worker threads of its engine', async () => {
  const threads = new WorkerThreadsGraphAdapter({
    modules: [new URL('./fixtures/risk-math.ts', import.meta.url)],
    nodes: { compute: 'cpu' },
  });
  const close = jest.spyOn(threads, 'close');
  const moduleRef = await Test.createTestingModule({
    imports: [HamiltonModule.forRoot({ modules: [RiskMath], adapter: [threads, new DictResult()] })],
    providers: [InventoryPipeline],
  }).compile();
  const app = moduleRef;
  app.enableShutdownHooks();
  await app.init();
  const driver = app.get<Driver>(Driver);
  const local = await new Driver({}, RiskMath).rawExecute(['sumOfRoots'], { inputs: { iterations: 1000 } });
  expect(await driver.execute(['sumOfRoots', 'inStock'], { inputs: { iterations: 1000, quantity: 2 } })).toEqual({
    sumOfRoots: local.sumOfRoots,
    inStock: true,
  });
  expect(poolStarted(threads)).toBe(true);
  await app.close();
  expect(close).toHaveBeenCalledTimes(1);
  expect(poolStarted(threads)).toBe(false);
}, 60_000);
