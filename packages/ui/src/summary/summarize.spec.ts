import { describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { summarize } from './summarize.js';

describe('summarize scalars', () => {
  it('keeps numbers, booleans, bigints and null-ish values as they are', () => {
    expect(summarize(1.5)).toEqual({ kind: 'number', type: 'number', value: 1.5 });
    expect(summarize(true)).toEqual({ kind: 'boolean', type: 'boolean', value: true });
    expect(summarize(false)).toEqual({ kind: 'boolean', type: 'boolean', value: false });
    expect(summarize(12n)).toEqual({ kind: 'bigint', type: 'bigint', value: '12' });
    expect(summarize(null)).toEqual({ kind: 'null', type: 'null' });
    expect(summarize(undefined)).toEqual({ kind: 'null', type: 'undefined' });
  });

  it('writes non-finite numbers as text, so they survive JSON', () => {
    expect(summarize(Number.NaN)).toEqual({ kind: 'number', type: 'number', value: 'NaN' });
    expect(summarize(-Infinity)).toEqual({ kind: 'number', type: 'number', value: '-Infinity' });
  });

  it('gives a string its length and a preview that does not cut a surrogate pair', () => {
    expect(summarize('hello')).toEqual({ kind: 'string', type: 'string', length: 5, preview: 'hello' });
    const long = 'x'.repeat(200);
    expect(summarize(long)).toEqual({ kind: 'string', type: 'string', length: 200, preview: `${'x'.repeat(80)}…` });
    const emoji = `${'a'.repeat(79)}😀tail`;
    expect(summarize(emoji).preview).toBe(`${'a'.repeat(79)}…`);
    expect(summarize('abcdef', { previewLength: 3 }).preview).toBe('abc…');
  });

  it('caps the digits of a huge bigint and says so', () => {
    const summary = summarize(10n ** 200n);
    expect(summary).toMatchObject({ kind: 'bigint', length: 201, skipped: '201 digits, the first 80 kept' });
    expect(String(summary.value)).toHaveLength(81);
  });

  it('describes dates, symbols and functions', () => {
    expect(summarize(new Date(0))).toEqual({ kind: 'date', type: 'Date', value: '1970-01-01T00:00:00.000Z' });
    expect(summarize(new Date(Number.NaN))).toEqual({ kind: 'date', type: 'Date', value: 'Invalid Date' });
    expect(summarize(Symbol('tag'))).toEqual({ kind: 'object', type: 'symbol', preview: 'tag' });
    expect(summarize(function named() {})).toEqual({ kind: 'function', type: 'Function', preview: 'named' });
    expect(summarize(async () => 1)).toMatchObject({ kind: 'function', type: 'AsyncFunction' });
  });
});

describe('summarize arrays', () => {
  it('gives a typed array its length, min, max, mean and NaN count', () => {
    expect(summarize(new Float64Array([1, 2, Number.NaN, 5]))).toEqual({
      kind: 'array',
      type: 'Float64Array',
      length: 4,
      min: 1,
      max: 5,
      mean: 8 / 3,
      nanCount: 1,
    });
    expect(summarize(new Int32Array([-3, 7]))).toMatchObject({ type: 'Int32Array', min: -3, max: 7, mean: 2, nanCount: 0 });
  });

  it('leaves min/max/mean out when there is nothing to average', () => {
    expect(summarize(new Float64Array(0))).toEqual({ kind: 'array', type: 'Float64Array', length: 0, nanCount: 0 });
    expect(summarize(new Float32Array([Number.NaN, Number.NaN]))).toEqual({ kind: 'array', type: 'Float32Array', length: 2, nanCount: 2 });
  });

  it('keeps infinities in min and max, and a mean of opposite infinities is NaN without counting a NaN, all in words', () => {
    expect(summarize(new Float64Array([Infinity, -Infinity, 1]))).toEqual({
      kind: 'array',
      type: 'Float64Array',
      length: 3,
      min: '-Infinity',
      max: 'Infinity',
      mean: 'NaN',
      nanCount: 0,
    });
    expect(summarize([1, Infinity, null])).toMatchObject({ min: 1, max: 'Infinity', mean: 'Infinity' });
  });

  it('gives non-finite stats of a table column in words, which JSON keeps', () => {
    const summary = summarize(aq.table({ x: new Float64Array([-Infinity, 2, Number.NaN]) }));
    expect(summary.columnSummaries!.x).toMatchObject({ min: '-Infinity', max: 2, mean: '-Infinity', nanCount: 1 });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('scans at most maxElements and says what was skipped', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(summarize(values, { maxElements: 10 })).toEqual({
      kind: 'array',
      type: 'Float64Array',
      length: 100,
      min: 0,
      max: 9,
      mean: 4.5,
      nanCount: 0,
      skipped: 'min/max/mean over the first 10 of 100 elements',
    });
  });

  it('gives 64-bit integer arrays and DataViews their size only', () => {
    expect(summarize(new BigInt64Array(3))).toEqual({ kind: 'array', type: 'BigInt64Array', length: 3 });
    expect(summarize(new DataView(new ArrayBuffer(8)))).toEqual({ kind: 'object', type: 'DataView', length: 8 });
  });

  it('summarises number arrays, passing over null and undefined', () => {
    expect(summarize([3, null, 1, undefined, Number.NaN])).toEqual({
      kind: 'array',
      type: 'Array',
      length: 5,
      min: 1,
      max: 3,
      mean: 2,
      nanCount: 1,
    });
    expect(summarize([1, 2, 3], { maxElements: 2 })).toMatchObject({ max: 2, skipped: 'min/max/mean over the first 2 of 3 elements' });
  });

  it('gives other arrays their length only, never their contents', () => {
    expect(summarize(['a', 'b'])).toEqual({ kind: 'array', type: 'Array', length: 2 });
    expect(summarize([1, 'two'])).toEqual({ kind: 'array', type: 'Array', length: 2 });
    expect(summarize([null, null])).toEqual({ kind: 'array', type: 'Array', length: 2 });
    expect(summarize(new Array(5))).toEqual({ kind: 'array', type: 'Array', length: 5 });
  });
});

describe('summarize arquero tables', () => {
  it('gives rows, columns and a summary per column', () => {
    const table = aq.table({ x: new Float64Array([1, 2, 3]), label: ['a', 'b', 'c'], n: [4, null, 6] });
    expect(summarize(table)).toEqual({
      kind: 'table',
      type: 'ColumnTable',
      rows: 3,
      columns: 3,
      columnSummaries: {
        x: { kind: 'array', type: 'Float64Array', length: 3, min: 1, max: 3, mean: 2, nanCount: 0 },
        label: { kind: 'array', type: 'Array', length: 3 },
        n: { kind: 'array', type: 'Array', length: 3, min: 4, max: 6, mean: 5, nanCount: 0 },
      },
    });
  });

  it('describes the rows of a filtered or ordered table, not its backing data', () => {
    const table = aq.table({ x: new Float64Array([1, 2, 3, 4]) });
    const kept = table.filter((d: { x: number }) => d.x > 2);
    expect(summarize(kept)).toMatchObject({ rows: 2, columnSummaries: { x: { length: 2, min: 3, max: 4, mean: 3.5 } } });
    expect(summarize(table.orderby(aq.desc('x')))).toMatchObject({ rows: 4, columnSummaries: { x: { min: 1, max: 4 } } });
  });

  it('summarises at most maxColumns columns and shares maxElements between them', () => {
    const columns = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`c${i}`, Float64Array.from({ length: 10 }, (_, j) => j)]));
    const summary = summarize(aq.table(columns), { maxColumns: 2, maxElements: 8 });
    expect(summary).toMatchObject({ rows: 10, columns: 5, skipped: 'summarised the first 2 of 5 columns' });
    expect(Object.keys(summary.columnSummaries!)).toEqual(['c0', 'c1']);
    expect(summary.columnSummaries!.c0).toMatchObject({ max: 3, skipped: 'min/max/mean over the first 4 of 10 rows' });
  });

  it('reads columns loaded from Arrow', () => {
    const table = aq.fromArrow(aq.table({ x: new Float64Array([2, 4]) }).toArrowIPC());
    expect(summarize(table)).toMatchObject({ rows: 2, columnSummaries: { x: { length: 2, min: 2, max: 4, mean: 3 } } });
  });
});

