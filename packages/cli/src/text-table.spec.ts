import { describe, expect, it } from '@jest/globals';
import { cellText, formatTextTable } from './text-table.js';

describe('formatTextTable', () => {
  it('pads columns to their widest cell, numbers to the right (the doc example)', () => {
    expect(
      formatTextTable([
        { header: 'NAME', cells: ['spend'] },
        { header: 'ROWS', cells: ['52'], align: 'right' },
      ]),
    ).toBe('NAME   ROWS\nspend    52\n');
  });

  it('leaves no trailing spaces, and gives a short column empty cells', () => {
    const text = formatTextTable([
      { header: 'A', cells: ['x', 'longer'] },
      { header: 'B', cells: ['1'] },
    ]);
    expect(text).toBe('A       B\nx       1\nlonger\n');
  });

  it('prints the header alone for no rows', () => {
    expect(formatTextTable([{ header: 'NAME', cells: [] }])).toBe('NAME\n');
  });
});

describe('cellText', () => {
  it.each<[string, unknown, string]>([
    ['a number as JavaScript writes it', 0.1 + 0.2, '0.30000000000000004'],
    ['NaN', Number.NaN, 'NaN'],
    ['a bigint', 2n ** 64n, '18446744073709551616'],
    ['null and undefined as empty', null, ''],
    ['a Date in ISO form', new Date('2024-01-01T00:00:00Z'), '2024-01-01T00:00:00.000Z'],
    ['an object as JSON, bigints as text', { a: [1, 2], b: 3n }, '{"a":[1,2],"b":"3"}'],
    ['a string with a newline, escaped to stay on its row', 'two\nlines', 'two\\nlines'],
  ])('writes %s', (_case, value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
