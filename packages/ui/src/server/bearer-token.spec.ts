import { describe, expect, it } from '@jest/globals';
import { carriesToken } from './bearer-token.js';

describe('carriesToken', () => {
  const token = 'correct-horse-battery-staple';
  it('accepts the token after Bearer, whatever the scheme case', () => {
    expect(carriesToken(`Bearer ${token}`, token)).toBe(true);
    expect(carriesToken(`bearer ${token}`, token)).toBe(true);
  });
  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another token', 'Bearer correct-horse-battery-stapler'],
    ['a prefix of it', 'Bearer correct-horse'],
    ['another scheme', `Basic ${token}`],
    ['the bare token', token],
    ['two tokens', `Bearer ${token} ${token}`],
  ])('refuses %s', (_, header) => {
    expect(carriesToken(header, token)).toBe(false);
  });
});
