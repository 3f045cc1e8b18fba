// Type tests: compiled by `npm run typecheck` (never run). Each `expectTypeOf` line fails the
// compile when a type drifts; each `@ts-expect-error` line fails it when a mistake stops being one.
import 'reflect-metadata';
import { AsyncDriver, Builder, Driver, type GraphAdapter, type NodeTypes, node, type ResultBuilder, testNode } from '@hamilton-ts/core';
import { ArqueroTableResult, ArrowResult, DictResult } from '@hamilton-ts/result-builders';
import type { ColumnTable } from 'arquero';
import { expectTypeOf } from 'expect-type';

class Spend {
  constructor(private readonly fx = 1) {}

  @node()
  spendUsd(spend: Float64Array): Float64Array {
    return spend.map((s) => s * this.fx);
  }

  @node({ name: 'spendPerSignup' })
  perSignup(spendUsd: Float64Array, signups: Float64Array): Float64Array {
    return spendUsd.map((v, i) => v / signups[i]);
  }

  @node()
  async signupsLastWeek(signups: Float64Array): Promise<number> {
    return signups.length;
  }

  @node()
  mean__simple(spendUsd: Float64Array): number {
    return spendUsd.length;
  }

  @node()
  mean__labelled(spendUsd: Float64Array): string {
    return `${spendUsd.length}`;
  }

  protected helper(): boolean {
    return true;
  }
}

class Regions {
  @node()
  region(): 'EU' | 'US' {
    return 'EU';
  }
}

class SumResult implements ResultBuilder<number> {
  buildResult(outputs: Record<string, unknown>): number {
    return Object.keys(outputs).length;
  }
}

const inputs = { spend: new Float64Array(2), signups: new Float64Array(2) };

export async function defaultDriver(): Promise<void> {
  const dr = new Driver({}, Spend);
  expectTypeOf(dr).toEqualTypeOf<Driver<ColumnTable, typeof Spend>>();
  const table = await dr.execute(['spendUsd'], { inputs });
  expectTypeOf(table).toEqualTypeOf<ColumnTable>();
  table.print();
  expectTypeOf(await new Driver({}, Spend, { adapter: new ArqueroTableResult() }).execute(['spendUsd'])).toEqualTypeOf<ColumnTable>();
}

export async function rawExecuteTypesEachOutput(): Promise<void> {
  const dr = new Driver({}, [Spend, new Regions()]);
  const raw = await dr.rawExecute(['spendUsd', 'signupsLastWeek', 'region', 'mean', 'spendPerSignup'], { inputs });
  expectTypeOf(raw.spendUsd).toEqualTypeOf<Float64Array>();
  expectTypeOf(raw.signupsLastWeek).toEqualTypeOf<number>(); // awaited
  expectTypeOf(raw.region).toEqualTypeOf<'EU' | 'US'>();
  expectTypeOf(raw.mean).toEqualTypeOf<number | string>(); // both config variants
  expectTypeOf(raw.spendPerSignup).toEqualTypeOf<unknown>(); // renamed: the types cannot see it
  const { spendUsd, region } = raw;
  expectTypeOf(spendUsd).toEqualTypeOf<Float64Array>();
  expectTypeOf(region).toEqualTypeOf<'EU' | 'US'>();
  // @ts-expect-error a Float64Array is not a string
  const wrong: string = raw.spendUsd;
  void wrong;
}

export async function fallbacks(): Promise<void> {
  const dr = new Driver({}, Spend);
  const names: string[] = ['spendUsd'];
  expectTypeOf(await dr.rawExecute(names)).toEqualTypeOf<Record<string, unknown>>();
  const explicit = await dr.rawExecute<{ spendPerSignup: Float64Array }>(['spendPerSignup'], { inputs });
  expectTypeOf(explicit).toEqualTypeOf<{ spendPerSignup: Float64Array }>();
  // @ts-expect-error an explicit record names the outputs: 'spendUsd' is not among them
  await dr.rawExecute<{ spendPerSignup: Float64Array }>(['spendUsd']);
  // @ts-expect-error the helper is not public: the types do not see it, so it is unknown
  const helper: boolean = (await dr.rawExecute(['helper'])).helper;
  void helper;
  const deep = new Driver({}, [[[Spend]]]);
  expectTypeOf((await deep.rawExecute(['spendUsd'])).spendUsd).toEqualTypeOf<unknown>(); // nested three deep
}

