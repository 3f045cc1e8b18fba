import { Driver } from '@hamilton-ts/core';
import { ArqueroTableResult } from '@hamilton-ts/result-builders';
import { generateClass, type MethodSpec } from '../fixtures/generate-class.js';
import { measure } from '../harness/measure.js';
import type { Scenario } from '../harness/scenario.js';
import { scale } from '../harness/stats.js';

const COLUMNS = 10;
const ROWS = 1_000_000;

/** The default result builder on large typed outputs: it must wrap them, never copy them. */
const scenario: Scenario = {
  id: 'table-result',
  title: 'ArqueroTableResult on 10 × 1M-row Float64Array outputs',
  description:
    `\`new ArqueroTableResult().buildResult(outputs)\` with ${COLUMNS} Float64Array outputs of ${ROWS.toLocaleString('en-US')} rows ` +
    '(80 MB), then the same through `Driver.execute()` of 10 nodes returning those arrays. Each table is checked to hold the ' +
    'very arrays it was given (zero-copy).',
  order: 40,
  async run(ctx) {
    const columns = Array.from({ length: COLUMNS }, (_, i) => new Float64Array(ROWS).fill(i));
    const outputs = Object.fromEntries(columns.map((c, i) => [`c${i}`, c]));
    const builder = new ArqueroTableResult();
    const options = { warmup: 20, samples: ctx.quick ? 15 : 51, batch: 'auto' as const, minSampleMs: 5 };
    checkZeroCopy(builder.buildResult(outputs), columns);
    const direct = scale(await measure(() => builder.buildResult(outputs), options), 1);
    ctx.record({
      label: 'buildResult(), 10 × 1M Float64Array',
      value: direct.median,
      unit: 'ms',
      spread: direct,
      target: 'table-10x1m',
      note: 'zero-copy checked',
    });

    const module = arrayReturningModule(columns);
    const driver = new Driver({}, module);
    const names = Object.keys(outputs);
    checkZeroCopy(await driver.execute(names), columns);
    const viaDriver = await measure(() => driver.execute(names), options);
    ctx.record({
      label: 'execute() of 10 nodes returning 1M-row arrays',
      value: viaDriver.median,
      unit: 'ms',
      spread: viaDriver,
      target: 'table-10x1m',
      note: 'zero-copy checked',
    });
  },
};

type Table = { column(name: string): unknown; numRows(): number };

function checkZeroCopy(table: unknown, columns: readonly Float64Array[]): void {
  const t = table as Table;
  if (t.numRows() !== ROWS) throw new Error(`expected ${ROWS} rows, got ${t.numRows()}`);
  columns.forEach((c, i) => {
    if (t.column(`c${i}`) !== c) throw new Error(`column c${i} is a copy, not the output array`);
  });
}

/** Nodes `c0()` … `c9()` returning the prepared arrays (kept on the instance, so no node allocates). */
function arrayReturningModule(columns: readonly Float64Array[]): object {
  const methods: MethodSpec[] = columns.map((_, i) => ({
    name: `c${i}`,
    params: [],
    body: `return this.columns[${i}];`,
    returnType: Float64Array,
  }));
  const instance = new (generateClass('Columns', methods))() as { columns?: readonly Float64Array[] };
  instance.columns = columns;
  return instance;
}

export default scenario;
