// @hamilton-ts/io as a user installs it: CSV in, Parquet out and back; SQL without its optional peer.
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver, node } from '@hamilton-ts/core';
import { from, MaterializerError, to } from '@hamilton-ts/io';
import type { ColumnTable } from 'arquero';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`consumer io check failed: ${what}`);
}

class Spend {
  @node() spend(rows: ColumnTable): Float64Array {
    return rows.column('spend') as unknown as Float64Array;
  }
  @node() doubled(spend: Float64Array): Float64Array {
    return spend.map((s) => s * 2);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'consumer-io-'));
try {
  writeFileSync(join(dir, 'in.csv'), 'spend\n1\n2.5\n');
  const { metadata } = await new Driver({}, Spend).materialize([
    from.csv({ target: 'rows', path: join(dir, 'in.csv') }),
    to.parquet({ id: 'save', dependencies: ['spend', 'doubled'], path: join(dir, 'out.parquet') }),
  ]);
  const saved: number | undefined = metadata.save.rows;
  check(saved === 2, 'to.parquet metadata');
  const { results } = await new Driver({}, Spend).materialize([from.parquet({ target: 'rows', path: join(dir, 'out.parquet') })], {
    additionalVars: ['doubled'],
  });
  const doubled = results.doubled as Float64Array;
  check(doubled instanceof Float64Array && doubled[1] === 5, 'from.parquet gives typed columns back');
  try {
    await new Driver({}, Spend).materialize([from.sql({ target: 'rows', query: 'select 1 as spend', database: join(dir, 'w.duckdb') })], {
      additionalVars: ['spend'],
    });
    check(false, 'from.sql without @duckdb/node-api must throw');
  } catch (error) {
    check(error instanceof MaterializerError && /npm install @duckdb\/node-api/.test(error.message), `the missing peer is named: ${error}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('consumer io: every check passed');
