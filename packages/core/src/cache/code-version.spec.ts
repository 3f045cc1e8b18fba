import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import {
  Driver,
  extractColumns,
  extractFields,
  node,
  parameterizedSubdag,
  parameterizeExtractColumns,
  source,
  subdag,
  unpackFields,
  value,
} from '../index.js';
import { codeVersionOf } from './code-version.js';
import type { Hasher } from './hasher.js';

/** A hasher that keeps its input: two versions differ exactly when the hashed text does. */
const text: Hasher = { digest: (...parts) => parts.join('|') };
const versionOf = (module: object, name: string, config: Record<string, unknown> = {}) =>
  codeVersionOf(new Driver(config, module).graph.nodes.get(name)!, text);

class Inner {
  @node() half(x: number): number {
    return x / 2;
  }
}

/** Versions of `name` in classes made by `make(a)` and `make(b)`, and in a second class made by `make(a)`. */
function versions<T>(make: (arg: T) => object, name: string, a: T, b: T): { same: boolean; changed: boolean } {
  const first = versionOf(make(a), name);
  return { same: versionOf(make(a), name) === first, changed: versionOf(make(b), name) !== first };
}

describe('code versions cover the arguments of the modifier family', () => {
  it('extractColumns: fillWith and per-column docs', () => {
    const make = (fill: number) => {
      class T {
        @node() @extractColumns('a', ['b', 'doc'], { fillWith: fill }) t(raw: object): object {
          return raw;
        }
      }
      return T;
    };
    expect(versions(make, 'b', 0, 1)).toEqual({ same: true, changed: true });
  });

  it('extractFields: fillWith', () => {
    const make = (fill: number) => {
      class T {
        @node() @extractFields({ a: Number }, { fillWith: fill }) t(raw: object): object {
          return raw;
        }
      }
      return T;
    };
    expect(versions(make, 'a', 0, 1)).toEqual({ same: true, changed: true });
  });

  it('unpackFields: names and types', () => {
    const make = (type: Function) => {
      class T {
        @node() @unpackFields({ a: type }) t(raw: unknown[]): unknown[] {
          return raw;
        }
      }
      return T;
    };
    expect(versions(make, 'a', Number, String)).toEqual({ same: true, changed: true });
  });

  it('parameterizeExtractColumns: the bindings of each entry', () => {
    const make = (factor: number) => {
      class T {
        @node() @parameterizeExtractColumns({ columns: ['a'], bindings: { k: value(factor), xs: source('base') } }) t(
          xs: number[],
          k: number,
        ): object {
          return { a: xs.map((x) => x * k) };
        }
      }
      return T;
    };
    expect(versions(make, 'a', 2, 3)).toEqual({ same: true, changed: true });
    expect(versions(make, 't__0', 2, 3)).toEqual({ same: true, changed: true });
  });

  it('subdag: inputs and externalInputs', () => {
    const make = (external: string[]) => {
      class T {
        @node() @subdag(Inner, { inputs: { x: value(8) }, externalInputs: external }) out(half: number, k: number): number {
          return half * k;
        }
      }
      return T;
    };
    expect(versions(make, 'out', ['k'], ['k', 'half'])).toEqual({ same: true, changed: true }); // half: from the subdag, then from outside
  });

  it('parameterizedSubdag: entries and shared options', () => {
    const make = (x: number) => {
      class T {
        @node() @parameterizedSubdag(Inner, { us: { inputs: { x: value(x) } } }, { config: { mode: 'a' } }) out(half: number): number {
          return half;
        }
      }
      return T;
    };
    expect(versions(make, 'us', 2, 3)).toEqual({ same: true, changed: true });
    expect(versions(make, 'us.half', 2, 3)).toEqual({ same: true, changed: true });
  });
});
