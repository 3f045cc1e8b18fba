import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { type ColumnTable, table } from 'arquero';
import { buildError } from '../../test/support/build-error.js';
import { Driver, NodeExecutionError, node, parameterizeExtractColumns, source, testNode, value } from '../index.js';

// Hamilton's test_parameterized_extract_columns, in our names: two calls, two columns each.
class Series {
  @node({ doc: 'Product and sum of the inputs, scaled by {input3}.' })
  @parameterizeExtractColumns(
    {
      columns: ['outseries1a', 'outseries2a'],
      bindings: { input1: source('inseries1a'), input2: source('inseries1b'), input3: value(10) },
    },
    {
      columns: ['outseries1b', ['outseries2b', 'Sum, second call.']],
      bindings: { input1: source('inseries2a'), input2: source('inseries2b'), input3: value(100) },
    },
  )
  fn(input1: number[], input2: number[], input3: number): Record<string, number[]> {
    return { product: input1.map((x, i) => x * input2[i] * input3), sum: input1.map((x, i) => x + input2[i] + input3) };
  }
}

const inputs = { inseries1a: [1], inseries1b: [1], inseries2a: [1], inseries2b: [1] };

describe('@parameterizeExtractColumns', () => {
  const dr = new Driver({}, Series);
  const vars = new Map(dr.listAvailableVariables().map((v) => [v.name, v]));

  it('runs the method once per entry, with that entry bound, and extracts its columns by position', async () => {
    const result = await dr.rawExecute(['outseries1a', 'outseries2a', 'outseries1b', 'outseries2b'], { inputs });
    expect(result).toEqual({ outseries1a: [10], outseries2a: [12], outseries1b: [100], outseries2b: [102] });
  });

  it('names each call after the method and the entry index, valued by the returned columns renamed; the method name is not a node', async () => {
    expect([...vars.keys()].filter((n) => n.startsWith('fn'))).toEqual(['fn__0', 'fn__1']);
    expect(vars.get('fn__0')!.requiredDependencies).toEqual(['inseries1a', 'inseries1b']);
    expect(vars.get('outseries2a')!.requiredDependencies).toEqual(['fn__0']);
    expect(await dr.rawExecute(['fn__1'], { inputs })).toEqual({ fn__1: { outseries1b: [100], outseries2b: [102] } });
  });

  it('documents the columns with the method doc, templated per entry, or the [name, doc] given', () => {
    expect(vars.get('fn__0')!.documentation).toBe('Product and sum of the inputs, scaled by 10.');
    expect(vars.get('outseries1a')!.documentation).toBe('Product and sum of the inputs, scaled by 10.');
    expect(vars.get('outseries1b')!.documentation).toBe('Product and sum of the inputs, scaled by 100.');
    expect(vars.get('outseries2b')!.documentation).toBe('Sum, second call.');
  });

  it('renames an arquero table without copying its columns, and awaits an async method', async () => {
    class Regions {
      @node()
      @parameterizeExtractColumns(
        { columns: ['usSpend', 'usSignups'], bindings: { raw: source('us') } },
        { columns: ['euSpend', 'euSignups'], bindings: { raw: source('eu') } },
      )
      async clean(raw: ColumnTable): Promise<ColumnTable> {
        return raw.select('spend', 'signups');
      }
    }
    const spend = Float64Array.of(1, 2);
    const us = table({ spend, signups: [3, 4], extra: [0, 0] });
    const eu = table({ spend: [5], signups: [6] });
    const result = await new Driver({}, Regions).rawExecute(['usSpend', 'usSignups', 'euSignups'], { inputs: { us, eu } });
    expect(result.usSpend).toBe(spend);
    expect(result).toMatchObject({ usSignups: [3, 4], euSignups: [6] });
    const docs = new Driver({}, Regions).listAvailableVariables().map((v) => [v.name, v.documentation]);
    expect(docs).toContainEqual(['clean__1', 'clean with the bindings of entry #2, columns euSpend, euSignups.']);
    expect(docs).toContainEqual(['euSpend', 'Column "euSpend" of clean__1.']);
  });

  it('leaves parameters an entry does not bind as ordinary dependencies', async () => {
    class Scaled {
      @node() @parameterizeExtractColumns({ columns: ['double'], bindings: { k: value(2) } }, { columns: ['triple'] }) scaled(
        xs: number[],
        k: number,
      ): object {
        return { out: xs.map((x) => x * k) };
      }
    }
    expect(await new Driver({}, Scaled).rawExecute(['double', 'triple'], { inputs: { xs: [1], k: 3 } })).toEqual({
      double: [2],
      triple: [3],
    });
  });

  it('fails the call node when the method returns another count of columns, or no columns', async () => {
    class Loose {
      @node() @parameterizeExtractColumns({ columns: ['a', 'b'] }) loose(x: unknown): object {
        return x as object;
      }
    }
    const run = testNode(Loose, 'a', { x: { p: [1], q: [2], r: [3] } });
    await expect(run).rejects.toThrow(NodeExecutionError);
    await expect(run).rejects.toThrow(
      'node "loose__0" (Loose) failed: "loose__0" returned 3 columns (p, q, r) but @parameterizeExtractColumns names 2 (a, b), which take the columns by position; return one column per name',
    );
    await expect(testNode(Loose, 'b', { x: 5 })).rejects.toThrow(
      'parameterizeExtractColumns needs "loose__0" to return an arquero table or a record of columns, but it returned number 5',
    );
  });

  it('reports every misuse at build time, naming the entry', () => {
    class Misused {
      @node() @parameterizeExtractColumns() none(): object {
        return {};
      }
      @node() @parameterizeExtractColumns(['a'] as never, { columns: 'a', extra: 1 } as never, { columns: [] }) shapes(): object {
        return {};
      }
      @node() @parameterizeExtractColumns({ columns: ['a', 'b'] }, { columns: ['b', ['c', 'doc'], 'a'] }) clash(): object {
        return {};
      }
      @node()
      @parameterizeExtractColumns({ columns: ['x'], bindings: { k: value(1) } }, { columns: ['y'], bindings: { n: 2 } as never })
      bind(n: number): object {
        return {};
      }
      @node() @parameterizeExtractColumns({ columns: ['z'] }) count(): number {
        return 1;
      }
    }
    expect(buildError(Misused).problems.map((p) => p.message)).toEqual([
      'Misused.none: @parameterizeExtractColumns was given no entries; name at least one',
      "Misused.shapes: @parameterizeExtractColumns entry #1 is [\"a\"]; give { columns: ['a', 'b'], bindings?: { param: value(x) | source('node') } }",
      'Misused.shapes: @parameterizeExtractColumns entry #2 has no option "extra"; an entry has columns and bindings',
      "Misused.shapes: @parameterizeExtractColumns entry #2 columns is \"a\"; give an array of names (or [name, doc] pairs), e.g. columns: ['spend', 'signups']",
      'Misused.shapes: @parameterizeExtractColumns entry #3 was given no columns; name at least one',
      'Misused.clash: @parameterizeExtractColumns names column "b" in entries #1 and #2; every column is a node, so name each one once',
      'Misused.clash: @parameterizeExtractColumns names column "a" in entries #1 and #2; every column is a node, so name each one once',
      'Misused.bind: @parameterizeExtractColumns entry #1 names "k", which is not a parameter of the method; its parameters are n',
      'Misused.bind: @parameterizeExtractColumns entry #2 binds "n" to number 2; wrap it in value(2) for a fixed value, or use source(\'node\') to read a node',
      'Misused.count: @parameterizeExtractColumns needs the method to return a table or a record of columns, but it returns Number; fix the return type or remove @parameterizeExtractColumns',
    ]);
  });
});
