import 'reflect-metadata';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as aq from 'arquero';
import { Builder, cache, Driver, extractColumns, GraphBuildError, node, parameterize, tag, value } from '../../src/index.js';
import { cacheDirectory, statuses } from './cache-support.js';

let dir: ReturnType<typeof cacheDirectory>;
beforeEach(() => {
  dir = cacheDirectory();
});
afterEach(() => dir.cleanup());

const cached = (...modules: object[]) =>
  new Builder()
    .withModules(...modules)
    .withCache({ path: dir.path })
    .build();

function versionOne() {
  class Pricing {
    @node() price(base: number): number {
      return base * 2;
    }
  }
  return Pricing;
}

function versionTwo() {
  class Pricing {
    @node() price(base: number): number {
      return base * 3;
    }
  }
  return Pricing;
}

function versionOneReformatted() {
  class Pricing {
    /** Same code, other comments and layout. */
    @node()
    price(base: number): number {
      // doubled
      return base * 2;
    }
  }
  return Pricing;
}

describe('code versions', () => {
  it('a changed method body misses; comments and layout do not count', async () => {
    await cached(versionOne()).rawExecute(['price'], { inputs: { base: 5 } });
    const changed = cached(versionTwo());
    expect(await changed.rawExecute(['price'], { inputs: { base: 5 } })).toEqual({ price: 15 });
    expect(statuses(changed.cache)).toEqual({ price: 'miss' });
    const reformatted = cached(versionOneReformatted());
    expect(await reformatted.rawExecute(['price'], { inputs: { base: 5 } })).toEqual({ price: 10 });
    expect(statuses(reformatted.cache)).toEqual({ price: 'hit' });
  });

  it('a modifier argument is part of the code version; a tag is not', async () => {
    const make = (days: number, owner: string) => {
      class Rolling {
        @node()
        @tag({ owner })
        @parameterize({ spend7: { window: value(days) } })
        rolling(spend: number, window: number): number {
          return spend * window;
        }
      }
      return Rolling;
    };
    await cached(make(7, 'a')).rawExecute(['spend7'], { inputs: { spend: 2 } });
    const retagged = cached(make(7, 'b'));
    await retagged.rawExecute(['spend7'], { inputs: { spend: 2 } });
    expect(statuses(retagged.cache)).toEqual({ spend7: 'hit' });
    const rebound = cached(make(8, 'a'));
    expect(await rebound.rawExecute(['spend7'], { inputs: { spend: 2 } })).toEqual({ spend7: 16 });
    expect(statuses(rebound.cache)).toEqual({ spend7: 'miss' });
  });

  it('another class name is another code version', async () => {
    class A {
      @node() out(x: number): number {
        return x;
      }
    }
    class B {
      @node() out(x: number): number {
        return x;
      }
    }
    await cached(A).rawExecute(['out'], { inputs: { x: 1 } });
    const other = cached(B);
    await other.rawExecute(['out'], { inputs: { x: 1 } });
    expect(statuses(other.cache)).toEqual({ out: 'miss' });
  });
});

describe('data versions', () => {
  class Echo {
    @node() echo(input: unknown): unknown {
      return input;
    }
  }

  it.each([
    ['key order of records', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
    [
      'insertion order of Maps',
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
      new Map([
        ['b', 2],
        ['a', 1],
      ]),
    ],
    ['insertion order of Sets', new Set([1, 2]), new Set([2, 1])],
    ['object identity', { when: new Date(5) }, { when: new Date(5) }],
  ])('do not depend on %s', async (_what, first, second) => {
    const dr = cached(Echo);
    await dr.rawExecute(['echo'], { inputs: { input: first } });
    await dr.rawExecute(['echo'], { inputs: { input: second } });
    expect(statuses(dr.cache)).toEqual({ echo: 'hit' });
  });

  it.each([
    ['a typed array of another type', Float64Array.of(1, 2), Float32Array.of(1, 2)],
    ['one changed byte', Float64Array.of(1, 2), Float64Array.of(1, 2.0000001)],
    ['0 and -0', 0, -0],
    ['a number and its string', 1, '1'],
    ['a changed table cell', aq.table({ a: [1, 2] }), aq.table({ a: [1, 3] })],
    ['renamed table columns', aq.table({ a: [1, 2] }), aq.table({ b: [1, 2] })],
    ['a nested change', { a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } }],
  ])('tell apart %s', async (_what, first, second) => {
    const dr = cached(Echo);
    await dr.rawExecute(['echo'], { inputs: { input: first } });
    const out = await dr.rawExecute(['echo'], { inputs: { input: second } });
    expect(statuses(dr.cache)).toEqual({ echo: 'miss' });
    expect(out.echo).toEqual(second);
  });

  it('a typed array changed in place between runs is fingerprinted again', async () => {
    const dr = cached(Echo);
    const input = Float64Array.of(1, 2);
    await dr.rawExecute(['echo'], { inputs: { input } });
    input[0] = 9;
    const out = await dr.rawExecute(['echo'], { inputs: { input } });
    expect(statuses(dr.cache)).toEqual({ echo: 'miss' });
    expect(out.echo).toEqual(Float64Array.of(9, 2));
  });

  it('overrides feed their dependents keys and are never stored', async () => {
    class Chain {
      @node() base(x: number): number {
        return x;
      }
      @node() next(base: number): number {
        return base + 1;
      }
    }
    const dr = cached(Chain);
    expect(await dr.rawExecute(['next'], { inputs: { x: 1 }, overrides: { base: 10 } })).toEqual({ next: 11 });
    expect(statuses(dr.cache)).toEqual({ next: 'miss' });
    expect(await dr.rawExecute(['next'], { inputs: { x: 1 }, overrides: { base: 20 } })).toEqual({ next: 21 });
    expect(await dr.rawExecute(['next'], { inputs: { x: 1 }, overrides: { base: 10 } })).toEqual({ next: 11 });
    expect(statuses(dr.cache)).toEqual({ next: 'hit' });
    expect(await dr.rawExecute(['next'], { inputs: { x: 10 } })).toEqual({ next: 11 });
    expect(statuses(dr.cache)).toEqual({ base: 'miss', next: 'hit' });
  });

  it('config values feed keys', async () => {
    class Scaled {
      @node() scaled(x: number, factor: number): number {
        return x * factor;
      }
    }
    const a = new Builder().withModules(Scaled).withConfig({ factor: 2 }).withCache({ path: dir.path }).build();
    await a.rawExecute(['scaled'], { inputs: { x: 3 } });
    const b = new Builder().withModules(Scaled).withConfig({ factor: 3 }).withCache({ path: dir.path }).build();
    expect(await b.rawExecute(['scaled'], { inputs: { x: 3 } })).toEqual({ scaled: 9 });
    expect(statuses(b.cache)).toEqual({ scaled: 'miss' });
  });

  it('extracted columns are cached per column', async () => {
    class Split {
      @node() @extractColumns('a', 'b') both(n: number): aq.ColumnTable {
        return aq.table({ a: [n, n], b: [n * 2, n * 2] });
      }
    }
    const dr = cached(Split);
    await dr.rawExecute(['a', 'b'], { inputs: { n: 1 } });
    const out = await dr.rawExecute(['a', 'b'], { inputs: { n: 1 } });
    expect(out).toEqual({ a: [1, 1], b: [2, 2] });
    expect(statuses(dr.cache)).toEqual({ both: 'hit', a: 'hit', b: 'hit' });
  });
});

