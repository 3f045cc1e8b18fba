import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { applyTo, checkOutput, config, Driver, extractFields, mutate, node, pipeOutput, step, tag, value } from '../index.js';

class Features {
  @node() spend(raw: number[]): number[] {
    return raw;
  }
  @node() signups(): number[] {
    return [1, -1, 3];
  }
  @node() spendPerSignup(spend: number[], signups: number[]): number[] {
    return spend.map((s, i) => s / signups[i]);
  }
}

class Cleaning {
  @mutate('spend', 'signups')
  dropNegatives(xs: number[]): number[] {
    return xs.map((x) => Math.max(0, x));
  }

  @mutate('spend', { rate: value(2) })
  toUsd(xs: number[], rate: number): number[] {
    return xs.map((x) => x * rate);
  }

  /** Not a node: an ordinary helper. */
  helper(): number {
    return 0;
  }
}

const names = (modules: object, cfg = {}) =>
  new Driver(cfg, modules)
    .listAvailableVariables()
    .map((v) => v.name)
    .sort();

describe('@mutate', () => {
  it('transforms the targets of another module, in declaration order, under their own names', async () => {
    const dr = new Driver({}, [Features, Cleaning]);
    const out = await dr.rawExecute(['spend', 'signups', 'spendPerSignup', 'spend.raw'], { inputs: { raw: [-4, 2, 6] } });
    expect(out).toEqual({ spend: [0, 4, 12], signups: [1, 0, 3], spendPerSignup: [0, Infinity, 4], 'spend.raw': [-4, 2, 6] });
    expect(names([Features, Cleaning])).toEqual([
      'raw',
      'signups',
      'signups.dropNegatives',
      'signups.raw',
      'spend',
      'spend.dropNegatives',
      'spend.raw',
      'spend.toUsd',
      'spendPerSignup',
    ]);
  });

  it('binds per target with applyTo, reads unbound parameters from the graph, and honours conditions', async () => {
    class Scaling {
      @mutate(applyTo('spend', { k: value(10) }), applyTo('signups').when({ scaleSignups: true }).named('scaled', true))
      scale(xs: number[], k: number): number[] {
        return xs.map((x) => x * k);
      }
    }
    expect(await new Driver({}, [Features, Scaling]).rawExecute(['spend', 'signups'], { inputs: { raw: [1] } })).toEqual({
      spend: [10],
      signups: [1, -1, 3],
    });
    const dr = new Driver({ scaleSignups: true }, [Features, Scaling]);
    expect(await dr.rawExecute(['signups'], { inputs: { k: 2 } })).toEqual({ signups: [2, -2, 6] });
    expect(names([Features, Scaling], { scaleSignups: true })).toContain('signups.scaled');
  });

  it('a config condition on the mutator decides whether it applies at all', async () => {
    class Maybe {
      @mutate('spend') @config.when({ clean: true }) negate(xs: number[]): number[] {
        return xs.map((x) => -x);
      }
    }
    expect(await new Driver({}, [Features, Maybe]).rawExecute(['spend'], { inputs: { raw: [1] } })).toEqual({ spend: [1] });
    expect(await new Driver({ clean: true }, [Features, Maybe]).rawExecute(['spend'], { inputs: { raw: [1] } })).toEqual({ spend: [-1] });
  });

  it('appends to a @pipeOutput chain, targets extracted fields, and runs before checkOutput', async () => {
    class Piped {
      @node()
      @pipeOutput(step((x: number) => x + 1).named('plusOne', true))
      @checkOutput({ range: [0, 100] }, { importance: 'fail' })
      total(x: number): number {
        return x;
      }
      @node() @extractFields({ lo: Number, hi: Number }) bounds(): { lo: number; hi: number } {
        return { lo: 1, hi: 9 };
      }
    }
    class Boost {
      @mutate('total', 'hi') times10(v: number): number {
        return v * 10;
      }
    }
    const dr = new Driver({}, [Piped, Boost]);
    expect(await dr.rawExecute(['total', 'hi', 'lo'], { inputs: { x: 2 } })).toEqual({ total: 30, hi: 90, lo: 1 });
    await expect(dr.rawExecute(['total'], { inputs: { x: 10 } })).rejects.toThrow(/range/);
    expect(names([Piped, Boost])).toEqual(expect.arrayContaining(['total.raw', 'total.plusOne', 'total.times10', 'hi.raw', 'hi.times10']));
  });

  it('type-checks the target against the mutator parameter', () => {
    class Typed {
      @node() label(): string {
        return 'x';
      }
    }
    class Numeric {
      @mutate('label') half(v: number): number {
        return v / 2;
      }
    }
    expect(buildError([Typed, Numeric]).message).toMatch(/label\.raw.*label\.half/);
  });

  it('reports an applyTo(...).named() whose name or namespace cannot name a node', () => {
    class BadNames {
      @mutate(applyTo('spend').named('' as string), applyTo('signups').named('ok', '' as never)) a(xs: number[]): number[] {
        return xs;
      }
      @mutate(applyTo('spend').named('x__')) b(xs: number[]): number[] {
        return xs;
      }
    }
    expect(buildError([Features, BadNames]).problems.map((p) => p.message)).toEqual([
      'BadNames.a: applyTo(...).named("") is not a usable node name; give a non-empty string that does not end in "__"',
      'BadNames.a: @mutate namespace is ""; give a non-empty string or true (the node\'s name)',
      'BadNames.b: applyTo(...).named("x__") is not a usable node name; give a non-empty string that does not end in "__"',
    ]);
  });

  it('reports unknown targets with close matches, and every misuse', () => {
    class Bad {
      @mutate('spnd') a(xs: number[]): number[] {
        return xs;
      }
      @mutate() b(xs: number[]): number[] {
        return xs;
      }
      @mutate(3 as never) c(xs: number[]): number[] {
        return xs;
      }
      @mutate('spend', { xs: value(1) }) d(xs: number[]): number[] {
        return xs;
      }
      @mutate('spend') e(): number[] {
        return [];
      }
      @mutate('spend') @tag({ owner: 'x' }) f(xs: number[]): number[] {
        return xs;
      }
      @node() @mutate('spend') g(xs: number[]): number[] {
        return xs;
      }
      @mutate('spend', { nope: value(1) }) h(xs: number[]): number[] {
        return xs;
      }
    }
    expect(buildError([Features, Bad]).problems.map((p) => p.message)).toEqual([
      "Bad.g: @mutate is on a @node method; a mutator is a helper that transforms other nodes' outputs, so remove @node (or @mutate)",
      "Bad.b: @mutate() names no target; name the nodes to transform, e.g. @mutate('spend')",
      "Bad.c: @mutate target #1 is 3; give a node name or applyTo('node', { param: value(x) })",
      'Bad.d (@mutate of "spend"): @mutate binds "xs", the parameter that receives the target\'s value; bind only the other parameters',
      "Bad.e: a @mutate method receives the target's value as its first parameter, but it takes none; add one",
      'Bad.f: @tag cannot be used on a @mutate method; only @config.* conditions apply to mutators',
      'Bad.h: @mutate of "spend" names "nope", which is not a parameter of the method; its parameters are xs',
      'Bad.a: @mutate targets "spnd", which is not a node; did you mean spend?',
    ]);
  });
});
