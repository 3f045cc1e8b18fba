import { Driver } from '@hamilton-ts/core';
import { type Pipeline, trivialChain, trivialWide, twoNodes } from '../fixtures/trivial-dags.js';
import { collectGarbage, compare, measure } from '../harness/measure.js';
import type { Scenario, ScenarioContext } from '../harness/scenario.js';
import { scale, summarize } from '../harness/stats.js';

const SIZES = [1_000, 10_000, 100_000];
const label = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));
const perNode = (n: number): number => 1000 / n; // ms per run → µs per node

/** Build, first and repeated execution of trivial nodes, against the same methods called by hand. */
const scenario: Scenario = {
  id: 'driver-overhead',
  title: 'Driver overhead on trivial nodes',
  description:
    'First one `execute()` and one `rawExecute()` of a 2-node DAG (`b(a)`, `a(x)`). Then chains (`n1(n0) { return n0 + 1; }`) ' +
    'and wide DAGs (`wi(x)`, all requested) of 1k / 10k / 100k generated nodes: *decorators* = applying `@node()` and the ' +
    '`design:*` metadata as compiled TypeScript does (one run); *build* = `new Driver({}, Module)`; *first execute* includes ' +
    'planning; *execute* is a repeated `rawExecute` (plan cached) timed in alternation with straight-line code calling the ' +
    'same methods. At 1k nodes V8 optimises the whole hand-written function and inlines every method, hence its ' +
    'nanosecond figure; from 10k on that function is too large to optimise. *build growth*: every step of the build is ' +
    "linear in nodes + edges (no sort, no scan per node), but at 100k nodes its maps (by name, and reflect-metadata's) " +
    'and node objects no longer fit in the CPU caches and outgrow the young generation, so a node costs more to build; ' +
    'the target is the 5 µs/node bound holding at every size.',
  order: 10,
  async run(ctx) {
    // First, while the heap is small: the big graphs below leave garbage that would be collected during it.
    await measureTwoNodes(ctx);
    const buildPerNode = new Map<string, number>();
    for (const [shape, make] of [
      ['chain', trivialChain],
      ['wide', trivialWide],
    ] as const)
      for (const size of SIZES) {
        const pipeline: Pipeline<number, unknown> = make(size);
        const decorate = pipeline.decorateMs * perNode(size);
        ctx.record({
          label: `decorators (class definition), ${shape}, ${label(size)} nodes`,
          value: decorate,
          unit: 'µs/node',
          note: 'one run',
        });
        buildPerNode.set(`${shape}-${size}`, await measureBuild(ctx, shape, pipeline));
        await measureFirstExecute(ctx, shape, pipeline);
        await measureExecute(ctx, shape, pipeline);
        collectGarbage();
      }
    for (const shape of ['chain', 'wide']) {
      const small = buildPerNode.get(`${shape}-${SIZES[0]}`)!;
      const large = buildPerNode.get(`${shape}-${SIZES[SIZES.length - 1]}`)!;
      // Not a target: every step of the build is linear in nodes + edges, but at 100k nodes its maps
      // and objects no longer fit in the CPU caches, so each node costs more (see BENCHMARKS.md).
      ctx.record({ label: `build growth, ${shape}: µs/node at 100k ÷ at 1k`, value: large / small, unit: '×' });
    }
  },
};

async function measureBuild(ctx: ScenarioContext, shape: string, p: Pipeline<number, unknown>): Promise<number> {
  const samples = p.nodeCount >= 100_000 ? (ctx.quick ? 2 : 5) : ctx.quick ? 4 : 15;
  // About 50k nodes of warm-up whatever the size, so small graphs are measured with optimised code too.
  const warmup = Math.max(1, Math.round(50_000 / p.nodeCount));
  const ms = await measure(() => new Driver({}, p.module), { warmup, samples });
  const us = scale(ms, perNode(p.nodeCount));
  ctx.record({
    label: `build, ${shape}, ${label(p.nodeCount)} nodes`,
    value: us.median,
    unit: 'µs/node',
    spread: us,
    target: 'build-per-node',
  });
  return us.median;
}

/** The first call of a shape plans it; later calls reuse the plan. Each sample uses a fresh driver. */
async function measureFirstExecute(ctx: ScenarioContext, shape: string, p: Pipeline<number, unknown>): Promise<void> {
  const samples = p.nodeCount >= 100_000 ? (ctx.quick ? 2 : 4) : ctx.quick ? 3 : 10;
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const driver = new Driver({}, p.module);
    const start = performance.now();
    await driver.rawExecute(p.outputs, { inputs: p.inputs });
    times.push(performance.now() - start);
  }
  const us = scale(summarize(times), perNode(p.nodeCount));
  ctx.record({ label: `first execute (plans), ${shape}, ${label(p.nodeCount)} nodes`, value: us.median, unit: 'µs/node', spread: us });
}

async function measureExecute(ctx: ScenarioContext, shape: string, p: Pipeline<number, unknown>): Promise<void> {
  const driver = new Driver({}, p.module);
  const instance = new p.module();
  const samples = ctx.quick ? 5 : 21;
  const c = await compare(
    () => driver.rawExecute(p.outputs, { inputs: p.inputs }),
    () => p.byHand(instance, p.inputs.x as number),
    { warmup: 3, samples, batch: 'auto', minSampleMs: ctx.quick ? 10 : 30 },
  );
  const us = scale(c.subject, perNode(p.nodeCount));
  const hand = scale(c.baseline, perNode(p.nodeCount));
  ctx.record({
    label: `execute, ${shape}, ${label(p.nodeCount)} nodes`,
    value: us.median,
    unit: 'µs/node',
    spread: us,
    target: p.nodeCount === 10_000 ? 'execute-per-node' : undefined,
    note: `by hand ${hand.median.toPrecision(2)} µs/node; driver ÷ hand ${c.ratio.median.toFixed(1)}×`,
  });
}

async function measureTwoNodes(ctx: ScenarioContext): Promise<void> {
  const p = twoNodes();
  const driver = new Driver({}, p.module);
  const instance = new p.module();
  const options = { warmup: 2000, samples: ctx.quick ? 9 : 31, batch: 'auto' as const, minSampleMs: ctx.quick ? 10 : 30 };
  for (const [what, call] of [
    ['execute() (arquero table)', () => driver.execute(p.outputs, { inputs: p.inputs })],
    ['rawExecute()', () => driver.rawExecute(p.outputs, { inputs: p.inputs })],
  ] as const) {
    const c = await compare(call, () => p.byHand(instance, 1), options);
    const us = scale(c.subject, 1000);
    const hand = scale(c.baseline, 1000);
    ctx.record({
      label: `2-node ${what}`,
      value: us.median,
      unit: 'µs',
      spread: us,
      target: 'execute-two-nodes',
      note: `by hand ${hand.median.toPrecision(2)} µs`,
    });
  }
}

export default scenario;
