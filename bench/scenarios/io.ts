import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver, node } from '@hamilton-ts/core';
import { from, to } from '@hamilton-ts/io';
import { type ColumnTable, fromArrow, fromCSV, table } from 'arquero';
import { type Comparison, collectGarbage, type Measured, timeCalls } from '../harness/measure.js';
import type { Scenario, ScenarioContext } from '../harness/scenario.js';
import { summarize } from '../harness/stats.js';

const ROWS = 1_000_000;

/** A pipeline whose only node passes the loaded table through: what is timed is the load and the save. */
class Passthrough {
  @node()
  copy(rows: ColumnTable): ColumnTable {
    return rows;
  }
}

interface ParquetWasm {
  Table: { fromIPCStream(ipc: Uint8Array): unknown };
  writeParquet(table: unknown, properties?: unknown): Uint8Array;
  readParquet(bytes: Uint8Array, options?: { batchSize?: number }): { intoIPCStream(): Uint8Array };
  Compression: { SNAPPY: number };
  WriterPropertiesBuilder: new () => { setCompression(codec: number): { build(): unknown } };
}

/** Materializers against their library called directly, on a million rows of five numeric columns. */
const scenario: Scenario = {
  id: 'io',
  title: 'Materializers: a 1M-row CSV, Parquet and Arrow round trips, against the libraries alone',
  description:
    `${ROWS.toLocaleString('en-US')} rows × 5 numeric columns (three Float64, one Int32, one of whole numbers). ` +
    "*CSV load*: `dr.materialize([from.csv(...)])` against arquero's `fromCSV` on the file's text (the loader adds a check of each row's shape and " +
    'turns numeric columns into Float64Array). *Round trips*: a save then a load through `to.parquet`/`from.parquet` (and arrow) against the same ' +
    "steps written by hand with parquet-wasm (Snappy, one read batch) or arquero's Arrow IPC, files written and read alike. Timed in alternation, " +
    'with a full collection before each sample.',
  order: 97,
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'hamilton-bench-io-'));
    try {
      const data = numericTable();
      await csvLoad(ctx, dir, data);
      await roundTrip(ctx, dir, data, 'parquet');
      await roundTrip(ctx, dir, data, 'arrow');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function numericTable(): ColumnTable {
  const a = new Float64Array(ROWS);
  const b = new Float64Array(ROWS);
  const c = new Float64Array(ROWS);
  const d = new Int32Array(ROWS);
  const e = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    a[i] = Math.sin(i);
    b[i] = ((i * 7919) % 10007) / 13;
    c[i] = i / 3;
    d[i] = i - 500_000;
    e[i] = i % 1000;
  }
  return table({ a, b, c, d, e });
}

async function csvLoad(ctx: ScenarioContext, dir: string, data: ColumnTable): Promise<void> {
  const path = join(dir, 'rows.csv');
  writeFileSync(path, data.toCSV());
  const dr = new Driver({}, Passthrough);
  const loaders = [from.csv({ target: 'rows', path })];
  const c = await compareSettled(
    () => dr.materialize(loaders, { additionalVars: ['copy'] }),
    () => fromCSV(readFileSync(path, 'utf8')),
    { warmup: 1, samples: ctx.quick ? 5 : 9 },
  );
  ctx.record({
    label: 'from.csv ÷ arquero fromCSV, 1M rows × 5 columns',
    value: c.ratio.median,
    unit: '×',
    spread: c.ratio,
    target: 'io-csv',
    note: `materializer ${c.subject.median.toFixed(0)} ms, arquero alone ${c.baseline.median.toFixed(0)} ms (${(ROWS / c.subject.median / 1000).toFixed(2)} M rows/s); CPU time ${c.cpuRatio.toFixed(2)}×`,
  });
}

