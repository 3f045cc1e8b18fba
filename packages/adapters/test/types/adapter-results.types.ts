// Type tests: compiled by `npm run typecheck` (never run). Results follow the adapters' builders.
import 'reflect-metadata';
import {
  GracefulErrorAdapter,
  PrintLn,
  SimpleGraphAdapter,
  SimpleTableGraphAdapter,
  WorkerThreadsGraphAdapter,
} from '@hamilton-ts/adapters';
import { Driver, node } from '@hamilton-ts/core';
import { ArrowResult, DictResult } from '@hamilton-ts/result-builders';
import type { ColumnTable } from 'arquero';
import { expectTypeOf } from 'expect-type';

class Totals {
  @node()
  total(values: Float64Array): number {
    return values.reduce((a, b) => a + b, 0);
  }
}

export async function adaptersCarryTheirResultType(): Promise<void> {
  expectTypeOf(await new Driver({}, Totals, { adapter: new SimpleTableGraphAdapter() }).execute(['total'])).toEqualTypeOf<ColumnTable>();
  expectTypeOf(
    await new Driver({}, Totals, { adapter: new SimpleGraphAdapter(new ArrowResult()) }).execute(['total']),
  ).toEqualTypeOf<Uint8Array>();
  const dict = new Driver({}, Totals, { adapter: new SimpleGraphAdapter() });
  expectTypeOf((await dict.execute(['total'])).total).toEqualTypeOf<number>();
}

export async function lifecycleAdaptersAndEnginesLeaveTheResultAlone(): Promise<void> {
  const threads = new WorkerThreadsGraphAdapter({ modules: [new URL('./totals.js', import.meta.url)] });
  const table = new Driver({}, Totals, { adapter: [new PrintLn(), new GracefulErrorAdapter(), threads] });
  expectTypeOf(await table.execute(['total'])).toEqualTypeOf<ColumnTable>();
  const record = new Driver({}, Totals, { adapter: [new PrintLn({ verbosity: 2 }), threads, new DictResult()] });
  expectTypeOf((await record.execute(['total'])).total).toEqualTypeOf<number>();
  expectTypeOf((await record.rawExecute(['total'])).total).toEqualTypeOf<number>();
}
