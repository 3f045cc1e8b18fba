// The "Unit-testing nodes" guide of the README, run: each describe is one of its ways.
import { Driver } from '@hamilton-ts/core';
import { inputsOf, RecordingAdapter, testNode } from '@hamilton-ts/core/testing';
import { DictResult } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { SpendFeatures } from './spend-features.js';

const weeks = [
  { spend: 10, signups: 2 },
  { spend: 20, signups: 4 },
  { spend: 30, signups: 5 },
];
const spend = Float64Array.of(10, 20, 30);
const signups = Float64Array.of(2, 4, 5);

describe('(a) a node is a method: call it', () => {
  it('computes from its arguments, with the instance the constructor made', async () => {
    const features = new SpendFeatures(1.1);
    expect(Array.from(features.spendUsd(Float64Array.of(10, 20)))).toEqual([11, 22]);
    expect(Array.from(features.perSignup(Float64Array.of(10, 20), Float64Array.of(2, 4)))).toEqual([5, 5]); // the method's name, not the node's
    expect(await features.signupsLastWeek(signups, 2)).toBe(9);
  });
});

describe('(b) testNode: one node of the graph, with the nodes its modifiers made', () => {
  it('runs a @parameterize output with its bound values', async () => {
    expect(await testNode<number>(SpendFeatures, 'signupsMean2', { signups })).toBe(3);
  });

  it('runs an @extractColumns column, and the method that makes the table', async () => {
    const column = await testNode<Float64Array>(SpendFeatures, 'signups', { weeks });
    expect(Array.from(column)).toEqual([2, 4, 5]);
  });

  it('types the result from the method, and checks every value against its parameter', async () => {
    const usd: Float64Array = await testNode(new SpendFeatures(2), 'spendUsd', { spend });
    expect(Array.from(usd)).toEqual([20, 40, 60]);
    await expect(testNode(SpendFeatures, 'spendUsd', { spend: [10, 20, 30] })).rejects.toThrow(
      'input "spend" should be Float64Array but is Array(3); spendUsd takes it',
    );
    await expect(testNode(SpendFeatures, 'spendPerSignup', { spendUsd: spend })).rejects.toThrow(
      'testNode("spendPerSignup") needs signups; pass it in the values argument',
    );
  });
});

describe('(c) execute with overrides: a sub-graph alone', () => {
  it('runs nothing upstream of an override', async () => {
    const recorder = new RecordingAdapter<typeof SpendFeatures>();
    const dr = new Driver({}, new SpendFeatures(1.1), { adapter: [recorder, new DictResult()] });

    await dr.execute(['spendPerSignup'], { inputs: { weeks } });
    expect(recorder.ran).toEqual(['marketing', 'spend', 'spendUsd', 'signups', 'spendPerSignup']);

    const spendUsd = Float64Array.of(100, 200);
    const out = await dr.execute<{ spendPerSignup: Float64Array }>(['spendPerSignup'], {
      overrides: { spendUsd, signups: Float64Array.of(4, 5) },
    });
    expect(Array.from(out.spendPerSignup)).toEqual([25, 40]);
    expect(recorder.ran).toEqual(['spendPerSignup']); // no weeks needed: marketing and its columns did not run
    expect(recorder.kwargsOf('spendPerSignup').spendUsd).toBe(spendUsd);
    expect(() => recorder.valueOf('marketing')).toThrow(
      /^node "marketing" did not run in run-\S+ \(nodes that ran: spendPerSignup\); request it \(or a node that needs it\) as an output/,
    );
  });

  it('reads intermediate values of a run with rawExecute', async () => {
    const recorder = new RecordingAdapter<typeof SpendFeatures>();
    const dr = new Driver({}, SpendFeatures, { adapter: recorder });
    const { signupsLastWeek } = await dr.rawExecute(['signupsLastWeek'], { overrides: { signups } });
    expect(signupsLastWeek).toBe(11); // number: async nodes are awaited
    expect(recorder.ran).toEqual(['signupsLastWeek']);
    expect(recorder.overridden).toEqual(['signups']);
    expect(() => recorder.valueOf('marketing')).toThrow('node "marketing" did not run');
  });
});

describe('(e) inputsOf: what testNode needs', () => {
  it('lists names, parameter types and optional ones', () => {
    expect(inputsOf(SpendFeatures, 'spendPerSignup')).toEqual([
      { name: 'spendUsd', type: Float64Array, optional: false },
      { name: 'signups', type: Float64Array, optional: false },
    ]);
    expect(inputsOf(SpendFeatures, 'signupsLastWeek')).toEqual([
      { name: 'signups', type: Float64Array, optional: false },
      { name: 'windowDays', type: Object, optional: true }, // a default value: optional, of any type
    ]);
    expect(inputsOf(SpendFeatures, 'signups')).toEqual([{ name: 'weeks', type: Array, optional: false }]); // through marketing
  });

  it('gives every required value a fixture, here one per node of the module', async () => {
    const fixtures: Record<string, unknown> = { weeks, spend, signups, spendUsd: spend };
    for (const name of ['spendUsd', 'spendPerSignup', 'spendUsdMean2', 'signupsMean2', 'signupsLastWeek', 'spend', 'signups']) {
      const needed = inputsOf(SpendFeatures, name).filter((input) => !input.optional);
      const values = Object.fromEntries(needed.map((input) => [input.name, fixtures[input.name]]));
      await expect(testNode(SpendFeatures, name, values)).resolves.toBeDefined();
    }
  });
});
