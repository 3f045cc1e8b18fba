import { describe, expect, it } from '@jest/globals';
import { formatDuration } from './format-duration.js';
import { StartTimes } from './start-times.js';

describe('StartTimes', () => {
  it('matches a finish to its own start by the kwargs object, whatever the order', () => {
    const starts = new StartTimes();
    const one = {};
    const two = {};
    starts.start('r', 'n', one, 0);
    starts.start('r', 'n', two, 5);
    expect(starts.finish('r', 'n', two, 6)).toBe(1);
    expect(starts.finish('r', 'n', one, 10)).toBe(10);
    expect(starts.pending).toBe(0);
  });

  it('keeps runs and node names apart', () => {
    const starts = new StartTimes();
    const kwargs = {};
    starts.start('r1', 'n', kwargs, 0);
    starts.start('r2', 'n', kwargs, 3);
    starts.start('r1', 'm', kwargs, 4);
    expect(starts.finish('r2', 'n', kwargs, 10)).toBe(7);
    expect(starts.finish('r1', 'm', kwargs, 10)).toBe(6);
    expect(starts.finish('r1', 'n', kwargs, 10)).toBe(10);
  });

  it('takes the oldest start when no start has the same kwargs, and undefined when none is left', () => {
    const starts = new StartTimes();
    starts.start('r', 'n', {}, 1);
    starts.start('r', 'n', {}, 2);
    expect(starts.finish('r', 'n', {}, 10)).toBe(9);
    expect(starts.finish('r', 'n', {}, 10)).toBe(8);
    expect(starts.finish('r', 'n', {}, 10)).toBeUndefined();
  });

  it('forgets what is left of a run', () => {
    const starts = new StartTimes();
    starts.start('r', 'n', {}, 1);
    starts.start('other', 'n', {}, 1);
    starts.forget('r');
    expect(starts.pending).toBe(1);
  });
});

describe('formatDuration', () => {
  it('shows two decimals below 100 ms and one from there on', () => {
    expect(formatDuration(0.4219)).toBe('0.42 ms');
    expect(formatDuration(99.994)).toBe('99.99 ms');
    expect(formatDuration(100)).toBe('100.0 ms');
    expect(formatDuration(1234.56)).toBe('1234.6 ms');
  });
});
