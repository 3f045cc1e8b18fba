// Compiled with `strict` in a fresh app that installed the packed tarballs, then run. No casts:
// every value below is typed by the packages' own declarations.
import 'reflect-metadata';
import { GracefulErrorAdapter, PrintLn, SimpleGraphAdapter, WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { AsyncDriver, Builder, Driver, HamiltonError, InputValidationError, testNode } from '@hamilton-ts/core';
import { RecordingAdapter } from '@hamilton-ts/core/testing';
import { ArrowResult, DictResult } from '@hamilton-ts/result-builders';
import { fromArrow } from 'arquero';
import { Heavy, SpendFeatures } from './features.js';

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`consumer check failed: ${what}`);
}

const spend = new Float64Array([10, 20, 30]);
const signups = new Float64Array([1, 2, 5]);

// The default driver returns an arquero table.
const dr = new Driver({}, SpendFeatures);
const table = await dr.execute(['spendUsd', 'spendPerSignup'], { inputs: { spend, signups } });
table.print();
check(table.numRows() === 3 && table.get('spendPerSignup', 2) === 6, 'table result');

// DictResult: the record of outputs, each typed from its method.
const dictDriver = new Driver({}, new SpendFeatures(2), { adapter: new DictResult() });
const { spendUsd, signupsLastWeek } = await dictDriver.execute(['spendUsd', 'signupsLastWeek'], { inputs: { spend, signups } });
check(spendUsd[0] === 20 && signupsLastWeek === 8, 'dict result');
const { spendPerSignup } = await dictDriver.execute<{ spendPerSignup: Float64Array }>(['spendPerSignup'], { inputs: { spend, signups } });
check(spendPerSignup[1] === 20, 'explicitly typed renamed node');

// Raw results, overrides, ArrowResult, a custom builder.
const raw = await dr.rawExecute(['totalSpend'], { overrides: { spendUsd: new Float64Array([1, 2]) } });
check(raw.totalSpend === 3, 'rawExecute with an override');
const bytes = await new Driver({}, SpendFeatures, { adapter: new SimpleGraphAdapter(new ArrowResult()) }).execute(['spendUsd'], {
  inputs: { spend },
});
check(fromArrow(bytes).numRows() === 3, 'Arrow bytes');
const count = await new Driver({}, SpendFeatures, {
  adapter: { buildResult: (outputs: Record<string, unknown>) => Object.keys(outputs).length },
}).execute(['spendUsd', 'totalSpend'], { inputs: { spend } });
check(count === 2, 'custom result builder');

// Builder and AsyncDriver, with lifecycle adapters.
const lines: string[] = [];
const built = new Builder()
  .withModules(SpendFeatures)
  .withConfig({ region: 'US' })
  .withAdapters(new PrintLn({ print: (line) => lines.push(line) }), new DictResult())
  .build();
check((await built.execute(['totalSpend'], { inputs: { spend } })).totalSpend === 60, 'Builder');
check(lines.length > 0, 'PrintLn printed');
const concurrent = new AsyncDriver({}, SpendFeatures, { adapter: [new GracefulErrorAdapter(), new DictResult()], maxConcurrency: 4 });
check((await concurrent.execute(['signupsLastWeek'], { inputs: { signups } })).signupsLastWeek === 8, 'AsyncDriver');

// testNode, typed from the method; a typed error for a bad input.
const perSignup = await testNode<Float64Array>(SpendFeatures, 'spendPerSignup', { spendUsd: spend, signups });
const scaled = await testNode(new SpendFeatures(3), 'spendUsd', { spend });
check(perSignup[2] === 6 && scaled[0] === 30, 'testNode');
const recorder = new RecordingAdapter<typeof SpendFeatures>();
await new Driver({}, SpendFeatures, { adapter: recorder }).rawExecute(['totalSpend'], { overrides: { spendUsd: spend } });
const recordedTotal: number = recorder.valueOf('totalSpend');
check(recorder.ran.join() === 'totalSpend' && recordedTotal === 60, 'RecordingAdapter from @hamilton-ts/core/testing');
try {
  await dr.execute(['spendUsd'], { inputs: { spend: 'not an array' } });
  check(false, 'a mistyped input must throw');
} catch (error) {
  check(error instanceof InputValidationError && error instanceof HamiltonError, 'InputValidationError');
}

// Worker threads import the built module by URL and run its nodes by name.
const threads = new WorkerThreadsGraphAdapter({ modules: [new URL('./features.js', import.meta.url)], maxThreads: 2 });
try {
  const threaded = new Driver({}, Heavy, { adapter: [threads, new DictResult()] });
  const { sumOfRoots, squares } = await threaded.execute(['sumOfRoots', 'squares'], { inputs: { iterations: 1000 } });
  const local = await new Driver({}, Heavy).rawExecute(['sumOfRoots'], { inputs: { iterations: 1000 } });
  check(sumOfRoots === local.sumOfRoots && squares instanceof Float64Array && squares[0] === 1_000_000, 'worker threads');
} finally {
  await threads.close();
}
console.log('consumer app: every check passed');