describe('summarize other objects', () => {
  it('names the type and counts, never showing contents', () => {
    class Account {
      secret = 'hunter2';
      id = 1;
    }
    expect(summarize(new Account())).toEqual({ kind: 'object', type: 'Account', columns: 2 });
    expect(summarize({ a: 1, b: { c: 2 } })).toEqual({ kind: 'object', type: 'Object', columns: 2 });
    expect(summarize(Object.create(null))).toEqual({ kind: 'object', type: 'Object', columns: 0 });
    expect(summarize(new Map([[1, 2]]))).toEqual({ kind: 'object', type: 'Map', length: 1 });
    expect(summarize(new Set([1, 2, 3]))).toEqual({ kind: 'object', type: 'Set', length: 3 });
    expect(summarize(new ArrayBuffer(16))).toEqual({ kind: 'object', type: 'ArrayBuffer', length: 16 });
    expect(summarize(Promise.resolve(1))).toEqual({ kind: 'object', type: 'Promise', columns: 0 });
    expect(summarize(new RangeError('bad'))).toEqual({ kind: 'object', type: 'RangeError', preview: 'bad' });
    expect(JSON.stringify(summarize(new Account()))).not.toContain('hunter2');
  });

  it('counts the keys of a huge object up to a bound', () => {
    const big: Record<string, number> = {};
    for (let i = 0; i < 100_005; i++) big[`k${i}`] = i;
    expect(summarize(big)).toEqual({ kind: 'object', type: 'Object', columns: 100_000, skipped: 'keys counted up to 100,000' });
  });
});

