import { describe, expect, it } from '@jest/globals';
import { fromArrow } from 'arquero';
import * as api from './index.js';
import { ArqueroTableResult, ArrowResult, DictResult, HamiltonError, ResultBuildError, type ResultBuilder } from './index.js';

// Runs the @example of every public symbol, through the public entry point.
describe('public API examples', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(['ArqueroTableResult', 'ArrowResult', 'DictResult', 'HamiltonError', 'ResultBuildError']);
  });

  it('ResultBuilder: a custom builder', async () => {
    class SumResult implements ResultBuilder<number> {
      buildResult(outputs: Record<string, unknown>): number {
        return Object.values(outputs).reduce<number>((sum, v) => sum + Number(v), 0);
      }
    }
    expect(await new SumResult().buildResult({ a: 1, b: 2 })).toBe(3);
  });

  it('ArqueroTableResult', () => {
    const t = new ArqueroTableResult().buildResult({ spend: new Float64Array([1, 2]), region: 'EU' });
    expect(t.objects()).toEqual([
      { spend: 1, region: 'EU' },
      { spend: 2, region: 'EU' },
    ]);
  });

  it('DictResult', () => {
    expect(new DictResult().buildResult({ spend: [1, 2, 3], total: 6 })).toEqual({ spend: [1, 2, 3], total: 6 });
  });

  it('ArrowResult', () => {
    const bytes = new ArrowResult().buildResult({ spend: new Float64Array([1, 2]) });
    expect(fromArrow(bytes).array('spend')).toEqual([1, 2]);
  });

  it('ResultBuildError and HamiltonError', () => {
    let caught: unknown;
    try {
      new ArqueroTableResult().buildResult({ spend: [1, 2, 3], signups: [1, 2, 3, 4] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ResultBuildError);
    expect(caught).toBeInstanceOf(HamiltonError);
    expect((caught as ResultBuildError).lengths).toEqual({ spend: 3, signups: 4 });
  });
});
