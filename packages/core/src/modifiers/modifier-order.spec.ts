import { checkOutput, Driver, extractColumns, GraphBuildError, node, pipe, step, subdag, tag, type Variable, value } from '../index.js';

const shape = (vars: readonly Variable[]) =>
  vars.map((v) => ({ name: v.name, deps: [...v.requiredDependencies, ...v.optionalDependencies], tags: v.tags, type: v.type }));
const graphOf = (module: object) => shape(new Driver({}, module).listAvailableVariables());
const inc = (x: number) => x + 1;

class Inner {
  @node() half(x: number): number {
    return x / 2;
  }
}

describe('modifier composition order', () => {
  it('gives the same graph with @checkOutput above or below @node()', () => {
    class Above {
      @checkOutput({ range: [0, 1] }) @node() score(x: number): number {
        return x;
      }
    }
    class Below {
      @node() @checkOutput({ range: [0, 1] }) score(x: number): number {
        return x;
      }
    }
    expect(graphOf(Above)).toEqual(graphOf(Below));
    expect(graphOf(Above).map((v) => v.name)).toEqual(['score_raw', 'score_range_validator', 'score', 'x']);
  });

  it('applies subdag, pipe, checkOutput and tag in their fixed phases whatever order they are written in', () => {
    class One {
      @tag({ t: 'x' })
      @checkOutput({ nonEmpty: true })
      @pipe(step(inc))
      @subdag(Inner, { inputs: { x: value(4) } })
      @node()
      out(half: number): number {
        return half;
      }
    }
    class Two {
      @node()
      @subdag(Inner, { inputs: { x: value(4) } })
      @pipe(step(inc))
      @checkOutput({ nonEmpty: true })
      @tag({ t: 'x' })
      out(half: number): number {
        return half;
      }
    }
    expect(graphOf(One)).toEqual(graphOf(Two));
    const byName = new Map(graphOf(One).map((v) => [v.name, v]));
    expect(byName.get('out.inc')!.deps).toEqual(['out.half']);
    expect(byName.get('out_raw')!.deps).toEqual(['out.inc']);
    expect(byName.get('out')!.tags).toEqual({ t: 'x', 'hamilton.data_quality.validators': ['nonEmpty'] });
  });

  it('checks the extracted columns, not the table, whichever of extractColumns / checkOutput is written first', () => {
    class First {
      @node() @checkOutput({ range: [0, 1] }) @extractColumns('a', 'b') t(): Record<string, number[]> {
        return { a: [0], b: [1] };
      }
    }
    class Second {
      @node() @extractColumns('a', 'b') @checkOutput({ range: [0, 1] }) t(): Record<string, number[]> {
        return { a: [0], b: [1] };
      }
    }
    expect(graphOf(First)).toEqual(graphOf(Second));
    expect(graphOf(First).map((v) => v.name)).toEqual(['t', 'a_raw', 'a_range_validator', 'a', 'b_raw', 'b_range_validator', 'b']);
  });

  it('reports misuses on two different methods together in one GraphBuildError', () => {
    class Twice {
      @node() @checkOutput({ range: [3, 1] }) a(x: number): number {
        return x;
      }
      @node() @pipe(step(inc)) b(): number {
        return 1;
      }
    }
    let error: unknown;
    try {
      new Driver({}, Twice);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphBuildError);
    expect((error as GraphBuildError).problems.map((p) => p.message)).toEqual([
      'Twice.a: @checkOutput range is [3,1]; give a [min, max] pair of numbers with min <= max, e.g. range: [0, 1]',
      'Twice.b: @pipe pipes into the first parameter of "b", but it takes none; add a parameter or remove @pipe',
    ]);
    expect((error as Error).message).toMatch(/^the graph cannot be built \(2 problems\):/);
  });
});
