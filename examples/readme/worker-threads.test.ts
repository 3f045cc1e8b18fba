// The README's "Worker threads" snippet, run against the public API.
import { ThreadPool, WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { Driver, HamiltonError } from '@hamilton-ts/core';
import { expect, test } from '@jest/globals';
import { Distances } from './distances.js';

const points = Float64Array.from([1, 4, 9, 16, 25]);

test('worker threads as the README writes them', async () => {
  const threads = new WorkerThreadsGraphAdapter({
    modules: [new URL('./distances.ts', import.meta.url)], // what every worker thread imports
    nodes: { compute: 'cpu' }, // nearest and farthest run in threads, spread in this thread
  });
  const dr = new Driver({}, Distances, { adapter: threads }); // a plain Driver starts both together
  const { spread } = await dr.rawExecute(['spread'], { inputs: { points } });
  await threads.close(); // stops the threads; the next thread node starts them again
  expect(spread).toBe(24 / 3);
}, 60_000);

test('the options the README lists', () => {
  const pool = new ThreadPool({ maxThreads: 2 });
  const shared = new WorkerThreadsGraphAdapter({ modules: [new URL('./distances.ts', import.meta.url)], nodes: ['nearest'], pool });
  expect(shared.concurrency).toBe(2);
  expect(() => new WorkerThreadsGraphAdapter({ modules: ['./no-such-module.ts'] })).toThrow(HamiltonError);
  // A node of a module given as an instance cannot go to a thread.
  expect(() => new Driver({}, new Distances(), { adapter: shared })).toThrow(/pass the class to the driver instead of an instance/);
});
