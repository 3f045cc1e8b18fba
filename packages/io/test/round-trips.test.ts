import 'reflect-metadata';
import { Driver, node } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type ColumnTable, table } from 'arquero';
import { from, to } from '../src/index.js';
import { Passthrough, workDirectory } from './io-support.js';

/** A table with a column of each type the formats should keep. */
function mixedTable(): ColumnTable {
  return table({
    price: Float64Array.from([1.5, -2.25, 1e300]),
    count: Int32Array.from([1, -7, 2147483647]),
    whole: [1, 2, 3],
    name: ['a', 'b,"quoted"', 'ü'],
    flag: [true, false, true],
  });
}

let work: ReturnType<typeof workDirectory>;
beforeEach(() => {
  work = workDirectory();
});
afterEach(() => work.cleanup());

/** Saves `value` with `saver`, then loads it back with `loader` through a second run. */
async function roundTrip(value: ColumnTable, format: 'csv' | 'arrow' | 'parquet' | 'json', loadOptions: Record<string, unknown> = {}) {
  const path = work.file(`data.${format}`);
  const saved = await new Driver({}, Passthrough).materialize([to[format]({ id: 'save', dependencies: ['copy'], path })], {
    inputs: { rows: value },
  });
  const loaded = await new Driver({}, Passthrough).materialize([from[format]({ target: 'rows', path, ...loadOptions })], {
    additionalVars: ['copy'],
  });
  return { metadata: saved.metadata.save, table: loaded.results.copy as ColumnTable };
}

