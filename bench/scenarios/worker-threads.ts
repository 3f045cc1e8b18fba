import { WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { Driver } from '@hamilton-ts/core';
import { CpuBound, chain, DISPATCH_NODES, fan, iterationsLasting } from '../fixtures/thread-nodes.js';
import { compare, measure } from '../harness/measure.js';
import type { Scenario, ScenarioContext } from '../harness/scenario.js';
import { recordSpeedUp } from '../harness/speed-up.js';
import { scale } from '../harness/stats.js';

const FIXTURE = new URL('../fixtures/thread-nodes.ts', import.meta.url);
const CPU_NODES = ['north', 'south', 'east', 'west'];
const NODE_MS = 200;

/** Four independent CPU-bound nodes: sequential Driver against two worker threads. */
const speedup: Scenario = {
  id: 'threads-speedup',
  title: 'Worker threads: speed-up of independent CPU-bound nodes',
  description:
    `Four independent nodes, each a deterministic loop of square roots calibrated to about ${NODE_MS} ms in this thread. ` +
    'A plain `Driver` runs them one after another; the same `Driver` with `WorkerThreadsGraphAdapter({ maxThreads: 2 })` ' +
    'runs two at a time in worker threads (pool started and modules loaded before timing). Runs are timed in alternation; ' +
    'the figure is the time of the threaded run ÷ the sequential one, its inverse the speed-up.',
  order: 60,
  async run(ctx) {
    const iterations = iterationsLasting(NODE_MS);
    ctx.log(`${iterations.toLocaleString('en-US')} iterations ≈ ${NODE_MS} ms per node`);
    const inputs = { iterations };
    const sequential = new Driver({}, CpuBound);
    const adapter = new WorkerThreadsGraphAdapter({ modules: [FIXTURE], maxThreads: 2 });
    const threaded = new Driver({}, CpuBound, { adapter });
    try {
      const [expected, got] = [await sequential.rawExecute(CPU_NODES, { inputs }), await threaded.rawExecute(CPU_NODES, { inputs })];
      for (const name of CPU_NODES)
        if (expected[name] !== got[name]) throw new Error(`threads disagree on ${name}: ${got[name]} instead of ${expected[name]}`);
      const c = await compare(
        () => threaded.rawExecute(CPU_NODES, { inputs }),
        () => sequential.rawExecute(CPU_NODES, { inputs }),
        { warmup: 1, samples: ctx.quick ? 3 : 7 },
      );
      recordSpeedUp(ctx, c, { engine: '2 worker threads', work: `4 × ${NODE_MS} ms nodes`, short: 'threads', target: 'thread-speedup' });
    } finally {
      await adapter.close();
    }
  },
};

/** What sending one trivial node to a worker thread costs, the pool up and warm. */
const dispatch: Scenario = {
  id: 'threads-dispatch',
  title: 'Worker threads: cost of running a node in a thread',
  description:
    `A chain of ${DISPATCH_NODES} trivial nodes (\`n1(n0) { return n0 + 1; }\`), every node sent to a worker thread in turn ` +
    `(one thread), and a fan of ${DISPATCH_NODES} independent trivial nodes over two threads; per node, with the pool warmed ` +
    'up. Each node is one round trip: the task and its arguments copied to the thread, run by name, the value copied back. ' +
    'The same chain in-process is given for comparison.',
  order: 61,
  async run(ctx) {
    const samples = ctx.quick ? 5 : 15;
    await perNode(ctx, 'chain, 1 thread', chain, 1, samples);
    await perNode(ctx, 'fan, 2 threads', fan, 2, samples);
    const local = new Driver({}, chain.module);
    const inProcess = await measure(() => local.rawExecute(chain.outputs, { inputs: chain.inputs }), {
      warmup: 50,
      samples,
      batch: 'auto',
    });
    ctx.record({
      label: `in-process, for comparison: chain of ${DISPATCH_NODES}`,
      value: inProcess.median * (1000 / DISPATCH_NODES),
      unit: 'µs/node',
    });
  },
};

async function perNode(
  ctx: ScenarioContext,
  shape: string,
  pipeline: typeof chain | typeof fan,
  maxThreads: number,
  samples: number,
): Promise<void> {
  const adapter = new WorkerThreadsGraphAdapter({ modules: [FIXTURE], maxThreads });
  const dr = new Driver({}, pipeline.module, { adapter });
  try {
    const run = () => dr.rawExecute(pipeline.outputs, { inputs: pipeline.inputs });
    const expected = await new Driver({}, pipeline.module).rawExecute(pipeline.outputs, { inputs: pipeline.inputs });
    const got = await run(); // starts the threads and loads the modules
    for (const name of pipeline.outputs)
      if (expected[name] !== got[name]) throw new Error(`threads disagree on ${name}: ${got[name]} instead of ${expected[name]}`);
    const summary = scale(await measure(run, { warmup: 10, samples }), 1000 / DISPATCH_NODES);
    ctx.record({ label: `per node sent to a thread: ${shape}`, value: summary.median, unit: 'µs/node', spread: summary });
  } finally {
    await adapter.close();
  }
}

export default [speedup, dispatch];
