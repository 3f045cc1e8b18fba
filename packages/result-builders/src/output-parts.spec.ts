import { describe, expect, it } from '@jest/globals';
import { isColumn, isColumnRecord, toOutputPart } from './output-parts.js';

describe('isColumn', () => {
  it('accepts arrays and typed arrays only', () => {
    for (const column of [[], [1], new Float64Array(2), new BigInt64Array(1), new Uint8Array(0)]) {
      expect(isColumn(column)).toBe(true);
    }
    for (const scalar of [new DataView(new ArrayBuffer(1)), new Set([1]), new Map(), 'abc', { length: 2 }, null, 3]) {
      expect(isColumn(scalar)).toBe(false);
    }
  });
});

describe('isColumnRecord', () => {
  it('accepts a non-empty plain object of columns, whatever their lengths', () => {
    expect(isColumnRecord({ a: [1], b: new Int8Array(2) })).toBe(true);
    expect(isColumnRecord(Object.assign(Object.create(null), { a: [1] }))).toBe(true);
  });

  it('rejects empty objects, mixed values, class instances and arrays', () => {
    expect(isColumnRecord({})).toBe(false);
    expect(isColumnRecord({ a: [1], b: 2 })).toBe(false);
    expect(
      isColumnRecord(
        new (class Box {
          a = [1];
        })(),
      ),
    ).toBe(false);
    expect(isColumnRecord([[1]])).toBe(false);
  });
});

describe('toOutputPart', () => {
  it('classifies columns, records of columns and scalars', () => {
    expect(toOutputPart('x', [1, 2])).toMatchObject({ kind: 'columns', lengths: [['x', 2]] });
    expect(toOutputPart('r', { a: [1] })).toMatchObject({ kind: 'columns', lengths: [['r.a', 1]] });
    expect(toOutputPart('s', 'v')).toEqual({ kind: 'scalar', output: 's', value: 'v' });
  });
});
