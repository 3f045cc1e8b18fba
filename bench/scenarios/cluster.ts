import { BullMQGraphAdapter } from '@hamilton-ts/adapters/bullmq';
import { Driver } from '@hamilton-ts/core';
import { startWorkerProcess, type WorkerProcess } from '../../packages/adapters/test/bullmq/worker-process.js';
import { type RedisServer, startRedisServer } from '../../packages/adapters/test/support/redis-server.js';
import { CpuBound, ROUND_TRIP_NODES, roundTripChain, THROUGHPUT_NODES, throughputFan } from '../fixtures/cluster-nodes.js';
import { iterationsLasting } from '../fixtures/thread-nodes.js';
import { compare, measure } from '../harness/measure.js';
import type { Scenario, ScenarioContext } from '../harness/scenario.js';
import { recordSpeedUp } from '../harness/speed-up.js';
import { scale } from '../harness/stats.js';

const FIXTURE = new URL('../fixtures/cluster-nodes.ts', import.meta.url);
const CPU_NODES = ['north', 'south', 'east', 'west'];
const NODE_MS = 500;

/**
 * A cluster on loopback for `body`: a redis-server of its own, `workers` worker processes (each running
 * `concurrency` jobs at once) on one queue, and the driver's adapter. The workers are stopped, the adapter
 * closed and Redis stopped whatever happens; the scenario is skipped when redis-server is not installed.
 */
async function withCluster(
  ctx: ScenarioContext,
  { workers, concurrency }: { workers: number; concurrency: number },
  body: (adapter: BullMQGraphAdapter) => Promise<void>,
): Promise<void> {
  let redis: RedisServer;
  try {
    redis = await startRedisServer();
  } catch (error) {
    const message = (error as Error).message;
    if (/redis-server was not found/.test(message)) return ctx.skip(message);
    throw error;
  }
  const queue = 'bench';
  const starting = performance.now();
  const started: WorkerProcess[] = [];
  const adapter = new BullMQGraphAdapter({ connection: redis.url, queueName: queue });
  try {
    const starts = await Promise.allSettled(
      Array.from({ length: workers }, () => startWorkerProcess({ url: redis.url, queue, concurrency, modules: [FIXTURE] })),
    );
    for (const start of starts) if (start.status === 'fulfilled') started.push(start.value);
    for (const start of starts) if (start.status === 'rejected') throw start.reason;
    const seconds = ((performance.now() - starting) / 1000).toFixed(1);
    ctx.log(`redis-server on port ${redis.port} and ${workers} worker process(es) of concurrency ${concurrency} up in ${seconds} s`);
    await body(adapter);
  } finally {
    await Promise.allSettled(started.map((w) => w.stop()));
    await adapter.close();
    await redis.stop();
  }
}

/** Throws unless `got` holds the same value as `expected` for every output. */
function checkSame(expected: Record<string, unknown>, got: Record<string, unknown>, outputs: readonly string[]): void {
  for (const name of outputs)
    if (expected[name] !== got[name]) throw new Error(`the cluster disagrees on ${name}: ${got[name]} instead of ${expected[name]}`);
}

/** Latency of one node sent through Redis to a worker and back, one at a time. */
const roundTrip: Scenario = {
  id: 'cluster-round-trip',
  title: 'BullMQ cluster: round trip of a node through Redis',
  description:
    `A chain of ${ROUND_TRIP_NODES} trivial nodes (\`n1(n0) { return n0 + 1; }\`), each depending on the one before, so ` +
    'nodes go one at a time: every node is enqueued as a BullMQ job by `BullMQGraphAdapter`, taken by the one worker ' +
    'process (`createNodeWorker`, concurrency 1) over a redis-server on loopback, and its completion heard through ' +
    'QueueEvents. Redis, the worker and the connections are started and warmed up before timing; the figure is the ' +
    `time of a run (its clean-up of jobs and values in Redis included) ÷ ${ROUND_TRIP_NODES}.`,
  order: 70,
  async run(ctx) {
    await withCluster(ctx, { workers: 1, concurrency: 1 }, async (adapter) => {
      const { module, outputs, inputs } = roundTripChain;
      const dr = new Driver({}, module, { adapter });
      const run = () => dr.rawExecute(outputs, { inputs });
      checkSame(await new Driver({}, module).rawExecute(outputs, { inputs }), await run(), outputs);
      const perNode = scale(await measure(run, { warmup: ctx.quick ? 2 : 5, samples: ctx.quick ? 8 : 30 }), 1 / ROUND_TRIP_NODES);
      ctx.record({
        label: `per node, chain of ${ROUND_TRIP_NODES}, 1 worker process`,
        value: perNode.median,
        unit: 'ms/node',
        spread: perNode,
        target: 'cluster-round-trip',
        note: `${(perNode.median * ROUND_TRIP_NODES).toFixed(0)} ms per run`,
      });
    });
  },
};

