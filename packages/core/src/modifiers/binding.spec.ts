import { describe, expect, it } from '@jest/globals';
import { GroupBinding, group, isPlainRecord, SourceBinding, source, ValueBinding, value } from './binding.js';

describe('value / source / group', () => {
  it('are markers holding their raw arguments', () => {
    expect(value(7)).toEqual(new ValueBinding(7));
    expect(source('spend')).toEqual(new SourceBinding('spend'));
    expect(value(undefined)).toBeInstanceOf(ValueBinding);
  });

  it('tells plain records from arrays, markers and class instances', () => {
    expect(isPlainRecord({ a: 1 })).toBe(true);
    expect(isPlainRecord(Object.create(null))).toBe(true);
    expect([[], value(1), new Map(), null, 'x'].map(isPlainRecord)).toEqual([false, false, false, false, false]);
  });

  it('group takes members as a list or one record of members', () => {
    expect(group(source('a'), value(1)).members).toEqual([source('a'), value(1)]);
    expect(group({ a: source('a') }).members).toEqual({ a: source('a') });
    expect(group(source('a')).members).toEqual([source('a')]); // one member is still a list
    expect(group()).toEqual(new GroupBinding([]));
  });
});
