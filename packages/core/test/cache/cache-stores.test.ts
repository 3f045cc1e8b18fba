import 'reflect-metadata';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { Builder, cache, node } from '../../src/index.js';
import { cacheDirectory, statuses, withWarnings } from './cache-support.js';

let dir: ReturnType<typeof cacheDirectory>;
let produced: unknown;
let runs = 0;

class Producer {
  @node() value(seed: number): unknown {
    runs++;
    return seed >= 0 ? produced : undefined;
  }
  @node() @cache({ format: 'json' }) asJson(seed: number): unknown {
    return seed >= 0 ? produced : undefined;
  }
  @node() @cache({ format: 'parquet' }) asParquet(seed: number): unknown {
    return seed >= 0 ? produced : undefined;
  }
}

beforeEach(() => {
  dir = cacheDirectory();
  runs = 0;
});
afterEach(() => dir.cleanup());

const build = () => new Builder().withModules(Producer).withCache({ path: dir.path }).build();
/** The result files, once the writes pending are done. */
const resultFiles = async () => {
  await build().cache.flush();
  return readdirSync(join(dir.path, 'results'));
};

describe('stored results', () => {
  it.each([
    ['a Float64Array', Float64Array.of(1.5, -0, Number.NaN)],
    ['an Int32Array', Int32Array.of(1, -2, 3)],
    ['a BigInt64Array', BigInt64Array.of(1n, -2n)],
    ['a Uint8Array', Uint8Array.of(1, 2, 255)],
    ['a table with typed and plain columns', aq.table({ x: Float64Array.of(1, 2), n: Int32Array.of(3, 4), s: ['a', 'b'] })],
    ['a record of JSON values', { a: 1, b: ['x', null], c: { d: true } }],
    ['Dates, Maps, Sets, bigints and NaN', { when: new Date(7), m: new Map([['k', 1n]]), s: new Set([1, 2]), nan: Number.NaN }],
    ['a record holding typed arrays', { x: Float64Array.of(1, 2), y: [Int8Array.of(3)] }],
    ['a Buffer', Buffer.from('bytes')],
    ['a string', 'text'],
    ['undefined', undefined],
  ])('come back as the same types: %s', async (_what, value) => {
    produced = value;
    await build().rawExecute(['value'], { inputs: { seed: 1 } });
    const dr = build();
    const back = (await dr.rawExecute(['value'], { inputs: { seed: 1 } })).value;
    expect(statuses(dr.cache)).toEqual({ value: 'hit' });
    expect(runs).toBe(1);
    if (value instanceof aq.ColumnTable) {
      const table = back as aq.ColumnTable;
      expect(table.objects()).toEqual(value.objects());
      for (const name of value.columnNames())
        expect((table.column(name) as object).constructor).toBe((value.column(name) as object).constructor);
    } else {
      expect(back).toEqual(value);
      if (value !== null && typeof value === 'object') expect((back as object).constructor).toBe(value.constructor);
    }
  });

  it('are written in a format by type, or as @cache({ format }) says', async () => {
    produced = aq.table({ x: Float64Array.of(1, 2) });
    const dr = build();
    await dr.rawExecute(['value', 'asJson', 'asParquet'], { inputs: { seed: 1 } });
    expect((await resultFiles()).map((f) => f.split('.')[1]).sort()).toEqual(['arrow', 'parquet']);
    produced = { a: [1, 2] };
    await dr.rawExecute(['value'], { inputs: { seed: 2 } });
    expect((await resultFiles()).some((f) => f.endsWith('.json'))).toBe(true);
    const back = await build().rawExecute(['asParquet'], { inputs: { seed: 1 } });
    expect((back.asParquet as aq.ColumnTable).column('x')).toEqual(Float64Array.of(1, 2));
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['with a flipped byte', (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 3 ? b ^ 0xff : b)))],
    ['emptied', () => Buffer.alloc(0)],
  ])('a file %s gives a warning and a recompute, never a wrong value', async (_how, damage) => {
    produced = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    await build().rawExecute(['value'], { inputs: { seed: 1 } });
    const [file] = await resultFiles();
    writeFileSync(join(dir.path, 'results', file), damage(readFileSync(join(dir.path, 'results', file))));
    const dr = build();
    const { result, warnings } = await withWarnings(() => dr.rawExecute(['value'], { inputs: { seed: 1 } }));
    expect(result.value).toEqual(produced);
    expect(runs).toBe(2);
    expect(warnings).toEqual([
      expect.stringMatching(/the stored result of node "value" \(.*\.arrow\) could not be read .*computing it again/),
    ]);
    expect(statuses(dr.cache)).toEqual({ value: 'miss' });
    // The recomputed result was stored again: the next run hits.
    const again = build();
    await again.rawExecute(['value'], { inputs: { seed: 1 } });
    expect(statuses(again.cache)).toEqual({ value: 'hit' });
  });

  it('a missing file gives a warning and a recompute, also for a hit read lazily by a downstream node', async () => {
    class Chain {
      @node() base(x: number): Float64Array {
        runs++;
        return Float64Array.of(x, x);
      }
      @node() sum(base: Float64Array, bump: number): number {
        return base[0] + base[1] + bump;
      }
    }
    const chain = () => new Builder().withModules(Chain).withCache({ path: dir.path }).build();
    await chain().rawExecute(['sum'], { inputs: { x: 2, bump: 0 } });
    for (const file of await resultFiles()) if (file.endsWith('.arrow')) writeFileSync(join(dir.path, 'results', file), '');
    const dr = chain();
    const { result, warnings } = await withWarnings(() => dr.rawExecute(['sum'], { inputs: { x: 2, bump: 1 } }));
    expect(result).toEqual({ sum: 5 });
    expect(runs).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(statuses(dr.cache)).toEqual({ base: 'miss', sum: 'miss' });
  });

  it('leaves no temporary files behind', async () => {
    produced = { a: 1 };
    await build().rawExecute(['value', 'asJson'], { inputs: { seed: 1 } });
    expect((await resultFiles()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('closing a cache directory', () => {
  it('leaves the other drivers sharing it working: their next run reopens it and finds what was stored', async () => {
    produced = { a: 1 };
    const first = build();
    const second = build();
    await second.rawExecute(['value'], { inputs: { seed: 1 } });
    await first.rawExecute(['value'], { inputs: { seed: 1 } });
    await first.cache.close();
    const result = await second.rawExecute(['value'], { inputs: { seed: 1 } });
    expect(result).toEqual({ value: { a: 1 } });
    expect(statuses(second.cache)).toEqual({ value: 'hit' });
    expect(runs).toBe(1);
  });

  it('lets a driver reopen what it closed itself, even while another driver is closing it', async () => {
    produced = 'text';
    const dr = build();
    await dr.rawExecute(['value'], { inputs: { seed: 1 } });
    const closing = build().cache.close();
    const run = dr.rawExecute(['value'], { inputs: { seed: 1 } });
    await closing;
    expect(await run).toEqual({ value: 'text' });
    await dr.cache.close();
    expect(await dr.rawExecute(['value'], { inputs: { seed: 1 } })).toEqual({ value: 'text' });
    expect(statuses(dr.cache)).toEqual({ value: 'hit' });
    expect(runs).toBe(1);
  });
});
