import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import {
  checkOutput,
  config,
  Driver,
  extractFields,
  inject,
  node,
  parameterizedSubdag,
  parameterizeExtractColumns,
  source,
  subdag,
  tag,
  tagOutputs,
  testNode,
  unpackFields,
  type Variable,
  value,
} from '../index.js';

/** The observable shape of a graph: names, dependencies, tags, docs, types. */
const shape = (vars: readonly Variable[]) =>
  vars.map((v) => ({ name: v.name, deps: v.requiredDependencies, tags: v.tags, doc: v.documentation, type: v.type }));
const graphOf = (module: object, cfg: Record<string, unknown> = {}) => shape(new Driver(cfg, module).listAvailableVariables());

class Inner {
  @node() half(x: number): number {
    return x / 2;
  }
}

describe('the modifier family composes with the others, in any written order', () => {
  it('@tag and @tagOutputs on @unpackFields: tag the items (the sinks), tagOutputs one of them', () => {
    class Above {
      @tag({ team: 'growth' }) @tagOutputs({ low: { kind: 'min' } }) @unpackFields({ low: Number }, { high: Number }) @node() bounds(
        xs: number[],
      ): [number, number] {
        return [Math.min(...xs), Math.max(...xs)];
      }
    }
    class Below {
      @node() @unpackFields({ low: Number }, { high: Number }) @tagOutputs({ low: { kind: 'min' } }) @tag({ team: 'growth' }) bounds(
        xs: number[],
      ): [number, number] {
        return [Math.min(...xs), Math.max(...xs)];
      }
    }
    expect(graphOf(Above)).toEqual(graphOf(Below));
    const tags = Object.fromEntries(graphOf(Above).map((v) => [v.name, v.tags]));
    expect(tags).toMatchObject({ bounds: {}, low: { team: 'growth', kind: 'min' }, high: { team: 'growth' } });
  });

  it('@checkOutput checks the unpacked items and the extracted fields, not the method value', async () => {
    class Checked {
      @checkOutput({ range: [0, 10] }, { importance: 'fail' }) @node() @unpackFields({ a: Number }) pair(x: number): [number] {
        return [x];
      }
      @node() @extractFields({ b: Number }, { fillWith: 0 }) @checkOutput({ range: [0, 10] }, { importance: 'fail' }) rec(
        y: object,
      ): object {
        return y;
      }
    }
    const names = graphOf(Checked).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['pair', 'a_raw', 'a_range_validator', 'a', 'rec', 'b_raw', 'b_range_validator', 'b']));
    const dr = new Driver({}, Checked);
    expect(await dr.rawExecute(['a', 'b'], { inputs: { x: 3, y: {} } })).toEqual({ a: 3, b: 0 });
    await expect(dr.rawExecute(['a'], { inputs: { x: 30 } })).rejects.toThrow('node "a" failed validator range');
  });

  it('@config.when on @parameterizedSubdag: the whole method, with every entry, comes and goes with config', () => {
    class Variants {
      @node()
      @config.when({ region: 'all' })
      @parameterizedSubdag(Inner, { us: { inputs: { x: value(2) } }, eu: { inputs: { x: value(4) } } })
      totals__all(half: number): number {
        return half;
      }
      @node() @config.whenNot({ region: 'all' }) totals__one(x: number): number {
        return x;
      }
    }
    expect(
      graphOf(Variants, { region: 'all' })
        .map((v) => v.name)
        .sort(),
    ).toEqual(['eu', 'eu.half', 'eu.x', 'us', 'us.half', 'us.x']);
    expect(graphOf(Variants, { region: 'us' }).map((v) => v.name)).toEqual(['totals', 'x']);
  });

  it('@inject and @parameterizeExtractColumns: inject binds once for every entry, each entry binds the rest', async () => {
    class Scaled {
      @parameterizeExtractColumns({ columns: ['double'], bindings: { k: value(2) } }, { columns: ['triple'], bindings: { k: value(3) } })
      @node()
      @inject({ xs: source('base') })
      scaled(xs: number[], k: number): object {
        return { out: xs.map((x) => x * k) };
      }
    }
    const vars = graphOf(Scaled);
    expect(vars.find((v) => v.name === 'scaled__1')!.deps).toEqual(['base']);
    expect(await new Driver({}, Scaled).rawExecute(['double', 'triple'], { inputs: { base: [1, 2] } })).toEqual({
      double: [2, 4],
      triple: [3, 6],
    });
  });

  it('@tag on @parameterizeExtractColumns tags the columns; @tagOutputs can name a column', () => {
    class Tagged {
      @node()
      @tag({ owner: 'x' })
      @tagOutputs({ b: { pii: 'true' } })
      @parameterizeExtractColumns({ columns: ['a'] }, { columns: ['b'] })
      t(raw: object): object {
        return raw;
      }
    }
    const tags = Object.fromEntries(graphOf(Tagged).map((v) => [v.name, v.tags]));
    expect(tags).toMatchObject({ t__0: {}, a: { owner: 'x' }, b: { owner: 'x', pii: 'true' } });
  });

  it('@subdag with externalInputs and @unpackFields on its output', async () => {
    class Out {
      @unpackFields({ scaled: Number }, { offset: Number }) @node() @subdag(Inner, { inputs: { x: value(8) }, externalInputs: ['k'] }) out(
        half: number,
        k: number,
      ): [number, number] {
        return [half * k, k];
      }
    }
    expect(await testNode(Out, 'scaled', { k: 3 })).toBe(12);
    expect(graphOf(Out).find((v) => v.name === 'out')!.deps).toEqual(['out.half', 'k']);
  });
});