async function roundTrip(ctx: ScenarioContext, dir: string, data: ColumnTable, format: 'parquet' | 'arrow'): Promise<void> {
  const path = join(dir, `rows.${format}`);
  const direct = join(dir, `direct.${format}`);
  const save = new Driver({}, Passthrough);
  const load = new Driver({}, Passthrough);
  const savers = [to[format]({ id: 'save', dependencies: ['copy'], path })];
  const loaders = [from[format]({ target: 'rows', path })];
  const byHand = format === 'parquet' ? await parquetByHand() : arrowByHand;
  const materializers = async () => {
    await save.materialize(savers, { inputs: { rows: data } });
    await load.materialize(loaders, { additionalVars: ['copy'] });
  };
  // Arrow's round trip takes a tenth of Parquet's and moves more with the machine: more samples.
  const options = { warmup: 2, samples: (ctx.quick ? 15 : 31) + (format === 'arrow' ? 10 : 0) };
  const c = await compareSettled(materializers, () => byHand(data, direct), options);
  ctx.record({
    label: `to.${format} + from.${format} ÷ the library alone, 1M rows × 5 columns`,
    value: c.ratio.median,
    unit: '×',
    spread: c.ratio,
    target: `io-${format}`,
    note: `materializers ${c.subject.median.toFixed(0)} ms, library alone ${c.baseline.median.toFixed(0)} ms per save + load; CPU time ${c.cpuRatio.toFixed(2)}×`,
  });
  if (format !== 'arrow') return;
  // The saver replaces its file through a temporary file and a rename (never half-written); on ext4
  // replacing a 36 MB file that way costs about 10 ms more than rewriting it in place. This figure
  // shows how much of the gap above that accounts for.
  const atomic = await compareSettled(materializers, () => arrowByHand(data, direct, true), options);
  ctx.record({
    label: 'to.arrow + from.arrow ÷ the library alone replacing its file as the saver does (temporary file + rename)',
    value: atomic.ratio.median,
    unit: '×',
    spread: atomic.ratio,
    note: `materializers ${atomic.subject.median.toFixed(0)} ms, library alone ${atomic.baseline.median.toFixed(0)} ms per save + load; CPU time ${atomic.cpuRatio.toFixed(2)}×`,
  });
}

/** A `Comparison`, and the median ratio of the CPU time (all threads) each side used. */
interface SettledComparison extends Comparison {
  readonly cpuRatio: number;
}

/**
 * `subject` and `baseline` timed in alternating samples, as the harness's `compare` does, with a full
 * collection before every sample: each side here leaves tens of megabytes of buffers behind, and
 * without it their collection lands in whichever sample comes next (the figure swung from 1.2× to
 * 2.7× between runs). The ratio is taken per pair of samples; the order within a pair alternates.
 * The ratio of CPU times rides along: on a machine shared with other work it moves less than the
 * wall-clock one, which waits for a core.
 */
async function compareSettled(
  subject: Measured,
  baseline: Measured,
  options: { warmup: number; samples: number },
): Promise<SettledComparison> {
  for (let i = 0; i < options.warmup; i++) {
    await subject();
    await baseline();
  }
  const wall = { s: [] as number[], b: [] as number[] };
  const cpu = { s: [] as number[], b: [] as number[] };
  for (let i = 0; i < options.samples; i++) {
    for (const side of i % 2 === 0 ? (['s', 'b'] as const) : (['b', 's'] as const)) {
      collectGarbage();
      const started = process.cpuUsage();
      wall[side].push(await timeCalls(side === 's' ? subject : baseline, 1));
      const used = process.cpuUsage(started);
      cpu[side].push(used.user + used.system);
    }
  }
  return {
    subject: summarize(wall.s),
    baseline: summarize(wall.b),
    ratio: summarize(wall.s.map((v, i) => v / wall.b[i])),
    cpuRatio: summarize(cpu.s.map((v, i) => v / cpu.b[i])).median,
  };
}

/**
 * The Arrow round trip written by hand: types as the saver gives them, columns read into arrays; the
 * file rewritten in place, or with `atomic` written beside it and renamed over it.
 */
function arrowByHand(data: ColumnTable, path: string, atomic = false): ColumnTable {
  const ipc = data.toArrowIPC({ format: 'file' });
  if (atomic) {
    writeFileSync(`${path}.tmp`, ipc);
    renameSync(`${path}.tmp`, path);
  } else writeFileSync(path, ipc);
  return columnsOf(fromArrow(readFileSync(path)));
}

async function parquetByHand(): Promise<(data: ColumnTable, path: string) => ColumnTable> {
  const wasm = (await import('parquet-wasm/node')) as unknown as ParquetWasm;
  return (data, path) => {
    const properties = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.SNAPPY).build();
    writeFileSync(path, wasm.writeParquet(wasm.Table.fromIPCStream(data.toArrowIPC()), properties));
    return columnsOf(fromArrow(wasm.readParquet(readFileSync(path), { batchSize: 1 << 20 }).intoIPCStream()));
  };
}

function columnsOf(arrow: ColumnTable): ColumnTable {
  const columns: Record<string, unknown> = {};
  for (const name of arrow.columnNames()) columns[name] = (arrow.column(name) as unknown as { toArray(): unknown }).toArray();
  return table(columns);
}

export default scenario;
