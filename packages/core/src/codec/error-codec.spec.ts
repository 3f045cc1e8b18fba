import { ResultBuildError } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { DataValidationError, GraphBuildError, HamiltonError, NodeExecutionError, UnknownNodeError } from '../errors/index.js';
import { reviveError, serializeError } from './error-codec.js';

/** Serializes, copies as postMessage would, and revives. */
const roundTrip = (thrown: unknown) => reviveError(structuredClone(serializeError(thrown)));

describe('serializeError / reviveError', () => {
  it("keeps a plain error's name, message and stack", () => {
    const error = new Error('boom');
    const back = roundTrip(error) as Error;
    expect(back).toBeInstanceOf(Error);
    expect([back.name, back.message, back.stack]).toEqual(['Error', 'boom', error.stack]);
    expect(Object.prototype.toString.call(back)).toBe('[object Error]');
  });

  it('revives built-in error classes as themselves', () => {
    for (const error of [new TypeError('t'), new RangeError('r'), new SyntaxError('s'), new ReferenceError('x')]) {
      const back = roundTrip(error) as Error;
      expect(back).toBeInstanceOf(error.constructor);
      expect(back.name).toBe(error.name);
    }
  });

  it('keeps the name of an error class it does not know', () => {
    class QuotaExceeded extends Error {
      override name = 'QuotaExceeded';
      readonly limit = 10;
    }
    const back = roundTrip(new QuotaExceeded('over quota')) as Error & { limit: number };
    expect(back).toBeInstanceOf(Error);
    expect([back.name, back.message, back.limit]).toEqual(['QuotaExceeded', 'over quota', 10]);
    expect(String(back)).toBe('QuotaExceeded: over quota');
  });

  it('revives core errors as instances of their classes, with their fields', () => {
    const failed = new DataValidationError('score', 'range', [-1, 12], 'score failed range: -1, 12');
    const back = roundTrip(failed) as DataValidationError;
    expect(back).toBeInstanceOf(DataValidationError);
    expect(back).toBeInstanceOf(HamiltonError);
    expect([back.name, back.message, back.node, back.validator, back.offending]).toEqual([
      'DataValidationError',
      'score failed range: -1, 12',
      'score',
      'range',
      [-1, 12],
    ]);
    expect(back.stack).toBe(failed.stack);

    const build = roundTrip(new GraphBuildError([{ node: 'a', message: 'cycle: a -> a' }])) as GraphBuildError;
    expect(build).toBeInstanceOf(GraphBuildError);
    expect(build.problems).toEqual([{ node: 'a', message: 'cycle: a -> a' }]);

    const unknown = roundTrip(new UnknownNodeError(['scor'], { scor: ['score'] }, 'output')) as UnknownNodeError;
    expect(unknown).toBeInstanceOf(UnknownNodeError);
    expect(unknown.suggestions).toEqual({ scor: ['score'] });

    expect(roundTrip(new ResultBuildError(['p'], { a: 1 }))).toBeInstanceOf(ResultBuildError);
  });

  it('revives a user subclass of HamiltonError as a HamiltonError with its name', () => {
    class BudgetError extends HamiltonError {}
    const back = roundTrip(new BudgetError('over budget')) as HamiltonError;
    expect(back).toBeInstanceOf(HamiltonError);
    expect(back.name).toBe('BudgetError');
  });

  it('revives causes, also of a NodeExecutionError', () => {
    const error = new NodeExecutionError('ratio', 'Features', new TypeError('x is undefined'));
    const back = roundTrip(error) as NodeExecutionError;
    expect(back).toBeInstanceOf(NodeExecutionError);
    expect([back.node, back.className, back.message]).toEqual(['ratio', 'Features', 'node "ratio" (Features) failed: x is undefined']);
    expect(back.cause).toBeInstanceOf(TypeError);
    expect((back.cause as Error).message).toBe('x is undefined');
  });

  it('revives the errors of an AggregateError', () => {
    const back = roundTrip(new AggregateError([new Error('a'), new TypeError('b')], 'both')) as AggregateError;
    expect(back).toBeInstanceOf(AggregateError);
    expect(back.errors.map((e: Error) => e.message)).toEqual(['a', 'b']);
    expect(back.errors[1]).toBeInstanceOf(TypeError);
  });

  it('gives back a thrown value that is not an Error', () => {
    expect(roundTrip('boom')).toBe('boom');
    expect(roundTrip({ code: 42 })).toEqual({ code: 42 });
  });

  it('drops fields that cannot be copied', () => {
    const error = Object.assign(new Error('with a callback'), { retry: () => 1, attempt: 3 });
    expect(roundTrip(error)).toMatchObject({ attempt: 3 });
    expect((roundTrip(error) as { retry?: unknown }).retry).toBeUndefined();
  });

  it('ends a cause chain that loops back to an error it has seen', () => {
    const looping = new Error('again and again');
    (looping as { cause?: unknown }).cause = looping;
    const revived = reviveError(serializeError(looping)) as Error;
    expect(revived.message).toBe('again and again');
    expect((revived.cause as Error).message).toBe('again and again (the cause chain loops back to this error)');
  });
});
