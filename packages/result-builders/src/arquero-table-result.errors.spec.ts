import { describe, expect, it } from '@jest/globals';
import { table } from 'arquero';
import { ArqueroTableResult } from './arquero-table-result.js';
import { HamiltonError } from './errors/hamilton-error.js';
import { ResultBuildError } from './errors/result-build-error.js';

function buildError(outputs: Record<string, unknown>): ResultBuildError {
  try {
    new ArqueroTableResult().buildResult(outputs);
  } catch (e) {
    if (e instanceof ResultBuildError) return e;
    throw e;
  }
  throw new Error('expected a ResultBuildError');
}

describe('ArqueroTableResult errors', () => {
  it('names every output and its length when lengths differ', () => {
    const e = buildError({ spend: [1, 2, 3], signups: new Int32Array(4), region: 'EU' });
    expect(e).toBeInstanceOf(HamiltonError);
    expect(e.name).toBe('ResultBuildError');
    expect(e.message).toBe(
      'outputs have different lengths: spend (3), signups (4), region (scalar); make every array output ' +
        'the same length, return a scalar to broadcast one value to every row, or use DictResult to keep the outputs apart',
    );
    expect(e.lengths).toEqual({ spend: 3, signups: 4 });
    expect(e.duplicateColumns).toEqual([]);
  });

  it('reports a table output by its name and row count', () => {
    const e = buildError({ stats: table({ a: [1, 2] }), z: [1, 2, 3] });
    expect(e.message).toContain('stats (2), z (3)');
    expect(e.lengths).toEqual({ stats: 2, z: 3 });
  });

  it('reports each column of a record of columns', () => {
    const e = buildError({ band: { low: [1, 2], high: [1, 2, 3] } });
    expect(e.message).toContain('band.low (2), band.high (3)');
    expect(e.lengths).toEqual({ 'band.low': 2, 'band.high': 3 });
  });

  it('rejects two outputs that would produce the same column', () => {
    const e = buildError({ 'a.b': [1, 2], a: table({ b: [3, 4] }) });
    expect(e.message).toBe(
      'column "a.b" is produced by more than one output (a.b, a); rename one of the outputs so every column name is unique',
    );
    expect(e.duplicateColumns).toEqual(['a.b']);
  });

  it('reports every problem at once', () => {
    const e = buildError({ 'm.x': 1, m: { x: [1], y: [1, 2] } });
    expect(e.problems).toHaveLength(2);
    expect(e.message).toMatch(
      /^the result table cannot be built \(2 problems\):\n {2}- outputs have different lengths: m\.x \(scalar\), m\.x \(1\), m\.y \(2\);.*\n {2}- column "m\.x"/,
    );
  });
});
