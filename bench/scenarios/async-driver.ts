import { AsyncDriver } from '@hamilton-ts/core';
import asyncLib from 'async';
import { type AsyncLayers, asyncLayers } from '../fixtures/async-layers.js';
import { compare } from '../harness/measure.js';
import type { Scenario, ScenarioContext } from '../harness/scenario.js';

/** AsyncDriver against the usual ways of running a DAG of async functions in Node. */
const scenario: Scenario = {
  id: 'async-driver',
  title: 'AsyncDriver vs async.auto on a DAG of async functions',
  description:
    'Layers of async nodes; each node after the first layer awaits two nodes of the layer before, so a layer runs ' +
    'concurrently. `AsyncDriver.rawExecute` of the last layer (unlimited concurrency) is timed in alternation with ' +
    '`async.auto` running the same methods as tasks, and with the same DAG written by hand with `Promise.all`. ' +
    "async.auto finds each task's dependents by scanning every task, so its set-up grows with the square of the " +
    'node count: 10k nodes take it seconds per run (the quick run uses 2,500 nodes).',
  order: 30,
  async run(ctx) {
    const [width, layers] = ctx.quick ? [50, 50] : [100, 100];
    const dag = asyncLayers(width, layers);
    const driver = new AsyncDriver({}, dag.module);
    const instance = new dag.module();
    await checkAgreement(dag, driver, instance);
    for (let i = 0; i < 5; i++) await driver.rawExecute(dag.outputs, { inputs: { x: 1 } });
    const run = () => driver.rawExecute(dag.outputs, { inputs: { x: 1 } });
    const nodes = dag.nodeCount.toLocaleString('en-US');
    // async.auto costs seconds per run at 10k nodes: few samples, and no warm-up beyond the agreement check.
    const tasks = dag.autoTasks(instance, 1);
    const auto = await compare(run, () => asyncLib.auto(tasks as never), { warmup: 0, samples: 3 });
    ctx.record({
      label: `AsyncDriver ÷ async.auto, ${nodes} nodes`,
      value: auto.ratio.median,
      unit: '×',
      spread: auto.ratio,
      target: 'async-ratio',
      note: `AsyncDriver ${auto.subject.median.toFixed(1)} ms, async.auto ${auto.baseline.median.toFixed(0)} ms per run`,
    });
    await compareWithPromises(ctx, dag, run, instance, nodes);
  },
};

async function compareWithPromises(
  ctx: ScenarioContext,
  dag: AsyncLayers,
  run: () => Promise<unknown>,
  instance: object,
  nodes: string,
): Promise<void> {
  const c = await compare(run, () => dag.byHand(instance, 1), { warmup: 3, samples: ctx.quick ? 7 : 21 });
  ctx.record({
    label: `AsyncDriver ÷ hand-written Promise.all DAG, ${nodes} nodes`,
    value: c.ratio.median,
    unit: '×',
    spread: c.ratio,
    note: `AsyncDriver ${c.subject.median.toFixed(1)} ms, by hand ${c.baseline.median.toFixed(1)} ms per run`,
  });
}

/** Both runners must compute the same values, or the comparison means nothing. */
async function checkAgreement(dag: AsyncLayers, driver: AsyncDriver, instance: object): Promise<void> {
  const ours = await driver.rawExecute(dag.outputs, { inputs: { x: 1 } });
  const theirs = (await asyncLib.auto(dag.autoTasks(instance, 1) as never)) as Record<string, unknown>;
  const byHand = await dag.byHand(instance, 1);
  for (const name of dag.outputs)
    if (ours[name] !== theirs[name] || ours[name] !== byHand[name])
      throw new Error(`the runners disagree on ${name}: AsyncDriver ${ours[name]}, async.auto ${theirs[name]}, by hand ${byHand[name]}`);
}

export default scenario;
