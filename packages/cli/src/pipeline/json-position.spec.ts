import { describe, expect, it } from '@jest/globals';
import { jsonErrorPosition, jsonErrorReason, lineAndColumn } from './json-position.js';

/** V8's message for `text`, which must not parse. */
function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} parsed`);
}

describe('jsonErrorPosition', () => {
  it.each<[string, string, number]>([
    ['an unquoted key (V8 states the position)', '{x: 1}', 1],
    ['a trailing comma in an array (V8 does not)', '[1, 2,]', 6],
    ['a bare word as a value (V8 does not)', '{"a": nope}', 7],
    ['NaN, which JSON lacks', '{"a": NaN}', 6],
    ['an unterminated document', '{"a": [1, 2', 11],
    ['an empty document', '', 0],
    ['text after the document', '{"a": 1} x', 9],
  ])('finds %s', (_case, text, position) => {
    expect(jsonErrorPosition(text, parseError(text))).toBe(position);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('{\n  "a": [1 2]\n}', 12)).toEqual({ line: 2, column: 11 });
    expect(lineAndColumn('[1, 2,]', 6)).toEqual({ line: 1, column: 7 });
  });
});

describe('jsonErrorReason', () => {
  it("drops V8's position and its echo of the text, shortened or not", () => {
    expect(jsonErrorReason("Expected property name or '}' in JSON at position 1")).toBe("Expected property name or '}'");
    expect(jsonErrorReason(`Unexpected token ']', "[1, 2,]" is not valid JSON`)).toBe("Unexpected token ']'");
    expect(jsonErrorReason(`Unexpected token ']', ..."s": [1, 2,]}" is not valid JSON`)).toBe("Unexpected token ']'");
    expect(jsonErrorReason('Unexpected end of JSON input')).toBe('Unexpected end of JSON input');
  });
});
