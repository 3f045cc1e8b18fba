import { describe, expect, it } from '@jest/globals';
import { DictResult } from './dict-result.js';

describe('DictResult', () => {
  it('returns a shallow copy: a new record holding the very same values', () => {
    const spend = new Float64Array([1, 2, 3]);
    const outputs = { spend, total: 6, short: [1] };
    const result = new DictResult().buildResult(outputs);
    expect(result).toEqual(outputs);
    expect(result).not.toBe(outputs);
    expect(result.spend).toBe(spend);
    expect(Object.keys(result)).toEqual(['spend', 'total', 'short']);
  });

  it('does not check lengths and accepts an empty record', () => {
    expect(new DictResult().buildResult({ a: [1], b: [1, 2] })).toEqual({ a: [1], b: [1, 2] });
    expect(new DictResult().buildResult({})).toEqual({});
  });
});
