import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import {
  checkOutput,
  Driver,
  does,
  extractColumns,
  extractFields,
  inject,
  node,
  parameterize,
  source,
  tag,
  tagOutputs,
  testNode,
  value,
} from '../index.js';

/** The observable shape of a driver's graph: names, dependencies, tags, docs. */
const shape = (dr: Driver) =>
  dr.listAvailableVariables().map((v) => ({ name: v.name, deps: v.requiredDependencies, tags: v.tags, doc: v.documentation }));

const add = ({ x, k }: { x: number; k: number }): number => x + k;

describe('the order in which modifiers are written does not matter', () => {
  it('@extractColumns above or below @node()', async () => {
    class Above {
      @extractColumns('a', 'b') @node() t(raw: object): object {
        return raw;
      }
    }
    class Below {
      @node() @extractColumns('a', 'b') t(raw: object): object {
        return raw;
      }
    }
    expect(shape(new Driver({}, Above))).toEqual(shape(new Driver({}, Below)));
    expect(await testNode(Above, 'b', { raw: { a: [1], b: [2] } })).toEqual([2]);
  });

  it('@parameterize + @tag + @tagOutputs + @does in any order', async () => {
    class One {
      @node({ doc: '{output} = x + {k}' })
      @tag({ team: 'g' })
      @tagOutputs({ plus1: { small: 'yes' } })
      @parameterize({ plus1: { k: value(1) }, plusY: { k: source('y') } })
      @does(add)
      plus(x: number, k: number): number {
        return undefined!;
      }
    }
    class Two {
      @does(add)
      @parameterize({ plus1: { k: value(1) }, plusY: { k: source('y') } })
      @tagOutputs({ plus1: { small: 'yes' } })
      @tag({ team: 'g' })
      @node({ doc: '{output} = x + {k}' })
      plus(x: number, k: number): number {
        return undefined!;
      }
    }
    const one = new Driver({}, One);
    expect(shape(one)).toEqual(shape(new Driver({}, Two)));
    expect(shape(one).slice(0, 2)).toEqual([
      { name: 'plus1', deps: ['x'], tags: { team: 'g', small: 'yes' }, doc: 'plus1 = x + 1' },
      { name: 'plusY', deps: ['x', 'y'], tags: { team: 'g' }, doc: 'plusY = x + y' },
    ]);
    expect(await one.rawExecute(['plus1', 'plusY'], { inputs: { x: 10, y: 5 } })).toEqual({ plus1: 11, plusY: 15 });
    expect(await new Driver({}, Two).rawExecute(['plus1', 'plusY'], { inputs: { x: 10, y: 5 } })).toEqual({ plus1: 11, plusY: 15 });
  });

  it('@inject before or after @extractFields: bind, then extract', async () => {
    class A {
      @node() @inject({ k: value(2) }) @extractFields({ doubled: Number }) f(x: number, k: number): object {
        return { doubled: x * k };
      }
    }
    class B {
      @extractFields({ doubled: Number }) @node() @inject({ k: value(2) }) f(x: number, k: number): object {
        return { doubled: x * k };
      }
    }
    expect(shape(new Driver({}, A))).toEqual(shape(new Driver({}, B)));
    expect(await testNode(A, 'doubled', { x: 4 })).toBe(8);
  });

  it('@parameterize then @extractColumns on every output: each output is extracted (names must differ)', async () => {
    class PerOutput {
      @node()
      @parameterize({ only: { k: value('v') } })
      @extractColumns('col')
      make(k: string): object {
        return { col: [k] };
      }
    }
    expect(await testNode(PerOutput, 'col', {})).toEqual(['v']);
  });

  it('@extractColumns with @checkOutput: columns are extracted first, whichever is written first', () => {
    class ExtractFirst {
      @node() @extractColumns('a') @checkOutput({ nonEmpty: true }) t(raw: object): object {
        return raw;
      }
    }
    class CheckFirst {
      @node() @checkOutput({ nonEmpty: true }) @extractColumns('a') t(raw: object): object {
        return raw;
      }
    }
    expect(shape(new Driver({}, ExtractFirst))).toEqual(shape(new Driver({}, CheckFirst)));
  });
});