describe('options', () => {
  class One {
    @node() one(x: number): number {
      return x;
    }
  }

  it('refuses unknown node names with close matches, and a node in two lists', () => {
    expect(() =>
      new Builder()
        .withModules(One)
        .withCache({ path: dir.path, recompute: ['onr'] })
        .build(),
    ).toThrow(/cache option recompute names "onr", which is not a node; did you mean "one"/);
    expect(() =>
      new Builder()
        .withModules(One)
        .withCache({ path: dir.path, recompute: ['one'], ignore: ['one'] })
        .build(),
    ).toThrow(GraphBuildError);
  });

  it('refuses bad option values', () => {
    expect(() => new Builder().withCache({ path: 3 } as never)).toThrow(/cache option path is number 3; give a directory name/);
    expect(() => new Builder().withCache({ recompute: 'one' } as never)).toThrow(/give true, or an array of node names/);
    expect(() => new Builder().withCache({ defaultBehavior: 'sometimes' } as never)).toThrow(/defaultBehavior is "sometimes"/);
    expect(() => new Builder().withCache({ pth: 'x' } as never)).toThrow(/cache option "pth" is unknown/);
  });

  it('refuses bad @cache arguments, naming the method', () => {
    class Bad {
      @node() @cache({ behavior: 'never' as never }) one(x: number): number {
        return x;
      }
    }
    expect(() => cached(Bad)).toThrow(/Bad\.one: @cache behavior is "never"/);
  });

  it('refuses other bad @cache arguments and driver cache options', () => {
    class BadFormat {
      @node() @cache({ format: 'csv' as never }) one(x: number): number {
        return x;
      }
    }
    expect(() => cached(BadFormat)).toThrow(/BadFormat\.one: @cache format is "csv"; use 'json', 'arrow' or 'parquet'/);
    class BadOption {
      @node() @cache({ behaviour: 'recompute' } as never) one(x: number): number {
        return x;
      }
    }
    expect(() => cached(BadOption)).toThrow(/BadOption\.one: @cache has unknown option\(s\) "behaviour"; it takes behavior and format/);
    expect(() => new Driver({}, One, { cache: 3 as never })).toThrow(
      /the cache option is number 3; give an object such as \{ path: '\.hamilton-cache' \}, or true/,
    );
    expect(() => new Builder().withModules(One).withCache({ path: dir.path, recompute: true, disable: true }).build()).toThrow(
      /cache options disable and recompute are both true; choose one/,
    );
  });

  it('says how to get a cache when the driver has none', () => {
    const dr = new Builder().withModules(One).build();
    expect(() => dr.cache).toThrow(/this driver has no cache; build it with new Builder\(\)\.withCache/);
  });

  it('recompute: true and disable lists', async () => {
    await cached(One).rawExecute(['one'], { inputs: { x: 1 } });
    const all = new Builder().withModules(One).withCache({ path: dir.path, recompute: true }).build();
    await all.rawExecute(['one'], { inputs: { x: 1 } });
    expect(statuses(all.cache)).toEqual({ one: 'recompute' });
    const off = new Builder()
      .withModules(One)
      .withCache({ path: dir.path, disable: ['one'] })
      .build();
    await off.rawExecute(['one'], { inputs: { x: 1 } });
    expect(statuses(off.cache)).toEqual({ one: 'disabled' });
    const byDefault = new Builder().withModules(One).withCache({ path: dir.path, defaultBehavior: 'disable' }).build();
    await byDefault.rawExecute(['one'], { inputs: { x: 1 } });
    expect(statuses(byDefault.cache)).toEqual({ one: 'disabled' });
  });
});
