import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../command.js';
import { outputList, requiredOutputs } from './arguments.js';

describe('outputList', () => {
  it('joins repeated --outputs, splits on commas, trims, and keeps each name once in order', () => {
    expect(outputList(['b, a', 'c,,b'])).toEqual(['b', 'a', 'c']);
    expect(outputList(undefined)).toBeUndefined();
  });

  it('turns away a list that names no node', () => {
    expect(() => outputList([' , '])).toThrow(
      new UsageError('--outputs " , " names no node; give node names, e.g. --outputs spendPerSignup,spendMean'),
    );
  });
});

describe('requiredOutputs', () => {
  it('says which command needs --outputs and where to find node names', () => {
    expect(requiredOutputs(['a'], 'execute')).toEqual(['a']);
    expect(() => requiredOutputs(undefined, 'execute')).toThrow(
      /^execute needs --outputs, the nodes to compute; .*`hamilton-ts list` shows them/,
    );
  });
});
