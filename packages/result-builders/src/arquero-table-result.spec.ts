import { describe, expect, it } from '@jest/globals';
import { ColumnTable, table } from 'arquero';
import { ArqueroTableResult } from './arquero-table-result.js';

const build = (outputs: Record<string, unknown>): ColumnTable => new ArqueroTableResult().buildResult(outputs);

describe('ArqueroTableResult', () => {
  it('makes equal-length arrays columns, in the key order of the record', () => {
    const t = build({ spend: [10, 20, 30], channel: ['tv', 'radio', 'web'] });
    expect(t.columnNames()).toEqual(['spend', 'channel']);
    expect(t.objects()).toEqual([
      { spend: 10, channel: 'tv' },
      { spend: 20, channel: 'radio' },
      { spend: 30, channel: 'web' },
    ]);
  });

  it('uses typed arrays without copying them', () => {
    const spend = new Float64Array([1.5, 2.5, 3.5]);
    const ids = new Int32Array([7, 8, 9]);
    const t = build({ spend, ids });
    // In arquero 8, column() hands back the backing array itself.
    expect(t.column('spend')).toBe(spend);
    expect(t.column('ids')).toBe(ids);
    expect((t.column('spend') as Float64Array).buffer).toBe(spend.buffer);
    spend[0] = 99; // a write through the caller's array is visible in the table: same memory
    expect(t.getter('spend')(0)).toBe(99);
  });

  it('keeps a large typed array zero-copy (sanity check, not a timing)', () => {
    const big = new Float64Array(1_000_000).fill(1);
    const t = build({ big, label: 'x' });
    expect(t.column('big')).toBe(big);
    expect(t.numRows()).toBe(1_000_000);
  });

  it('broadcasts every kind of scalar to the common length', () => {
    const when = new Date(0);
    const tags = new Set(['a']);
    const outputs = { x: [1, 2], n: 3, s: 'eu', b: true, big: 5n, nil: null, when, u: undefined, tags };
    const t = build(outputs);
    expect(t.numRows()).toBe(2);
    for (const row of [0, 1]) {
      expect(t.get('n', row)).toBe(3);
      expect(t.get('s', row)).toBe('eu');
      expect(t.get('b', row)).toBe(true);
      expect(t.get('big', row)).toBe(5n);
      expect(t.get('nil', row)).toBeNull();
      expect(t.get('when', row)).toBe(when);
      expect(t.get('u', row)).toBeUndefined();
      expect(t.get('tags', row)).toBe(tags);
    }
    expect(t.columnNames()).toEqual(Object.keys(outputs));
  });

  it('treats a DataView, a Map and a string as scalars, not columns', () => {
    const view = new DataView(new ArrayBuffer(8));
    const map = new Map([['k', 1]]);
    const t = build({ x: [1, 2, 3], view, map, word: 'abc' });
    expect(t.numRows()).toBe(3);
    expect(t.array('view')).toEqual([view, view, view]);
    expect(t.get('map', 2)).toBe(map);
    expect(t.get('word', 1)).toBe('abc');
  });

  it('makes a one-row table when every output is a scalar', () => {
    expect(build({ total: 6, region: 'EU' }).objects()).toEqual([{ total: 6, region: 'EU' }]);
  });

  it('takes the length of empty columns too: scalars then have no rows', () => {
    const t = build({ x: [], label: 'x' });
    expect(t.numRows()).toBe(0);
    expect(t.columnNames()).toEqual(['x', 'label']);
  });

  it('returns an empty table for an empty record', () => {
    const t = build({});
    expect(t).toBeInstanceOf(ColumnTable);
    expect(t.numRows()).toBe(0);
    expect(t.numCols()).toBe(0);
  });

  it('returns a single table output as is', () => {
    const only = table({ a: [1, 2] });
    expect(build({ only })).toBe(only);
    const filtered = only.filter((d: { a: number }) => d.a > 1);
    expect(build({ filtered })).toBe(filtered);
  });

  it('flattens a table among other outputs to output.column, reusing its columns', () => {
    const a = new Float64Array([1, 2]);
    const stats = table({ a, b: ['p', 'q'] });
    const t = build({ stats, k: 0, z: [5, 6] });
    expect(t.columnNames()).toEqual(['stats.a', 'stats.b', 'k', 'z']);
    expect(t.column('stats.a')).toBe(a);
    expect(t.objects()[1]).toEqual({ 'stats.a': 2, 'stats.b': 'q', k: 0, z: 6 });
  });

  it('flattens only the visible rows, in order, of a filtered or ordered table', () => {
    const visible = table({ a: [3, 1, 2, 4] })
      .filter((d: { a: number }) => d.a > 1)
      .orderby('a');
    const t = build({ visible, tag: 't' });
    expect(t.array('visible.a')).toEqual([2, 3, 4]);
    expect(t.array('tag')).toEqual(['t', 't', 't']);
  });

  it('lets a table without columns contribute nothing', () => {
    const t = build({ empty: table({}), x: [1, 2] });
    expect(t.columnNames()).toEqual(['x']);
  });

  it('flattens a record of columns to output.key, reusing typed arrays', () => {
    const low = new Float32Array([1, 2]);
    const t = build({ band: { low, high: [3, 4] }, id: ['a', 'b'] });
    expect(t.columnNames()).toEqual(['band.low', 'band.high', 'id']);
    expect(t.column('band.low')).toBe(low);
    expect(t.get('band.high', 1)).toBe(4);
  });

  it('keeps an object that is not a record of columns as one scalar value', () => {
    const config = { name: 'q3', weights: [1, 2] };
    const t = build({ x: [1, 2], config, none: {} });
    expect(t.columnNames()).toEqual(['x', 'config', 'none']);
    expect(t.get('config', 1)).toBe(config);
    expect(t.get('none', 0)).toEqual({});
  });
});
