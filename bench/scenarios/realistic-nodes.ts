import { Driver } from '@hamilton-ts/core';
import { arrayChain } from '../fixtures/array-chains.js';
import { compare } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';

const NODES = 10_000;
const LENGTH = 1_000;

/** Driver vs hand-written on nodes that do real (if small) work: the overhead as users will feel it. */
const scenario: Scenario = {
  id: 'realistic-nodes',
  title: 'Realistic nodes: 10k-node chain of 1,000-element Float64Array transforms',
  description:
    `Each of ${NODES.toLocaleString('en-US')} nodes maps the previous node's ${LENGTH.toLocaleString('en-US')}-element Float64Array ` +
    'through a shared helper (`out[i] = v[i] * a + b`). The driver (`execute()` with the default arquero result, and `rawExecute()`) ' +
    'is timed in alternation with straight-line code calling the same methods; the figure is driver time ÷ hand-written time.',
  order: 20,
  async run(ctx) {
    const chain = arrayChain(NODES);
    const driver = new Driver({}, chain.module);
    const instance = new chain.module();
    const x = new Float64Array(LENGTH).fill(1);
    // No forced collection between samples: after one, the young generation starts small and the 80 MB each run
    // allocates triggers extra collections, which adds noise, not driver overhead.
    const options = { warmup: 3, samples: ctx.quick ? 7 : 21, batch: 2 };
    for (const [what, call] of [
      ['execute()', () => driver.execute(chain.outputs, { inputs: { x } })],
      ['rawExecute()', () => driver.rawExecute(chain.outputs, { inputs: { x } })],
    ] as const) {
      const c = await compare(call, () => chain.byHand(instance, x), options);
      ctx.record({
        label: `driver ${what} ÷ hand-written`,
        value: c.ratio.median,
        unit: '×',
        spread: c.ratio,
        target: 'realistic-ratio',
        note: `driver ${c.subject.median.toFixed(1)} ms, by hand ${c.baseline.median.toFixed(1)} ms per run`,
      });
    }
  },
};

export default scenario;
