import 'reflect-metadata';
import {
  AsyncDriver,
  collect,
  Driver,
  dependsOn,
  extractColumns,
  HamiltonError,
  InputValidationError,
  NodeExecutionError,
  node,
  parallelizable,
  parameterize,
  pipe,
  testNode as rootTestNode,
  source,
  step,
  UnknownNodeError,
  value,
} from '@hamilton-ts/core';
import { inputsOf, type RecordedRun, RecordingAdapter, testNode } from '@hamilton-ts/core/testing';
import { DictResult } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { expectTypeOf } from 'expect-type';

interface Note {
  readonly text: string;
}

class SpendFeatures {
  constructor(private readonly fx = 1) {}
  @node() spendUsd(spend: Float64Array): Float64Array {
    return spend.map((s) => s * this.fx);
  }
  @node({ name: 'spendPerSignup' })
  @dependsOn('spendUsd', 'signups')
  perSignup(s: Float64Array, n: Float64Array): Float64Array {
    return s.map((v, i) => v / n[i]);
  }
  @node() async signupsLastWeek(signups: Float64Array, windowDays = 7): Promise<number> {
    return signups.slice(-windowDays).reduce((a, b) => a + b, 0);
  }
  @node() scaled(spendUsd: Float64Array, factor: number): Float64Array {
    return spendUsd.map((v) => v * factor);
  }
  @node() annotated(spendUsd: Float64Array, note: Note): string {
    return `${note.text}: ${spendUsd.length}`;
  }
}

class Modified {
  @node()
  @parameterize({ spendMean2: { window: value(2) }, signupsMean2: { window: value(2), spend: source('signups') } })
  headMean(spend: Float64Array, window: number): number {
    return spend.subarray(0, window).reduce((a, b) => a + b, 0) / window;
  }

  @node()
  @extractColumns('clicks', 'views')
  traffic(weeklyClicks: Float64Array): Record<string, Float64Array> {
    return { clicks: weeklyClicks, views: weeklyClicks.map((c) => c * 10) };
  }

  @node()
  @pipe(step((xs: number[], k: number) => xs.map((x) => x * k), source('fx')).named('converted'))
  prices(raw: number[], fx: number): number[] {
    return raw.map((x) => x + fx);
  }
}

class Failing {
  @node() base(x: number): number {
    return x + 1;
  }
  @node() broken(base: number): number {
    throw new RangeError(`base ${base} is out of range`);
  }
  @node() after(broken: number): number {
    return broken;
  }
}

class Fanout {
  @node()
  @parallelizable(Number)
  item(items: number[]): number[] {
    return items;
  }
  @node() async doubled(item: number): Promise<number> {
    return item * 2;
  }
  @node()
  @collect('doubled', Number)
  total(doubled: number[]): number {
    return doubled.reduce((a, b) => a + b, 0);
  }
}

const spend = Float64Array.of(10, 20);
const signups = Float64Array.of(2, 4);

