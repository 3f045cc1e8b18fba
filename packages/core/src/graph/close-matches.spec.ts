import { describe, expect, it } from '@jest/globals';
import { closeMatches, editDistance } from './close-matches.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('spend', 'spned')).toBe(2);
  });
});

describe('closeMatches', () => {
  const names = ['spendPerSignup', 'spendUsd', 'signups', 'signupsLastWeek', 'spend'];

  it('finds a case slip and a typo', () => {
    expect(closeMatches('spendPerSignUp', names)).toEqual(['spendPerSignup']);
    expect(closeMatches('spendUds', names)[0]).toBe('spendUsd');
    expect(closeMatches('signup', names)[0]).toBe('signups');
  });

  it('puts the closest first and keeps at most `limit`', () => {
    const found = closeMatches('spend', ['spend1', 'spend12', 'spendX', 'sped'], 2);
    expect(found).toHaveLength(2);
    expect(found).not.toContain('spend12');
  });

  it('suggests candidates that contain the name', () => {
    expect(closeMatches('LastWeek', names)).toContain('signupsLastWeek');
  });

  it('suggests nothing for an unrelated name', () => {
    expect(closeMatches('revenueForecast', names)).toEqual([]);
    expect(closeMatches('x', [])).toEqual([]);
  });
});