describe('round trips', () => {
  it.each(['arrow', 'parquet'] as const)(
    '%s keeps every column with its type: typed arrays as themselves, numbers as Float64Array',
    async (format) => {
      const { table: back, metadata } = await roundTrip(mixedTable(), format);
      expect(back.columnNames()).toEqual(['price', 'count', 'whole', 'name', 'flag']);
      expect(back.column('price')).toEqual(Float64Array.from([1.5, -2.25, 1e300]));
      expect(back.column('count')).toEqual(Int32Array.from([1, -7, 2147483647]));
      expect(back.column('whole')).toEqual(Float64Array.from([1, 2, 3]));
      expect(Array.from(back.column('name') as unknown as ArrayLike<string>)).toEqual(['a', 'b,"quoted"', 'ü']);
      expect(Array.from(back.column('flag') as unknown as ArrayLike<boolean>)).toEqual([true, false, true]);
      expect(metadata).toMatchObject({ path: work.file(`data.${format}`), format, rows: 3, columns: 5 });
      expect(metadata.bytes).toBeGreaterThan(0);
      expect(metadata.ms).toBeGreaterThanOrEqual(0);
      expect(work.leftovers()).toEqual([]);
    },
  );

  it.each(['arrow', 'parquet'] as const)('%s keeps Dates and nulls', async (format) => {
    const when = [new Date('2024-01-02T03:04:05.000Z'), null, new Date('1999-12-31T00:00:00.000Z')];
    const { table: back } = await roundTrip(table({ when, maybe: [1.5, null, 3] }), format);
    expect(Array.from(back.column('when') as unknown as ArrayLike<Date | null>)).toEqual(when);
    expect(Array.from(back.column('maybe') as unknown as ArrayLike<number | null>)).toEqual([1.5, null, 3]);
  });

  it('parquet compresses with Snappy by default, with zstd or none when asked, and refuses another codec', async () => {
    const rows = table({ x: Float64Array.from({ length: 5000 }, (_, i) => i % 7) });
    const sizes: Record<string, number> = {};
    for (const compression of ['snappy', 'zstd', 'uncompressed']) {
      const path = work.file(`${compression}.parquet`);
      const { metadata } = await new Driver({}, Passthrough).materialize(
        [to.parquet({ id: 's', dependencies: ['copy'], path, compression })],
        {
          inputs: { rows },
        },
      );
      sizes[compression] = metadata.s.bytes as number;
      const { results } = await new Driver({}, Passthrough).materialize([from.parquet({ target: 'rows', path })], {
        additionalVars: ['copy'],
      });
      expect((results.copy as ColumnTable).column('x')).toEqual(rows.column('x'));
    }
    expect(sizes.snappy).toBeLessThan(sizes.uncompressed);
    expect(sizes.zstd).toBeLessThan(sizes.uncompressed);
    const bad = new Driver({}, Passthrough).materialize(
      [to.parquet({ id: 's', dependencies: ['copy'], path: work.file('b.parquet'), compression: 'lz5' })],
      {
        inputs: { rows },
      },
    );
    await expect(bad).rejects.toThrow(
      /cannot be written as parquet: compression "lz5" is not a codec; give 'snappy', 'zstd', 'uncompressed'/,
    );
  });

  it('csv keeps numbers (as Float64Array), text with quotes and commas, booleans, and empty cells as null', async () => {
    const { table: back, metadata } = await roundTrip(mixedTable(), 'csv');
    expect(back.column('price')).toEqual(Float64Array.from([1.5, -2.25, 1e300]));
    expect(back.column('count')).toEqual(Float64Array.from([1, -7, 2147483647]));
    expect(Array.from(back.column('name') as unknown as ArrayLike<string>)).toEqual(['a', 'b,"quoted"', 'ü']);
    expect(Array.from(back.column('flag') as unknown as ArrayLike<boolean>)).toEqual([true, false, true]);
    expect(metadata).toMatchObject({ format: 'csv', rows: 3, columns: 5 });
    const gaps = await roundTrip(table({ maybe: [1, null, 3] }), 'csv');
    expect(gaps.table.column('maybe')).toEqual([1, null, 3]);
  });

  it('csv with typed: false leaves numeric columns as plain arrays', async () => {
    const { table: back } = await roundTrip(table({ x: [1, 2] }), 'csv', { typed: false });
    expect(back.column('x')).toEqual([1, 2]);
  });

  it('json loads the parsed value, and with table: true an arquero table', async () => {
    const path = work.file('value.json');
    const value = { spend: Float64Array.from([1, 2]), tags: new Set(['a']), nested: { at: 'x' } };
    class Value {
      @node() report(): typeof value {
        return value;
      }
      @node() echo(loaded: unknown): unknown {
        return loaded;
      }
    }
    const saved = await new Driver({}, Value).materialize([to.json({ id: 'save', dependencies: ['report'], path })]);
    expect(saved.metadata.save).toMatchObject({ format: 'json', path });
    expect(saved.metadata.save.rows).toBeUndefined();
    const loaded = await new Driver({}, Value).materialize([from.json({ target: 'loaded', path })], { additionalVars: ['echo'] });
    expect(loaded.results.echo).toEqual({ spend: [1, 2], tags: ['a'], nested: { at: 'x' } });

    const tablePath = work.file('table.json');
    await new Driver({}, Passthrough).materialize([to.json({ id: 'save', dependencies: ['copy'], path: tablePath })], {
      inputs: { rows: table({ a: [1, 2], b: ['x', 'y'] }) },
    });
    const back = await new Driver({}, Passthrough).materialize([from.json({ target: 'rows', path: tablePath, table: true })], {
      additionalVars: ['copy'],
    });
    expect((back.results.copy as ColumnTable).objects()).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });

  it('a saver combines several dependencies into one table by default, or with the result builder given', async () => {
    class Columns {
      @node() a(): Float64Array {
        return Float64Array.from([1, 2]);
      }
      @node() b(a: Float64Array): Float64Array {
        return a.map((v) => v * 10);
      }
    }
    const path = work.file('ab.parquet');
    const jsonPath = work.file('ab.json');
    const { metadata } = await new Driver({}, Columns).materialize([
      to.parquet({ id: 'table', dependencies: ['a', 'b'], path }),
      to.json({ id: 'record', dependencies: ['a', 'b'], path: jsonPath, combine: new DictResult() }),
    ]);
    expect(metadata.table).toMatchObject({ rows: 2, columns: 2 });
    const { results } = await new Driver({}, Passthrough).materialize([from.parquet({ target: 'rows', path })], {
      additionalVars: ['copy'],
    });
    expect((results.copy as ColumnTable).column('b')).toEqual(Float64Array.from([10, 20]));
    const record = await new Driver({}, Passthrough).materialize([from.json({ target: 'rows', path: jsonPath })], {
      additionalVars: ['copy'],
    });
    expect(record.results.copy).toEqual({ a: [1, 2], b: [10, 20] });
  });

  it('a save replaces an existing file whole, creating missing directories', async () => {
    const path = work.file('deep/er/out.csv');
    const save = (rows: ColumnTable) =>
      new Driver({}, Passthrough).materialize([to.csv({ id: 'save', dependencies: ['copy'], path })], { inputs: { rows } });
    await save(table({ x: [1, 2, 3, 4] }));
    await save(table({ x: [9] }));
    const { results } = await new Driver({}, Passthrough).materialize([from.csv({ target: 'rows', path })], { additionalVars: ['copy'] });
    expect((results.copy as ColumnTable).objects()).toEqual([{ x: 9 }]);
  });
});
