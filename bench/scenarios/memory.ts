import { AsyncDriver, Driver } from '@hamilton-ts/core';
import { arrayChain } from '../fixtures/array-chains.js';
import { collectGarbage } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';

const STEPS = 100;
const LENGTH = 1_000_000; // 8 MB of Float64
const ARRAY_BYTES = LENGTH * Float64Array.BYTES_PER_ELEMENT;

/** Peak of what is live while the chain runs, sampled inside the nodes after a forced collection. */
class PeakProbe {
  arrayBuffers = 0;
  heapUsed = 0;

  sample(): void {
    settleHeap();
    const usage = process.memoryUsage();
    this.arrayBuffers = Math.max(this.arrayBuffers, usage.arrayBuffers);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
  }
}

/** Collects twice: the backing stores of buffers found dead by one collection are only freed by the next. */
function settleHeap(): void {
  collectGarbage();
  collectGarbage();
}

/** Intermediate values must be released as soon as their last consumer has run. */
const scenario: Scenario = {
  id: 'memory',
  title: 'Memory: 100-step chain of 8 MB arrays',
  description:
    `A chain of ${STEPS} nodes, each returning a new ${LENGTH.toLocaleString('en-US')}-element Float64Array (8 MB) computed from ` +
    'the previous one. Inside every node, after its array is allocated, the heap is collected (`--expose-gc`) and ' +
    '`process.memoryUsage().arrayBuffers` sampled (typed-array data lives there, outside the JS heap). The figure is the ' +
    "peak over the run, minus what was live before the input was made, in 8 MB arrays; the caller's input array counts.",
  order: 50,
  async run(ctx) {
    if (typeof (globalThis as { gc?: unknown }).gc !== 'function') return ctx.skip('needs node --expose-gc (npm run bench passes it)');
    const chain = arrayChain(STEPS, 'm');
    const driverPeak = await peakOf((probe) => {
      const instance = Object.assign(new chain.module(), { probe: () => probe.sample() });
      const driver = new Driver({}, instance);
      return async (x) => void (await driver.rawExecute(chain.outputs, { inputs: { x } }));
    });
    const asyncPeak = await peakOf((probe) => {
      const instance = Object.assign(new chain.module(), { probe: () => probe.sample() });
      const driver = new AsyncDriver({}, instance);
      return async (x) => void (await driver.rawExecute(chain.outputs, { inputs: { x } }));
    });
    const handPeak = await peakOf((probe) => {
      const instance = Object.assign(new chain.module(), { probe: () => probe.sample() });
      return async (x) => void chain.byHand(instance, x);
    });
    ctx.record({
      label: 'Driver.rawExecute: peak live arrays',
      value: driverPeak.arrays,
      unit: 'arrays',
      target: 'memory-peak',
      note: `hand-written chain: ${handPeak.arrays.toFixed(2)} arrays; JS heap peak +${driverPeak.heapMb.toFixed(1)} MB`,
    });
    ctx.record({ label: 'AsyncDriver.rawExecute: peak live arrays', value: asyncPeak.arrays, unit: 'arrays', target: 'memory-peak' });
  },
};

/** Runs the chain once and returns the peak, in arrays, above what was live before the input existed. */
async function peakOf(prepare: (probe: PeakProbe) => (x: Float64Array) => Promise<void>): Promise<{ arrays: number; heapMb: number }> {
  const probe = new PeakProbe();
  const run = prepare(probe);
  settleHeap();
  const before = process.memoryUsage();
  const x = new Float64Array(LENGTH).fill(1);
  await run(x);
  // Rounded to 1/100 of an array (80 KB): small buffers of the runtime must not turn 3 arrays into 3.0001.
  return {
    arrays: Math.round((100 * (probe.arrayBuffers - before.arrayBuffers)) / ARRAY_BYTES) / 100,
    heapMb: (probe.heapUsed - before.heapUsed) / 2 ** 20,
  };
}

export default scenario;
