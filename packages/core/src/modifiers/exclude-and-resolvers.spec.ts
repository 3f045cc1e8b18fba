import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { config, Driver, exclude, node, pipe, step, tag } from '../index.js';

const names = (modules: object, cfg = {}) =>
  new Driver(cfg, modules)
    .listAvailableVariables()
    .map((v) => v.name)
    .sort();

describe('config.when with a resolver', () => {
  class Pricing {
    @node() @config.when((c) => Number(c.year) >= 2025) surcharge(price: number): number {
      return price * 0.01;
    }
    @node()
    @pipe(
      step((p: number) => p * 2)
        .named('doubled')
        .when((c) => c.promo === 'double'),
    )
    total(price: number): number {
      return price;
    }
  }

  it('includes a method, or a step, when the function of the config returns true', async () => {
    expect(names(Pricing, { year: 2024 })).toEqual(['price', 'total']);
    expect(names(Pricing, { year: 2026, promo: 'double' })).toEqual(['doubled', 'price', 'surcharge', 'total']);
    expect(await new Driver({ promo: 'double' }, Pricing).rawExecute(['total'], { inputs: { price: 3 } })).toEqual({ total: 6 });
  });

  it('reports a resolver that throws or does not answer true or false, and a resolver given to another test', () => {
    class Bad {
      @node()
      @config.when(function risky(c) {
        return (c.nested as { flag: boolean }).flag;
      })
      a(): number {
        return 1;
      }
      @node() @config.when((() => 'yes') as never) b(): number {
        return 1;
      }
      @node() @config.whenNot((() => true) as never) c(): number {
        return 1;
      }
      @node() @config.when(42 as never) d(): number {
        return 1;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Bad\.a: the config\.when resolver risky threw: .*; make it return true or false for every config$/),
      'Bad.b: the config.when resolver returned "yes"; it must return true or false',
      'Bad.c: @config.whenNot takes a record of config values; only config.when takes a function of the config',
      'Bad.d: @config.when takes a record of config values or a function of the config, got number 42',
    ]);
  });
});

describe('@exclude', () => {
  class Base {
    @node() score(x: number): number {
      return x;
    }
    @node() legacy(x: number): number {
      return -x;
    }
  }

  it('removes an inherited node from a subclass, without complaint', async () => {
    class Modern extends Base {
      @exclude() override legacy(x: number): number {
        return x;
      }
    }
    expect(names(Modern)).toEqual(['score', 'x']);
    expect(names(Base)).toEqual(['legacy', 'score', 'x']);
  });

  it('leaves a @node method out, and marks a decorated helper as deliberate', () => {
    class Helpers {
      @node() kept(): number {
        return 1;
      }
      @node() @exclude() dropped(): number {
        return 2;
      }
      @tag({ owner: 'x' }) @exclude() helper(): number {
        return 3;
      }
    }
    expect(names(Helpers)).toEqual(['kept']);
  });

  it('a class whose only nodes are excluded contributes none, and one with no nodes at all is still an error', () => {
    class AllExcluded {
      @node() @exclude() a(): number {
        return 1;
      }
    }
    class Kept {
      @node() b(): number {
        return 1;
      }
    }
    class Nothing {
      plain(): number {
        return 1;
      }
    }
    expect(names([AllExcluded, Kept])).toEqual(['b']);
    expect(buildError([Nothing, Kept]).problems.map((p) => p.message)).toEqual([
      'Nothing has no @node methods; decorate at least one method with @node()',
    ]);
  });
});
