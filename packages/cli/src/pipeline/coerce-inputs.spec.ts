import { describe, expect, it } from '@jest/globals';
import { coerceInputs, coerceValue, conversionHint } from './coerce-inputs.js';

describe('coerceInputs', () => {
  it('turns JSON values into the types the graph declares (the doc example)', () => {
    const types: Record<string, Function> = { spend: Float64Array, start: Date };
    const coerced = coerceInputs({ spend: [1, 2], start: '2024-01-01', region: 'EU' }, (name) => types[name]);
    expect(coerced.spend).toEqual(new Float64Array([1, 2]));
    expect(coerced.start).toEqual(new Date('2024-01-01T00:00:00.000Z'));
    expect(coerced.region).toBe('EU');
  });
});

describe('coerceValue', () => {
  it.each<[string, unknown, Function, unknown]>([
    ['numbers to a Float32Array', [0.5, 2], Float32Array, new Float32Array([0.5, 2])],
    ['null to NaN in a float array (JSON writes NaN as null)', [1, null], Float64Array, new Float64Array([1, Number.NaN])],
    ['integers to an Int32Array', [-1, 7], Int32Array, new Int32Array([-1, 7])],
    ['an empty array', [], Uint8Array, new Uint8Array()],
    ['integers and digit strings to a BigInt64Array', [1, '9007199254740993'], BigInt64Array, new BigInt64Array([1n, 9007199254740993n])],
    ['a date-time with a zone', '2024-03-05T10:30:00+01:00', Date, new Date('2024-03-05T09:30:00.000Z')],
    ['a date-time in UTC with milliseconds', '2024-03-05T10:30:00.250Z', Date, new Date('2024-03-05T10:30:00.250Z')],
    ['a digit string to a bigint', '12345678901234567890', BigInt, 12345678901234567890n],
  ])('converts %s', (_case, value, type, expected) => {
    expect(coerceValue(value, type)).toEqual(expected);
  });

  // Left as they are, the driver's InputValidationError names the input, the type and the value.
  it.each<[string, unknown, Function | undefined]>([
    ['a string among the numbers', [1, 'two'], Float64Array],
    ['a fraction for an integer array', [1.5], Int32Array],
    ['a number out of an Int8Array range (it would wrap)', [300], Int8Array],
    ['a negative number for an unsigned array', [-1], Uint16Array],
    ['a number beyond 2^53 for a BigInt64Array (already imprecise)', [2 ** 60], BigInt64Array],
    ['a bigint past BigInt64Array range', ['9223372036854775808'], BigInt64Array],
    ['null in an integer array', [1, null], Int32Array],
    ['a non-ISO date text', 'March 5, 2024', Date],
    ['a number for a Date', 1_700_000_000_000, Date],
    ['an impossible date', '2024-13-45', Date],
    ['an object for a typed array', { 0: 1 }, Float64Array],
    ['an array for an untyped input', [1, 2], undefined],
    ['an array for a plain Array input', [1, 2], Array],
  ])('leaves %s as it is', (_case, value, type) => {
    expect(coerceValue(value, type)).toBe(value);
  });
});

describe('conversionHint', () => {
  it('says what to give for each type coerceValue converts, and nothing for the others', () => {
    expect(conversionHint(Int8Array)).toBe('an array of whole numbers that fit in Int8Array, e.g. [1, 2]');
    expect(conversionHint(Date)).toContain('an ISO date');
    expect(conversionHint(BigInt)).toContain('a whole number or a string of digits');
    for (const type of [String, Number, Array, Object]) expect(conversionHint(type)).toBeUndefined();
  });
});
