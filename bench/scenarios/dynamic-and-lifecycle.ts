import 'reflect-metadata';
import { collect, Driver, type GraphAdapter, node, parallelizable } from '@hamilton-ts/core';
import { trivialChain } from '../fixtures/trivial-dags.js';
import { compare } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';

class FanOut {
  @node() @parallelizable(Number) items(count: number): number[] {
    return Array.from({ length: count }, (_, i) => i);
  }
  @node() inc(items: number): number {
    return items + 1;
  }
  @node() @collect('inc', Number) total(inc: number[]): number {
    let sum = 0;
    for (const v of inc) sum += v;
    return sum;
  }
}

/** The same work as `FanOut`, written by hand over the same methods. */
function fanOutByHand(self: FanOut, count: number): number {
  const items = self.items(count);
  const inc = new Array(items.length);
  for (let i = 0; i < items.length; i++) inc[i] = self.inc(items[i]);
  return self.total(inc);
}

/** Figures of dynamic execution and of lifecycle adapters over the sequential walker. */
const scenario: Scenario = {
  id: 'dynamic-lifecycle',
  title: 'Parallelizable overhead per item, and the cost of a lifecycle adapter',
  description:
    '`@parallelizable` over 10,000 trivial items (`inc(item) = item + 1`, collected and summed) with the sequential ' +
    '`Driver`, timed in alternation with the same methods called in a hand-written loop; the figure is the extra time ' +
    'per item. Then the 10k trivial chain with an adapter whose `preNodeExecute` and `postNodeExecute` do nothing, ' +
    'timed in alternation with the same driver without adapters; the figure is the extra time per node.',
  order: 35,
  async run(ctx) {
    const count = 10_000;
    const driver = new Driver({}, FanOut);
    const self = new FanOut();
    const viaDriver = await driver.rawExecute(['total'], { inputs: { count } });
    if (viaDriver.total !== fanOutByHand(self, count)) throw new Error('the driver and the hand-written loop disagree');
    const fan = await compare(
      () => driver.rawExecute(['total'], { inputs: { count } }),
      () => fanOutByHand(self, count),
      { warmup: 5, samples: ctx.quick ? 7 : 21, batch: 'auto' },
    );
    ctx.record({
      label: 'parallelizable overhead, 10,000 items, sequential',
      value: ((fan.subject.median - fan.baseline.median) * 1000) / count,
      unit: 'µs/item',
      target: 'parallel-per-item',
      note: `driver ${fan.subject.median.toFixed(2)} ms, by hand ${fan.baseline.median.toFixed(2)} ms per run`,
    });

    const chain = trivialChain(count);
    const noop = { preNodeExecute() {}, postNodeExecute() {} } satisfies GraphAdapter;
    const bare = new Driver({}, chain.module);
    const observed = new Driver({}, chain.module, { adapter: noop });
    const run = (dr: Driver) => () => dr.rawExecute(chain.outputs, { inputs: chain.inputs });
    const hooks = await compare(run(observed), run(bare), { warmup: 5, samples: ctx.quick ? 7 : 21, batch: 'auto' });
    ctx.record({
      label: 'no-op lifecycle adapter, 10k chain: extra per node',
      value: ((hooks.subject.median - hooks.baseline.median) * 1000) / count,
      unit: 'µs/node',
      target: 'lifecycle-overhead',
      note: `with adapter ${hooks.subject.median.toFixed(2)} ms, without ${hooks.baseline.median.toFixed(2)} ms per run`,
    });
  },
};

export default scenario;