describe('summarize hostile values', () => {
  it('never throws: proxies whose traps throw, getters that throw, cycles', () => {
    const throwing = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('no prototype');
        },
        ownKeys() {
          throw new Error('no keys');
        },
        get() {
          throw new Error('no get');
        },
      },
    );
    expect(summarize(throwing)).toMatchObject({ kind: 'object', type: 'Object', skipped: expect.stringContaining('not summarised') });
    const arrayProxy = new Proxy([1, 2, 3], {
      get(target, key) {
        if (key === '1') throw new Error('element 1 is cursed');
        return Reflect.get(target, key);
      },
    });
    expect(summarize(arrayProxy)).toMatchObject({ kind: 'object', skipped: 'not summarised: element 1 is cursed' });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(summarize(cyclic)).toEqual({ kind: 'object', type: 'Object', columns: 2 });
    class Sneaky {
      get boom(): never {
        throw new Error('getter');
      }
      static get name(): string {
        throw new Error('no name');
      }
    }
    expect(summarize(new Sneaky())).toEqual({ kind: 'object', type: 'Object', columns: 0 });
    const fn = new Proxy(() => 1, {
      getOwnPropertyDescriptor() {
        throw new Error('no descriptor');
      },
    });
    expect(summarize(fn)).toEqual({ kind: 'function', type: 'Function' });
  });

  it('ignores limits that are not positive numbers', () => {
    expect(summarize('abc', { previewLength: -1 })).toMatchObject({ preview: 'abc' });
    expect(summarize(new Float64Array([1, 2]), { maxElements: Number.NaN })).toMatchObject({ max: 2 });
  });
});