describe('inputsOf', () => {
  it('lists each value testNode needs, with its parameter type and whether it is optional', () => {
    expect(inputsOf(SpendFeatures, 'spendPerSignup')).toEqual([
      { name: 'spendUsd', type: Float64Array, optional: false },
      { name: 'signups', type: Float64Array, optional: false },
    ]);
    expect(inputsOf(SpendFeatures, 'signupsLastWeek')).toEqual([
      { name: 'signups', type: Float64Array, optional: false },
      { name: 'windowDays', type: Object, optional: true },
    ]);
  });

  it('gives Object for a parameter of any type, and leaves out what config supplies', () => {
    expect(inputsOf(SpendFeatures, 'annotated').find((input) => input.name === 'note')).toEqual({
      name: 'note',
      type: Object,
      optional: false,
    });
    expect(inputsOf(SpendFeatures, 'scaled').map((input) => input.name)).toEqual(['spendUsd', 'factor']);
    expect(inputsOf(SpendFeatures, 'scaled', { config: { factor: 2 } }).map((input) => input.name)).toEqual(['spendUsd']);
  });

  it('walks through the nodes a modifier made, as testNode does', async () => {
    expect(inputsOf(Modified, 'signupsMean2')).toEqual([{ name: 'signups', type: Float64Array, optional: false }]);
    expect(inputsOf(Modified, 'clicks')).toEqual([{ name: 'weeklyClicks', type: Float64Array, optional: false }]);
    // fx feeds the untyped pipe step and the body's `fx: number`: the narrower type is reported;
    // raw feeds only the step, whose functions are untyped, so testNode takes any value for it.
    expect(inputsOf(Modified, 'prices')).toEqual([
      { name: 'fx', type: Number, optional: false },
      { name: 'raw', type: Object, optional: false },
    ]);
    expect(await testNode(Modified, 'prices', { raw: [1, 2], fx: 3 })).toEqual([6, 9]);
  });

  it('names exactly the values whose absence testNode reports', async () => {
    const names = inputsOf(SpendFeatures, 'spendPerSignup').map((input) => input.name);
    await expect(testNode(SpendFeatures, 'spendPerSignup', {})).rejects.toThrow(`needs ${names.join(', ')}; pass them`);
  });

  it('rejects an unknown node with the same UnknownNodeError as testNode', async () => {
    const listing = (() => inputsOf(SpendFeatures, 'spendPerSignUp')) as () => unknown;
    expect(listing).toThrow(UnknownNodeError);
    const fromTestNode = await testNode(SpendFeatures, 'spendPerSignUp', {}).catch((error: unknown) => error);
    expect(listing).toThrow((fromTestNode as Error).message);
    expect(() => inputsOf(SpendFeatures, 'spend')).toThrow('unknown node: "spend"'); // an external input is not a node to test
  });

  it('says how to call it when the name is not a string', () => {
    expect(() => inputsOf(SpendFeatures, 42 as unknown as string)).toThrow(
      "inputsOf: the node name is number 42; pass the name as a string, e.g. inputsOf(Features, 'spendUsd')",
    );
  });
});

describe('testNode from @hamilton-ts/core/testing', () => {
  it('is the root export', () => {
    expect(testNode).toBe(rootTestNode);
  });
});

