import { GraphBuildError, HamiltonError, NodeExecutionError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { isHamiltonError } from './hamilton-error.js';

describe('isHamiltonError', () => {
  it("recognises the core's errors and their subclasses", () => {
    expect(isHamiltonError(new HamiltonError('x'))).toBe(true);
    expect(isHamiltonError(new NodeExecutionError('ratio', 'Features', new Error('boom')))).toBe(true);
    expect(isHamiltonError(new GraphBuildError([{ message: 'cycle' }]))).toBe(true);
  });

  it('recognises those of another copy of the core, by the base class name', () => {
    class HamiltonError extends Error {}
    class UnknownNodeError extends HamiltonError {}
    expect(isHamiltonError(new UnknownNodeError('x'))).toBe(true);
  });

  it('leaves other errors and non-errors alone', () => {
    expect(isHamiltonError(new TypeError('x'))).toBe(false);
    expect(isHamiltonError({ name: 'HamiltonError', message: 'x' })).toBe(false);
    expect(isHamiltonError(undefined)).toBe(false);
  });
});
