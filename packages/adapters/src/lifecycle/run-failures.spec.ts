import { describe, expect, it } from '@jest/globals';
import { errorMatcher } from './error-matcher.js';
import { RunFailures } from './run-failures.js';

describe('RunFailures', () => {
  it('answers for the latest run started, and forgets the oldest runs past its limit', () => {
    const store = new RunFailures(2);
    expect(store.of()).toEqual([]);
    for (const runId of ['r1', 'r2', 'r3']) {
      store.begin(runId);
      store.add({ runId, node: 'n', error: runId });
    }
    expect(store.of()).toEqual([{ runId: 'r3', node: 'n', error: 'r3' }]);
    expect(store.of('r2')).toEqual([{ runId: 'r2', node: 'n', error: 'r2' }]);
    expect(store.of('r1')).toEqual([]);
  });

  it('hands out copies', () => {
    const store = new RunFailures(1);
    store.begin('r');
    (store.of() as unknown[]).push('x');
    expect(store.of()).toEqual([]);
  });
});

describe('errorMatcher', () => {
  it('matches every thrown value without types', () => {
    expect(errorMatcher(undefined)('anything')).toBe(true);
  });

  it('matches by instanceof or by name, and nothing else', () => {
    const matches = errorMatcher([RangeError]);
    expect(matches(new RangeError('x'))).toBe(true);
    expect(matches(Object.assign(new Error('x'), { name: 'RangeError' }))).toBe(true);
    expect(matches(new TypeError('x'))).toBe(false);
    expect(matches('RangeError')).toBe(false);
    expect(matches(null)).toBe(false);
  });
});
