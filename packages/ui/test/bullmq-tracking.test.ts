// The TrackingAdapter with the BullMQ engine: nodes run in a worker process, over a real redis-server,
// while the driver and the tracker run here. What the SQLite store records of each run and each node.
import 'reflect-metadata';
import { BullMQGraphAdapter } from '@hamilton-ts/adapters/bullmq';
import { Driver, NodeExecutionError } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startWorkerProcess, type WorkerProcess } from '../../adapters/test/bullmq/worker-process.js';
import { type RedisServer, startRedisServer } from '../../adapters/test/support/redis-server.js';
import { Features } from './fixtures/tracking-pipelines.js';
import { nodesOf, type TrackerHarness, trackerHarness } from './support/tracker-harness.js';

const PIPELINE = new URL('./fixtures/tracking-pipelines.ts', import.meta.url);
const QUEUE = 'tracked';
const spend = new Float64Array([10, 20, Number.NaN, 30]);
// The worker transpiles the packages it imports: allow for it on a busy machine.
const SLOW = 120_000;

let redis: RedisServer;
let worker: WorkerProcess;
let engine: BullMQGraphAdapter;
let h: TrackerHarness;

beforeAll(async () => {
  redis = await startRedisServer();
  worker = await startWorkerProcess({ url: redis.url, queue: QUEUE, modules: [PIPELINE] });
  engine = new BullMQGraphAdapter({ connection: redis.url, queueName: QUEUE });
  h = await trackerHarness();
}, SLOW);

afterAll(async () => {
  await engine?.close();
  await worker?.stop();
  await redis?.stop();
  await h?.dispose();
}, 30_000);

describe('a TrackingAdapter with the BullMQ engine', () => {
  it(
    'records runs whose nodes ran on a worker: statuses, durations, summaries, and a failing node with its error',
    async () => {
      const tracker = h.tracker({ project: 'queue' });
      const dr = new Driver({}, Features, { adapter: [tracker, engine] });
      const before = Date.now();
      const out = await dr.rawExecute(['report', 'mean'], { inputs: { spend, limit: 100 } });
      expect(out).toEqual({ report: 'total NaN', mean: Number.NaN });
      const error = await dr.rawExecute(['report'], { inputs: { spend: spend.subarray(0, 2), limit: 1 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NodeExecutionError);

      const [failed, ok] = await h.runs();
      expect(ok).toMatchObject({ project: 'queue', status: 'success', outputs: ['report', 'mean'], nodeCount: 5 });
      expect(ok.inputs.spend).toEqual({ kind: 'array', type: 'Float64Array', length: 4, min: 10, max: 30, mean: 20, nanCount: 1 });
      const nodes = nodesOf(ok);
      expect(Object.keys(nodes).sort()).toEqual(['checked', 'mean', 'report', 'spendUsd', 'total']);
      for (const n of ok.nodes) {
        expect(n.status).toBe('success');
        expect(n.startedAtMs).toBeGreaterThanOrEqual(before - 1);
        expect(n.durationMs).toBeGreaterThan(0);
        expect(n.error).toBeUndefined();
      }
      expect(ok.durationMs).toBeGreaterThanOrEqual(Math.max(...ok.nodes.map((n) => n.durationMs)));
      expect(nodes.spendUsd).toMatchObject({
        type: 'Float64Array',
        doc: 'Spend in dollars.',
        tags: { owner: 'growth', pii: 'false' },
        location: 'Features.spendUsd',
        summary: { kind: 'array', type: 'Float64Array', length: 4, min: 10, max: 30, mean: 20, nanCount: 1 },
      });
      expect(nodes.total.summary).toEqual({ kind: 'number', type: 'number', value: 'NaN' });
      expect(nodes.report.summary).toEqual({ kind: 'string', type: 'string', length: 9, preview: 'total NaN' });

      expect(failed).toMatchObject({
        status: 'failure',
        error: { type: 'NodeExecutionError', message: expect.stringContaining('checked') },
      });
      const failedNodes = nodesOf(failed);
      expect(failedNodes.checked).toMatchObject({
        status: 'failure',
        error: { type: 'RangeError', message: 'total 30 is above the limit 1' },
      });
      // The stack is the worker's: it points into the pipeline's code.
      expect(failedNodes.checked.error!.stack).toMatch(/at Features\.checked .*tracking-pipelines\.ts/);
      expect(failedNodes.checked.summary).toBeUndefined();
      expect(failedNodes.report).toMatchObject({ status: 'skipped', durationMs: 0 });
      expect(failedNodes.total).toMatchObject({ status: 'success', summary: { value: 30 } });
    },
    SLOW,
  );

  it(
    'records why the engine could not run a node (no worker answered in time), as the node’s own error',
    async () => {
      const unserved = new BullMQGraphAdapter({ connection: redis.url, queueName: 'no-workers', timeoutMs: 300 });
      try {
        const tracker = h.tracker({ project: 'unserved' });
        const dr = new Driver({}, Features, { adapter: [tracker, unserved] });
        await expect(dr.rawExecute(['total'], { inputs: { spend } })).rejects.toBeInstanceOf(NodeExecutionError);
        const [run] = await h.runs();
        expect(run).toMatchObject({ project: 'unserved', status: 'failure', error: { type: 'NodeExecutionError' } });
        const nodes = nodesOf(run);
        expect(nodes.spendUsd).toMatchObject({
          status: 'failure',
          error: { type: 'HamiltonError', message: expect.stringMatching(/^the run did not finish within timeoutMs \(300 ms\)/) },
        });
        expect(nodes.spendUsd.durationMs).toBeGreaterThan(0);
        expect(nodes.total).toMatchObject({ status: 'skipped', durationMs: 0 });
      } finally {
        await unserved.close();
      }
    },
    SLOW,
  );
});