describe('RecordingAdapter', () => {
  it('records the nodes of a run in order, with their kwargs and the very values they returned', async () => {
    const recorder = new RecordingAdapter<typeof SpendFeatures>();
    const dr = new Driver({}, SpendFeatures, { adapter: [recorder, new DictResult()] });
    const out = await dr.execute(['spendPerSignup', 'spendUsd'], { inputs: { spend, signups } });
    expect(recorder.ran).toEqual(['spendUsd', 'spendPerSignup']);
    expect(recorder.valueOf('spendUsd')).toBe(out.spendUsd);
    expect(recorder.kwargsOf('spendPerSignup')).toEqual({ spendUsd: out.spendUsd, signups });
    expect(recorder.kwargsOf('spendUsd').spend).toBe(spend);
    expect(recorder.lastRun.outcome).toEqual({ status: 'succeeded', results: out });
    expect(recorder.lastRun.request.outputs).toEqual(['spendPerSignup', 'spendUsd']);
    expect(recorder.calls.map((call) => call.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('keeps every run, reads the last one, and forgets them all on clear()', async () => {
    const recorder = new RecordingAdapter();
    const dr = new Driver({}, SpendFeatures, { adapter: recorder });
    await dr.rawExecute(['spendUsd'], { inputs: { spend } });
    await dr.rawExecute(['signupsLastWeek'], { inputs: { signups, windowDays: 1 } });
    expect(recorder.runs.map((run: RecordedRun) => run.ran)).toEqual([['spendUsd'], ['signupsLastWeek']]);
    expect(recorder.valueOf('signupsLastWeek')).toBe(4);
    expect(recorder.runs[0].valueOf('spendUsd')).toEqual(spend);
    expect(new Set(recorder.runs.map((run) => run.runId)).size).toBe(2);
    recorder.clear();
    expect(recorder.runs).toEqual([]);
    expect(() => recorder.ran).toThrow(HamiltonError);
  });

  it('shows that nothing upstream of an override runs', async () => {
    const recorder = new RecordingAdapter();
    const spendUsd = Float64Array.of(1, 2);
    await new Driver({}, SpendFeatures, { adapter: recorder }).rawExecute(['scaled'], { overrides: { spendUsd }, inputs: { factor: 3 } });
    expect(recorder.ran).toEqual(['scaled']);
    expect(recorder.overridden).toEqual(['spendUsd']);
    expect(recorder.kwargsOf('scaled').spendUsd).toBe(spendUsd);
    expect(() => recorder.valueOf('spendUsd')).toThrow(
      /^node "spendUsd" did not run in run-\S+ \(nodes that ran: scaled\); it was overridden, so its value is the one you passed in overrides$/,
    );
  });

  it('says which node did not run and which did, with a HamiltonError', async () => {
    const recorder = new RecordingAdapter();
    await new Driver({}, SpendFeatures, { adapter: recorder }).rawExecute(['spendPerSignup'], { inputs: { spend, signups } });
    const error = (() => {
      try {
        recorder.valueOf('signupsLastWeek');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(HamiltonError);
    expect((error as Error).message).toMatch(
      /^node "signupsLastWeek" did not run in run-\S+ \(nodes that ran: spendUsd, spendPerSignup\); request it \(or a node that needs it\) as an output/,
    );
    expect(() => recorder.kwargsOf('signups')).toThrow('it was given as an input, so its value is the one you passed in inputs');
  });

  it('says how to use it before any run', () => {
    expect(() => new RecordingAdapter().valueOf('spendUsd')).toThrow(
      'RecordingAdapter has recorded no run yet; pass it to the driver (new Driver(config, modules, { adapter: recorder }))',
    );
  });

  it('records a failing node with its error, and that nothing after it ran', async () => {
    const recorder = new RecordingAdapter();
    const run = new Driver({}, Failing, { adapter: recorder }).rawExecute(['after'], { inputs: { x: 1 } });
    await expect(run).rejects.toThrow(NodeExecutionError);
    expect(recorder.ran).toEqual(['base', 'broken']);
    expect(recorder.errorOf('broken')).toBeInstanceOf(RangeError);
    expect(recorder.kwargsOf('broken')).toEqual({ base: 2 });
    expect(() => recorder.valueOf('broken')).toThrow(
      'node "broken" failed, so it has no value: base 2 is out of range; read the error with errorOf("broken")',
    );
    expect(() => recorder.errorOf('base')).toThrow('node "base" succeeded, so it has no error; read its value with valueOf("base")');
    expect(recorder.lastRun.outcome.status).toBe('failed');
  });

  it('works with an AsyncDriver and async nodes, and with a node run once per item', async () => {
    const recorder = new RecordingAdapter<typeof Fanout>();
    const out = await new AsyncDriver({}, Fanout, { adapter: recorder }).rawExecute(['total'], { inputs: { items: [1, 2, 3] } });
    expect(out.total).toBe(12);
    expect(recorder.ran.filter((name) => name === 'doubled')).toHaveLength(3);
    expect(recorder.ran.at(-1)).toBe('total');
    expect(recorder.callsOf('doubled').map((call) => (call.status === 'succeeded' ? call.result : call.status))).toEqual([2, 4, 6]);
    expect(recorder.valueOf('total')).toBe(12);
    expect(() => recorder.valueOf('doubled')).toThrow(
      'node "doubled" ran 3 times in this run (once per item of a @parallelizable block); read each call with callsOf("doubled")',
    );
  });

  it('records async nodes on a Driver too, with awaited values', async () => {
    const recorder = new RecordingAdapter<typeof SpendFeatures>();
    await new Driver({}, SpendFeatures, { adapter: recorder }).rawExecute(['signupsLastWeek'], { inputs: { signups } });
    expect(recorder.valueOf('signupsLastWeek')).toBe(6);
  });

  it('types valueOf from the modules, and by a type argument where they cannot see the node', () => {
    const recorder = new RecordingAdapter<typeof SpendFeatures>();
    const typedReads = () => {
      expectTypeOf(recorder.valueOf('spendUsd')).toEqualTypeOf<Float64Array>();
      expectTypeOf(recorder.valueOf('signupsLastWeek')).toEqualTypeOf<number>();
      expectTypeOf(recorder.valueOf('spendPerSignup')).toEqualTypeOf<unknown>();
      expectTypeOf(recorder.valueOf<Float64Array>('spendPerSignup')).toEqualTypeOf<Float64Array>();
      expectTypeOf(new RecordingAdapter().valueOf('spendUsd')).toEqualTypeOf<unknown>();
      expectTypeOf(recorder.runs[0].valueOf('spendUsd')).toEqualTypeOf<Float64Array>();
    };
    expect(typedReads).toBeInstanceOf(Function); // checked by tsc, never run
  });

  it('does not change what the driver validates or returns', async () => {
    const dr = new Driver({}, SpendFeatures, { adapter: [new RecordingAdapter(), new DictResult()] });
    await expect(dr.execute(['spendUsd'], { inputs: { spend: [1, 2] } })).rejects.toThrow(InputValidationError);
    expect(await dr.execute(['spendUsd'], { inputs: { spend } })).toEqual({ spendUsd: spend });
  });
});
