import { describe, expect, it } from '@jest/globals';
import { utf8Text } from './utf8-text.js';

describe('utf8Text', () => {
  it('decodes UTF-8, dropping a leading byte-order mark as TextDecoder does', () => {
    const bytes = new TextEncoder().encode('\uFEFFa,ü\n1,€\n');
    expect(utf8Text(bytes)).toBe(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    expect(utf8Text(bytes)).toBe('a,ü\n1,€\n');
  });

  it('reads the view it is given, not the whole buffer behind it', () => {
    const whole = new TextEncoder().encode('skip:kept');
    expect(utf8Text(whole.subarray(5))).toBe('kept');
  });

  it('refuses bytes that are not UTF-8, saying what to do', () => {
    expect(() => utf8Text(Uint8Array.from([0x61, 0xff, 0xfe]))).toThrow(/not valid UTF-8 text; convert it to UTF-8/);
  });
});