/** Four independent CPU-bound nodes: sequential Driver in this process against two worker processes. */
const speedup: Scenario = {
  id: 'cluster-speedup',
  title: 'BullMQ cluster: speed-up of independent CPU-bound nodes',
  description:
    `Four independent nodes, each a deterministic loop of square roots calibrated to about ${NODE_MS} ms in this process ` +
    '(the iteration count is an input). A plain `Driver` runs them one after another here; the same `Driver` with ' +
    '`BullMQGraphAdapter` sends them to two worker processes of concurrency 1 over a redis-server on loopback (workers ' +
    'started and modules loaded before timing). Runs are timed in alternation; the figure is the time of the cluster run ' +
    '÷ the sequential one, its inverse the speed-up.',
  order: 71,
  async run(ctx) {
    const iterations = iterationsLasting(NODE_MS);
    ctx.log(`${iterations.toLocaleString('en-US')} iterations ≈ ${NODE_MS} ms per node`);
    const inputs = { iterations };
    await withCluster(ctx, { workers: 2, concurrency: 1 }, async (adapter) => {
      const sequential = new Driver({}, CpuBound);
      const cluster = new Driver({}, CpuBound, { adapter });
      // The check is also the warm-up: both workers build their graph on their first node.
      checkSame(await sequential.rawExecute(CPU_NODES, { inputs }), await cluster.rawExecute(CPU_NODES, { inputs }), CPU_NODES);
      const c = await compare(
        () => cluster.rawExecute(CPU_NODES, { inputs }),
        () => sequential.rawExecute(CPU_NODES, { inputs }),
        { warmup: 0, samples: ctx.quick ? 3 : 7 },
      );
      recordSpeedUp(ctx, c, { engine: '2 worker processes', work: `4 × ${NODE_MS} ms nodes`, short: 'cluster', target: 'cluster-speedup' });
    });
  },
};

/** Trivial independent nodes pushed through two worker processes as fast as the engine goes. */
const throughput: Scenario = {
  id: 'cluster-throughput',
  title: 'BullMQ cluster: throughput of independent trivial nodes',
  description:
    `${THROUGHPUT_NODES.toLocaleString('en-US')} independent trivial nodes (\`w7(x) { return x + 7; }\`), all requested, ` +
    'sent by `BullMQGraphAdapter` (its default 64 jobs in flight) to two worker processes of concurrency 4 over a ' +
    'redis-server on loopback, workers warmed up. Nodes per second and the time of one run; no target.',
  order: 72,
  async run(ctx) {
    await withCluster(ctx, { workers: 2, concurrency: 4 }, async (adapter) => {
      const { module, outputs, inputs } = throughputFan;
      const dr = new Driver({}, module, { adapter });
      const run = () => dr.rawExecute(outputs, { inputs });
      checkSame(await new Driver({}, module).rawExecute(outputs, { inputs }), await run(), outputs);
      const perRun = await measure(run, { warmup: ctx.quick ? 1 : 3, samples: ctx.quick ? 3 : 10 });
      const note = `${THROUGHPUT_NODES.toLocaleString('en-US')} nodes per run`;
      ctx.record({
        label: `nodes per second, ${THROUGHPUT_NODES.toLocaleString('en-US')} independent, 2 workers`,
        value: (THROUGHPUT_NODES * 1000) / perRun.median,
        unit: 'nodes/s',
        spread: { min: (THROUGHPUT_NODES * 1000) / perRun.max, max: (THROUGHPUT_NODES * 1000) / perRun.min },
        note,
      });
      ctx.record({
        label: `per run, ${THROUGHPUT_NODES.toLocaleString('en-US')} independent nodes`,
        value: perRun.median,
        unit: 'ms',
        spread: perRun,
      });
    });
  },
};

export default [roundTrip, speedup, throughput];
