import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignalFeatures } from './fixtures/cpu-features.js';
import { ThreadPool } from './thread-pool.js';
import { WorkerThreadsGraphAdapter } from './worker-threads-graph-adapter.js';

const MODULES = [new URL('./fixtures/cpu-features.ts', import.meta.url)];
const inputs = { size: 60, asOf: new Date(Date.UTC(2024, 0, 1)) };
const OUTPUTS = ['smoothed', 'stats', 'frame'];
const SLOW = 60_000;

let pool: ThreadPool;
let path: string;
beforeAll(() => {
  pool = new ThreadPool({ maxThreads: 2 });
  path = mkdtempSync(join(tmpdir(), 'hamilton-thread-cache-'));
});
afterAll(async () => {
  await pool.close();
  rmSync(path, { recursive: true, force: true });
});

describe('the cache with worker threads', () => {
  it(
    'looks up and stores in the driver: a second run sends nothing to the threads and gives the same values',
    async () => {
      const sent: string[] = [];
      const adapter = new WorkerThreadsGraphAdapter({ modules: MODULES, pool });
      const runNode = adapter.runNode.bind(adapter);
      adapter.runNode = (request, local) => {
        sent.push(request.node.name);
        return runNode(request, local);
      };
      const dr = new Driver({}, SignalFeatures, { adapter, cache: { path } });
      const first = await dr.rawExecute(OUTPUTS, { inputs });
      expect(sent.length).toBeGreaterThan(0);
      expect(Object.values(dr.cache.lastRun.nodes).every((n) => n.status === 'miss')).toBe(true);
      sent.length = 0;
      const second = await dr.rawExecute(OUTPUTS, { inputs });
      expect(sent).toEqual([]);
      expect(second.smoothed).toBeInstanceOf(Float64Array);
      expect(second.smoothed).toEqual(first.smoothed);
      expect(second.stats).toEqual(first.stats);
      expect(Object.values(dr.cache.lastRun.nodes).every((n) => n.status === 'hit')).toBe(true);
    },
    SLOW,
  );
});
