import * as aq from 'arquero';
import {
  dataTypeValidator,
  maxFractionNaNValidator,
  noNaNValidator,
  nonEmptyValidator,
  rangeValidator,
  valuesValidator,
} from './builtin-validators.js';

describe('rangeValidator', () => {
  const range = rangeValidator(0, 10);

  it('passes scalars, arrays and typed arrays inside the bounds (inclusive)', () => {
    expect(range.validate(0).passed).toBe(true);
    expect(range.validate([0, 5, 10]).passed).toBe(true);
    expect(range.validate(new Float64Array([1, 2])).passed).toBe(true);
  });

  it('names how many values are outside and the first five with their indices', () => {
    const result = range.validate([1, -1, 11, 2, -2, -3, -4, -5]);
    expect(result.passed).toBe(false);
    expect(result.message).toBe('6 of 8 values are outside [0, 10]: [1] -1, [2] 11, [4] -2, [5] -3, [6] -4, …');
    expect(result.offending).toEqual([-1, 11, -2, -3, -4]);
  });

  it('reports a scalar without an index, and a non-number as outside', () => {
    expect(range.validate(12).message).toBe('the value is outside [0, 10]: 12');
    expect(range.validate(['3']).offending).toEqual(['3']);
  });

  it('leaves missing entries of a list to allowNaN / maxFractionNaN', () => {
    expect(range.validate([1, NaN, null, undefined]).passed).toBe(true);
    expect(range.validate(NaN).passed).toBe(false);
  });

  it('checks every column of an arquero table, or only the columns given', () => {
    const table = aq.table({ a: [1, 2], b: [3, 40] });
    expect(range.validate(table).message).toBe('1 of 4 values is outside [0, 10]: b[1] 40');
    expect(rangeValidator(0, 10, ['a']).validate(table).passed).toBe(true);
  });

  it('fails, naming the columns, when the table lacks a requested column', () => {
    const result = rangeValidator(0, 10, ['zz']).validate(aq.table({ a: [1] }));
    expect(result.passed).toBe(false);
    expect(result.message).toBe('the table has no column "zz" (its columns: a)');
  });
});

describe('dataTypeValidator', () => {
  it('accepts the value itself when it is of the type', () => {
    expect(dataTypeValidator(Float64Array).validate(new Float64Array(2)).passed).toBe(true);
    expect(dataTypeValidator(Number).validate(3).passed).toBe(true);
    expect(dataTypeValidator(Array).validate([1]).passed).toBe(true);
  });

  it('otherwise checks each entry: Number accepts a Float64Array and a number[]', () => {
    expect(dataTypeValidator(Number).validate(new Float64Array([1, NaN])).passed).toBe(true);
    expect(dataTypeValidator(Number).validate([1, 2]).passed).toBe(true);
    expect(dataTypeValidator(String).validate(aq.table({ s: ['a', 'b'] })).passed).toBe(true);
  });

  it('names the entries of another type', () => {
    const result = dataTypeValidator(Number).validate([1, 'x', true]);
    expect(result.message).toBe('2 of 3 values are not Number: [1] "x", [2] true');
    expect(dataTypeValidator(Float64Array).validate([1]).message).toBe('1 of 1 values is not Float64Array: [0] 1');
    expect(dataTypeValidator(String).validate(5).message).toBe('the value is not String: 5');
  });
});

describe('noNaNValidator (allowNaN: false)', () => {
  it('rejects NaN, null and undefined with their positions', () => {
    const result = noNaNValidator().validate([1, NaN, null, 2, undefined]);
    expect(result.message).toBe('3 of 5 values are missing (NaN, null or undefined): [1] NaN, [2] null, [4] undefined');
    expect(noNaNValidator().validate(new Float64Array([1, 2])).passed).toBe(true);
    expect(noNaNValidator().validate(NaN).passed).toBe(false);
  });
});

describe('maxFractionNaNValidator', () => {
  it('passes at the limit and fails above it, per column', () => {
    expect(maxFractionNaNValidator(0.5).validate([1, NaN]).passed).toBe(true);
    const result = maxFractionNaNValidator(0.25).validate(aq.table({ a: [1, 2, 3, 4], b: [null, 1, NaN, 2] }));
    expect(result.passed).toBe(false);
    expect(result.message).toBe('more than 0.25 of the entries are missing in b: 2 of 4 missing (0.500)');
    expect(result.offending).toEqual(['b']);
  });

  it('treats an empty list as having nothing missing', () => {
    expect(maxFractionNaNValidator(0).validate([]).passed).toBe(true);
  });
});

describe('valuesValidator', () => {
  it('accepts the allowed values (NaN equals NaN) and names the others', () => {
    const allowed = valuesValidator(['a', 'b']);
    expect(allowed.validate(['a', 'b', 'a']).passed).toBe(true);
    expect(allowed.validate(['a', 'c']).message).toBe('1 of 2 values is not one of {"a", "b"}: [1] "c"');
    expect(valuesValidator([NaN, 1]).validate(NaN).passed).toBe(true);
  });
});

describe('nonEmptyValidator', () => {
  const nonEmpty = nonEmptyValidator();
  it.each([[[]], [new Float64Array(0)], [''], [null], [undefined], [new Map()], [aq.table({ a: [] })]])('rejects %p', (value) => {
    expect(nonEmpty.validate(value).passed).toBe(false);
  });
  it.each([[[1]], ['x'], [0], [aq.table({ a: [1] })]])('accepts %p', (value) => {
    expect(nonEmpty.validate(value).passed).toBe(true);
  });
  it('says what was empty', () => {
    expect(nonEmpty.validate([]).message).toBe('the value is empty (Array)');
  });
});
