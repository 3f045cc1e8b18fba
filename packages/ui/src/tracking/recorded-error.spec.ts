import { runInNewContext } from 'node:vm';
import { NodeExecutionError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { recordError } from './recorded-error.js';

describe('recordError', () => {
  it('keeps the type, message and stack of an error', () => {
    const recorded = recordError(new RangeError('bad'));
    expect(recorded).toMatchObject({ type: 'RangeError', message: 'bad' });
    expect(recorded.stack).toMatch(/^RangeError: bad\n\s+at /);
  });

  it('names a subclass by its class even when it keeps the name "Error"', () => {
    class QuotaError extends Error {}
    expect(recordError(new QuotaError('over')).type).toBe('QuotaError');
  });

  it('appends the stacks of causes, following a chain at most five deep and never looping', () => {
    const cause = new TypeError('inner');
    const recorded = recordError(new NodeExecutionError('score', 'Features', cause));
    expect(recorded.type).toBe('NodeExecutionError');
    expect(recorded.stack).toMatch(/\nCaused by: TypeError: inner\n\s+at /);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(recordError(a).stack!.match(/Caused by/g)).toHaveLength(1);
    let deep: Error = new Error('0');
    for (let i = 1; i < 20; i++) deep = new Error(String(i), { cause: deep });
    expect(recordError(deep).stack!.match(/Caused by/g)).toHaveLength(5);
  });

  it('records errors of another realm as errors', () => {
    const foreign = runInNewContext('new TypeError("from a sandbox")');
    expect(foreign instanceof Error).toBe(false);
    expect(recordError(foreign)).toMatchObject({
      type: 'TypeError',
      message: 'from a sandbox',
      stack: expect.stringContaining('TypeError'),
    });
  });

  it('records thrown values that are not errors as text', () => {
    expect(recordError('plain string')).toEqual({ type: 'string', message: 'plain string' });
    expect(recordError(42)).toEqual({ type: 'number', message: '42' });
    expect(recordError(null)).toEqual({ type: 'null', message: 'null' });
    expect(recordError(undefined)).toEqual({ type: 'undefined', message: 'undefined' });
    expect(recordError({ code: 7 })).toEqual({ type: 'Object', message: '[object Object]' });
  });

  it('caps long messages, and never throws on hostile values (keeping what it could read)', () => {
    expect(recordError(new Error('x'.repeat(10_000))).message).toMatch(/… \(6000 more characters\)$/);
    const hostile = {
      toString() {
        throw new Error('no text');
      },
    };
    expect(recordError(hostile)).toEqual({ type: 'unknown', message: 'an error that could not be read' });
    const getterError = new Error('m');
    Object.defineProperty(getterError, 'stack', {
      get() {
        throw new Error('no stack');
      },
    });
    expect(recordError(getterError)).toEqual({ type: 'Error', message: 'm' });
  });
});
