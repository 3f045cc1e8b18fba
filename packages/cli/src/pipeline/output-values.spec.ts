import { SimpleTableGraphAdapter } from '@hamilton-ts/adapters';
import { describe, expect, it } from '@jest/globals';
import { type OutputTable, outputsJson, tableText } from './output-values.js';

const tableOf = (outputs: Record<string, unknown>): OutputTable => new SimpleTableGraphAdapter().buildResult(outputs);

describe('outputsJson', () => {
  it('writes typed arrays as arrays (the doc example)', () => {
    expect(outputsJson({ spend: new Float64Array([1, 2]), total: 3 })).toBe('{"spend":[1,2],"total":3}');
  });

  it('writes bigints, Maps, Sets, Dates, NaN and tables in JSON forms', () => {
    const outputs = {
      ids: new BigInt64Array([1n, 2n ** 62n]),
      count: 5n,
      byRegion: new Map([['EU', 1]]),
      regions: new Set(['EU', 'US']),
      day: new Date('2024-01-01T00:00:00Z'),
      ratio: Number.NaN,
      rows: tableOf({ a: [1, 2] }),
    };
    expect(JSON.parse(outputsJson(outputs))).toEqual({
      ids: [1, '4611686018427387904'],
      count: 5,
      byRegion: { EU: 1 },
      regions: ['EU', 'US'],
      day: '2024-01-01T00:00:00.000Z',
      ratio: null,
      rows: [{ a: 1 }, { a: 2 }],
    });
  });
});

describe('tableText', () => {
  const table = tableOf({ spend: new Float64Array([1, 22.5, 3]), region: ['EU', 'US', 'EU'], total: 26.5 });

  it('aligns numeric columns right and others left, every row', () => {
    expect(tableText(table)).toBe(
      ['spend  region  total', '    1  EU       26.5', ' 22.5  US       26.5', '    3  EU       26.5', ''].join('\n'),
    );
  });

  it('prints the first --limit rows and says how many are left out', () => {
    expect(tableText(table, 2)).toBe(
      [
        'spend  region  total',
        '    1  EU       26.5',
        ' 22.5  US       26.5',
        '… 1 more row (--limit 2); drop --limit to print all 3',
        '',
      ].join('\n'),
    );
    expect(tableText(table, 3)).toBe(tableText(table));
  });
});
