import { describe, expect, it } from '@jest/globals';
import { bytesOf, encodeResult, preparedValue, prepareResult } from './result-formats.js';

const typedArrays = [
  Float64Array.of(1.5, -0, Number.NaN),
  Int32Array.of(1, -2),
  BigInt64Array.of(3n),
  Uint8Array.of(255),
  Float32Array.of(0.5),
];

describe('prepareResult', () => {
  it.each(typedArrays.map((a) => [a.constructor.name, a] as const))(
    'leaves a %s to encode later, with the shape and bytes encodeResult gives',
    (_name, array) => {
      const prepared = prepareResult(array, undefined, undefined)!;
      const encoded = encodeResult(array, undefined, undefined)!;
      expect('array' in prepared).toBe(true);
      expect({ format: prepared.format, shape: prepared.shape, typed: prepared.typed }).toEqual({
        format: encoded.format,
        shape: encoded.shape,
        typed: encoded.typed,
      });
      expect(bytesOf(prepared)).toEqual(encoded.bytes);
    },
  );

  it('encodes anything else at once, as encodeResult does', () => {
    const value = { a: [1, 2], when: new Date(3) };
    expect(prepareResult(value, undefined, undefined)).toEqual(encodeResult(value, undefined, undefined));
  });

  it('gives values back as copies of the same type', () => {
    const array = Float64Array.of(1, 2);
    const back = preparedValue(prepareResult(array, undefined, undefined)!, undefined) as Float64Array;
    expect(back).toEqual(array);
    expect(back).not.toBe(array);
    expect(preparedValue(prepareResult({ a: 'b' }, undefined, undefined)!, undefined)).toEqual({ a: 'b' });
  });
});