export async function resultBuilders(): Promise<void> {
  const dict = new Driver({}, Spend, { adapter: new DictResult() });
  const record = await dict.execute(['spendUsd', 'signupsLastWeek'], { inputs });
  expectTypeOf(record.spendUsd).toEqualTypeOf<Float64Array>();
  expectTypeOf(record.signupsLastWeek).toEqualTypeOf<number>();
  const { spendPerSignup } = await dict.execute<{ spendPerSignup: Float64Array }>(['spendPerSignup'], { inputs });
  expectTypeOf(spendPerSignup).toEqualTypeOf<Float64Array>();

  expectTypeOf(await new Driver({}, Spend, { adapter: new ArrowResult() }).execute(['spendUsd'])).toEqualTypeOf<Uint8Array>();
  expectTypeOf(await new Driver({}, Spend, { adapter: new SumResult() }).execute(['spendUsd'])).toEqualTypeOf<number>();
  const asyncBuilder = { buildResult: async (outputs: Record<string, unknown>) => Object.keys(outputs).join('+') };
  expectTypeOf(await new Driver({}, Spend, { adapter: asyncBuilder }).execute(['spendUsd'])).toEqualTypeOf<string>();
  const lifecycle = { preNodeExecute() {} } satisfies GraphAdapter;
  expectTypeOf(await new Driver({}, Spend, { adapter: [lifecycle, new SumResult()] }).execute([])).toEqualTypeOf<number>();
  expectTypeOf(await new Driver({}, Spend, { adapter: [lifecycle] }).execute([])).toEqualTypeOf<ColumnTable>();
  // An adapter typed only as GraphAdapter may build results: nothing is known of them.
  const unknownAdapters: GraphAdapter[] = [];
  expectTypeOf(await new Driver({}, Spend, { adapter: unknownAdapters }).execute([])).toEqualTypeOf<unknown>();
}

export async function builderAsyncDriverAndTestNode(): Promise<void> {
  const built = new Builder().withModules(Spend, Regions).withConfig({ k: 1 }).withAdapters(new DictResult()).build();
  const record = await built.execute(['region', 'spendUsd'], { inputs });
  expectTypeOf(record.region).toEqualTypeOf<'EU' | 'US'>();
  expectTypeOf(record.spendUsd).toEqualTypeOf<Float64Array>();
  const asTable = new Builder().withModules(Spend).build();
  expectTypeOf(await asTable.execute(['spendUsd'])).toEqualTypeOf<ColumnTable>();
  const concurrent = new Builder().withAdapters(new SumResult()).withModules(Spend).buildAsync({ maxConcurrency: 4 });
  expectTypeOf(concurrent).toEqualTypeOf<AsyncDriver<number, typeof Spend>>();
  expectTypeOf(await concurrent.execute(['spendUsd'])).toEqualTypeOf<number>();

  const asyncDict = new AsyncDriver({}, Spend, { adapter: new DictResult() });
  expectTypeOf((await asyncDict.execute(['signupsLastWeek'])).signupsLastWeek).toEqualTypeOf<number>();

  expectTypeOf(await testNode(Spend, 'spendUsd', { spend: inputs.spend })).toEqualTypeOf<Float64Array>();
  expectTypeOf(await testNode(new Spend(2), 'signupsLastWeek', inputs)).toEqualTypeOf<number>();
  expectTypeOf(await testNode(Spend, 'spendPerSignup', inputs)).toEqualTypeOf<unknown>();
  expectTypeOf(await testNode<Float64Array>(Spend, 'spendPerSignup', inputs)).toEqualTypeOf<Float64Array>();
}

export function driverTypesAsParameters(): void {
  const runReport = (dr: Driver) => dr.execute(['spendUsd']);
  runReport(new Driver({}, Spend)); // any modules are accepted where the modules are not named
  runReport(new Builder().withModules(Regions).build());
  expectTypeOf<NodeTypes<typeof Spend>>().toEqualTypeOf<{
    spendUsd: Float64Array;
    perSignup: Float64Array;
    signupsLastWeek: number;
    mean: number | string;
  }>();
  // @ts-expect-error a driver returning records is not one returning tables
  runReport(new Driver({}, Spend, { adapter: new DictResult() }));
  // Forms written before results were typed still compile.
  const counted: Driver<number> = new Driver<number>({}, Spend, { adapter: new SumResult() });
  const legacy: Builder = new Builder();
  void [counted, legacy.build<number>()];
}
