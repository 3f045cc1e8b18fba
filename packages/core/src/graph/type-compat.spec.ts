import { describe, expect, it } from '@jest/globals';
import { isAnyType, narrowerType, typesCompatible, valueMatchesType } from './type-compat.js';

class Animal {}
class Dog extends Animal {}
class Car {}

describe('isAnyType', () => {
  it('treats absent, Object and bare Promise as any', () => {
    expect([undefined, Object, Promise].map(isAnyType)).toEqual([true, true, true]);
    expect([Number, Array, Animal].map(isAnyType)).toEqual([false, false, false]);
  });
});

describe('typesCompatible(produced, expected)', () => {
  it('accepts anything on either side of an any type', () => {
    for (const any of [undefined, Object, Promise]) {
      expect(typesCompatible(any, Number)).toBe(true);
      expect(typesCompatible(Float64Array, any)).toBe(true);
    }
  });

  it('accepts the same type and subclasses, not superclasses', () => {
    expect(typesCompatible(Number, Number)).toBe(true);
    expect(typesCompatible(Dog, Animal)).toBe(true);
    expect(typesCompatible(Animal, Dog)).toBe(false);
    expect(typesCompatible(Car, Animal)).toBe(false);
  });

  it('keeps primitives apart', () => {
    expect(typesCompatible(Number, String)).toBe(false);
    expect(typesCompatible(Boolean, Number)).toBe(false);
  });

  it('does not mix arrays and typed arrays', () => {
    expect(typesCompatible(Float64Array, Array)).toBe(false);
    expect(typesCompatible(Array, Float64Array)).toBe(false);
    expect(typesCompatible(Float64Array, Float32Array)).toBe(false);
  });
});

describe('narrowerType', () => {
  it('picks the subclass, or the typed side over any', () => {
    expect(narrowerType(Dog, Animal)).toBe(Dog);
    expect(narrowerType(Animal, Dog)).toBe(Dog);
    expect(narrowerType(Object, Number)).toBe(Number);
    expect(narrowerType(Number, undefined)).toBe(Number);
    expect(narrowerType(undefined, undefined)).toBeUndefined();
    expect(narrowerType(Number, Number)).toBe(Number);
  });

  it('is null when neither accepts the other', () => {
    expect(narrowerType(Number, String)).toBeNull();
    expect(narrowerType(Array, Float64Array)).toBeNull();
    expect(narrowerType(Car, Animal)).toBeNull();
  });
});

describe('valueMatchesType', () => {
  it('checks primitives by typeof and also accepts their boxed forms', () => {
    expect(valueMatchesType(1, Number)).toBe(true);
    expect(valueMatchesType(new Number(1), Number)).toBe(true);
    expect(valueMatchesType('1', Number)).toBe(false);
    expect(valueMatchesType('a', String)).toBe(true);
    expect(valueMatchesType(new String('a'), String)).toBe(true);
    expect(valueMatchesType(false, Boolean)).toBe(true);
    expect(valueMatchesType(0, Boolean)).toBe(false);
    expect(valueMatchesType(10n, BigInt)).toBe(true);
  });

  it('checks arrays with Array.isArray and typed arrays by class', () => {
    expect(valueMatchesType([1], Array)).toBe(true);
    expect(valueMatchesType(new Float64Array(1), Array)).toBe(false);
    expect(valueMatchesType([1], Float64Array)).toBe(false);
    expect(valueMatchesType(new Float64Array(1), Float64Array)).toBe(true);
  });

  it('checks classes by instanceof, and any type accepts everything', () => {
    expect(valueMatchesType(new Dog(), Animal)).toBe(true);
    expect(valueMatchesType(new Car(), Animal)).toBe(false);
    expect(valueMatchesType(() => 1, Function)).toBe(true);
    for (const value of [null, undefined, 1, 'a', {}, []]) expect(valueMatchesType(value, Object)).toBe(true);
    expect(valueMatchesType(null, undefined)).toBe(true);
  });
});
