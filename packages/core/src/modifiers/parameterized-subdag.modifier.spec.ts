import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { config, Driver, group, node, parameterizedSubdag, source, testNode, value } from '../index.js';

// Hamilton's test_parameterized_subdag, in our names.
class Parts {
  @node() bar(input1: number): number {
    return input1 + 1;
  }
  @node() foo(input2: number): number {
    return input2 + 1;
  }
  @node() @config.when({ bazVersion: 'standard' }) baz__standard(foo: number, bar: number): number {
    return foo + bar;
  }
  @node() @config.when({ bazVersion: 'alternate' }) baz__alternate(foo: number, bar: number): number {
    return foo * bar;
  }
}

class Processor {
  @node({ doc: 'foo, bar and baz of one variant.' })
  @parameterizedSubdag(
    Parts,
    {
      v0: {},
      v1: { config: { bazVersion: 'standard' }, inputs: { input1: value(100) } },
      v2: { config: { bazVersion: 'alternate' }, inputs: { input2: value(200) } },
    },
    { inputs: { input1: source('external1'), input2: source('external2') }, config: { bazVersion: 'standard' } },
  )
  processor(foo: number, bar: number, baz: number): number[] {
    return [foo, bar, baz];
  }
}

describe('@parameterizedSubdag', () => {
  const dr = new Driver({}, Processor);
  const vars = new Map(dr.listAvailableVariables().map((v) => [v.name, v]));

  it('builds one subdag per key, namespaced by the key, whose output is the node named by the key', async () => {
    expect([...vars.keys()]).toEqual(expect.arrayContaining(['v0', 'v1', 'v2', 'v0.baz', 'v1.baz', 'v2.baz', 'v1.input1', 'v2.input2']));
    expect(vars.has('processor')).toBe(false);
    expect(vars.get('v0')!.requiredDependencies).toEqual(['v0.foo', 'v0.bar', 'v0.baz']);
    expect(vars.get('v0')!.documentation).toBe('foo, bar and baz of one variant.');
    const out = await dr.rawExecute(['v0', 'v1', 'v2'], { inputs: { external1: 1, external2: 2 } });
    expect(out).toEqual({ v0: [3, 2, 5], v1: [3, 101, 104], v2: [201, 2, 402] });
  });

  it("merges an entry's inputs and config over the shared ones", () => {
    expect(vars.get('v0.bar')!.requiredDependencies).toEqual(['external1']);
    expect(vars.get('v1.bar')!.requiredDependencies).toEqual(['v1.input1']);
    expect(vars.get('v2.foo')!.requiredDependencies).toEqual(['v2.input2']);
  });

  it('marks the nodes as made by the method, so testNode runs a whole entry', async () => {
    expect(vars.get('v2.baz')!.origin).toBe('Processor.processor');
    await expect(testNode(Processor, 'v2', { external1: 1 })).resolves.toEqual([201, 2, 402]);
  });

  it("reads shared externalInputs from the outer graph; an entry's own list replaces them", async () => {
    class Summed {
      @node()
      @parameterizedSubdag(
        Parts,
        {
          first: { inputs: { input1: value(10), input2: value(20) } },
          second: { inputs: { input1: value(30), input2: value(40) }, externalInputs: [] },
        },
        { externalInputs: ['baz'], config: { bazVersion: 'standard' } },
      )
      fooBarBaz(foo: number, bar: number, baz: number): number {
        return foo + bar + baz;
      }
    }
    const summed = new Driver({}, Summed);
    const byName = new Map(summed.listAvailableVariables().map((v) => [v.name, v]));
    expect(byName.get('first')!.requiredDependencies).toEqual(['first.foo', 'first.bar', 'baz']);
    expect(byName.get('second')!.requiredDependencies).toEqual(['second.foo', 'second.bar', 'second.baz']);
    expect(await summed.rawExecute(['first', 'second'], { inputs: { baz: 100 } })).toEqual({ first: 21 + 11 + 100, second: 41 + 31 + 72 });
  });

  it('nests: a parameterized subdag of a parameterized subdag gets both namespaces', async () => {
    class Inner {
      @node() @parameterizedSubdag(Parts, { inner: { config: { bazVersion: 'alternate' } } }) innerPair(
        foo: number,
        bar: number,
      ): number[] {
        return [foo, bar];
      }
    }
    class Outer {
      @node() @parameterizedSubdag(Inner, { outer1: { inputs: { input2: value(10) } }, outer2: { inputs: { input2: value(3) } } }) sum(
        inner: number[],
      ): number {
        return inner[0] + inner[1];
      }
    }
    const outer = new Driver({}, Outer);
    expect(outer.listAvailableVariables().map((v) => v.name)).toEqual(
      expect.arrayContaining(['outer1.inner.foo', 'outer2.inner', 'input1']),
    );
    expect(await outer.rawExecute(['outer1', 'outer2'], { inputs: { input1: 2 } })).toEqual({ outer1: 11 + 3, outer2: 4 + 3 });
  });

  it('reports every misuse, naming the entry', () => {
    class Misused {
      @node() @parameterizedSubdag(Parts, {}) none(foo: number): number {
        return foo;
      }
      @node()
      @parameterizedSubdag(
        Parts,
        { a: { namespace: 'x' } as never, b: 3 as never, '': {} },
        { inputs: { input1: group(value(1)) } as never },
      )
      shapes(foo: number): number {
        return foo;
      }
      @node()
      @parameterizedSubdag(
        Parts,
        { a: { config: { input1: 5 } }, b: {} },
        { inputs: { input1: value(1) }, config: { bazVersion: 'standard' } },
      )
      overlap(foo: number): number {
        return foo;
      }
      @node()
      @parameterizedSubdag([], { a: {} })
      empty(foo: number): number {
        return foo;
      }
    }
    expect(buildError(Misused).problems.map((p) => p.message)).toEqual([
      "Misused.none: @parameterizedSubdag needs a record of entries, one subdag per key, such as { us: { inputs: { raw: source('usSpend') } } }, got {}",
      'Misused.shapes: @parameterizedSubdag shared options inputs binds "input1" to a group(...); bind a subdag input to value(x) or source(\'node\')',
      'Misused.shapes: @parameterizedSubdag entry "a" has no option "namespace"; its options are inputs, config and externalInputs (the namespace is the entry\'s key)',
      'Misused.shapes: @parameterizedSubdag entry "b" options are 3; give { inputs?, config?, externalInputs? }',
      'Misused.shapes: @parameterizedSubdag entry "" is not a usable node name (it names the entry\'s output and namespace); a node name is non-empty and does not end in "__"',
      `Misused.overlap: @parameterizedSubdag entry "a" gives "input1" both in config and in inputs; keep each in one of them (config is fixed when the subdag is built and drives config.when, inputs bind value(x) or source('node'))`,
      'Misused.empty: @parameterizedSubdag was given no modules; pass a class, an instance or an array of these',
    ]);
  });

  it('reports problems of one entry prefixed with it, and a parameter that names no subdag node', () => {
    class Bad {
      @node() @parameterizedSubdag(Parts, { ok: { config: { bazVersion: 'standard' } }, broken: { inputs: { nope: value(1) } } }) out(
        baz: number,
      ): number {
        return baz;
      }
      @node() @parameterizedSubdag(Parts, { x: {} }) other(qux: number): number {
        return qux;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      'Bad.out: @parameterizedSubdag entry "broken" inputs names "nope", which is not an input of the subdag; its inputs are input1, input2',
      'Bad.out: parameter "baz" names no node of its @parameterizedSubdag entry "broken"; the method\'s parameters name subdag nodes, which are bar, foo, or are listed in externalInputs when the outer graph supplies them',
      'Bad.other: parameter "qux" names no node of its @parameterizedSubdag entry "x"; the method\'s parameters name subdag nodes, which are bar, foo, or are listed in externalInputs when the outer graph supplies them',
    ]);
  });

  it('reports a value that is not a module once, not once per entry', () => {
    class Bad {
      @node() @parameterizedSubdag([Parts, 42], { a: {}, b: {} }) out(foo: number): number {
        return foo;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      'Bad.out @parameterizedSubdag: module #1 is number 42; pass a class, an instance of a decorated class, or an array of these',
    ]);
  });

  it('reports a subdag that contains itself', () => {
    class Loop {
      @node() @parameterizedSubdag(Loop, { a: {} }) out(b: number): number {
        return b;
      }
      @node() b(): number {
        return 1;
      }
    }
    expect(buildError(Loop).problems.map((p) => p.message)).toContain(
      'Loop.out @parameterizedSubdag entry "a": Loop.out: @parameterizedSubdag contains the method that declares it; a subdag cannot include itself',
    );
  });
});
