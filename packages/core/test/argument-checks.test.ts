import 'reflect-metadata';
import {
  AsyncDriver,
  Builder,
  Driver,
  GraphBuildError,
  HamiltonError,
  InputValidationError,
  node,
  tag,
  testNode,
  UnknownNodeError,
} from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import type { ColumnTable } from 'arquero';

// Run-time checks of every public argument, as a JavaScript caller (no type checker) would hit them.
// Arguments are passed through `any` on purpose.

class Features {
  @node() @tag({ owner: 'growth' }) spendUsd(spend: number): number {
    return spend * 2;
  }
  @node() perSignup(spendUsd: number, signups: number): number {
    return spendUsd / signups;
  }
  @node() constant(): number {
    return 7;
  }
}

class Logger {
  postNodeExecute(): void {}
}

type Any = any;
const js = (value: unknown): Any => value;
const dr = new Driver({}, Features);

/** The error `fn` throws (synchronously or by rejecting), checked to be an instance of `type`. */
async function failure<E extends Error>(type: abstract new (...args: never[]) => E, fn: () => unknown): Promise<E> {
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(type);
  expect(error).toBeInstanceOf(HamiltonError);
  return error as E;
}

describe('new Driver(config, modules, options)', () => {
  it('wants config as a plain object', async () => {
    for (const [config, shown] of [
      [null, 'null'],
      [new Map(), 'Map'],
      ['US', '"US"'],
      [new (class Settings {})(), 'Settings'],
    ] as const) {
      const error = await failure(GraphBuildError, () => new Driver(js(config), Features));
      expect(error.message).toContain(`config is ${shown}; pass a plain object such as { region: 'US' } ({} for none)`);
    }
    expect(new Driver(Object.create(null), Features).graph.nodes.has('spendUsd')).toBe(true);
  });

  it('hints at swapped arguments when config is a class or an array', async () => {
    const error = await failure(GraphBuildError, () => new Driver(js(Features), js({})));
    expect(error.message).toContain('config is function Features; pass a plain object');
    expect(error.message).toContain('modules come second: new Driver(config, modules, options)');
  });

  it('wants at least one module in an array of modules', async () => {
    const empty = await failure(GraphBuildError, () => new Driver({}, []));
    expect(empty.message).toContain(
      'modules is Array(0) with no module in it; pass a class with @node methods, an instance of one, or an array of these',
    );
    const nested = await failure(GraphBuildError, () => new Driver({}, [[], []]));
    expect(nested.message).toContain('modules is Array(2) with no module in it');
  });

  it('leaves other module values to the graph builder, reported once', async () => {
    const error = await failure(GraphBuildError, () => new Driver({}, js([Features, 42])));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('module #1 is number 42; pass a class, an instance of a decorated class, or an array of these');
  });

  it('wants options as an object', async () => {
    const error = await failure(GraphBuildError, () => new Driver({}, Features, js('fast')));
    expect(error.message).toContain('options is "fast"; pass an object such as { adapter }, or leave it out');
    await failure(GraphBuildError, () => new Driver({}, Features, js(null)));
  });

  it('wants adapter as an adapter object or an array of them', async () => {
    const cls = await failure(GraphBuildError, () => new Driver({}, Features, { adapter: js(Logger) }));
    expect(cls.message).toContain('adapter is the class Logger, not an adapter; pass an instance: new Logger()');
    const nil = await failure(GraphBuildError, () => new Driver({}, Features, { adapter: js(null) }));
    expect(nil.message).toContain('adapter is null; pass an adapter object, e.g. new PrintLn()');
    const inArray = await failure(GraphBuildError, () => new Driver({}, Features, { adapter: js([new Logger(), 'x', Logger]) }));
    expect(inArray.problems.map((p) => p.message)).toEqual([
      'adapter[1] is "x"; pass an adapter object, e.g. new PrintLn()',
      'adapter[2] is the class Logger, not an adapter; pass an instance: new Logger()',
    ]);
    expect(new Driver({}, Features, { adapter: [new Logger()] })).toBeInstanceOf(Driver);
  });

  it('wants allowModuleOverrides as a boolean', async () => {
    const error = await failure(GraphBuildError, () => new Driver({}, Features, { allowModuleOverrides: js('yes') }));
    expect(error.message).toContain('allowModuleOverrides is "yes"; pass true or false, or leave it out');
  });

  it('still checks maxConcurrency', async () => {
    const error = await failure(GraphBuildError, () => new Driver({}, Features, { maxConcurrency: js('4') }));
    expect(error.message).toContain('maxConcurrency is "4"; give a whole number of at least 1');
  });

  it('reports every problem of the arguments together', async () => {
    const error = await failure(GraphBuildError, () => new Driver(js(null), [], { allowModuleOverrides: js(1) }));
    expect(error.problems.map((p) => p.message.split(';')[0])).toEqual([
      'config is null',
      'modules is Array(0) with no module in it',
      'allowModuleOverrides is number 1',
    ]);
  });

  it('applies to AsyncDriver too', async () => {
    const options = await failure(GraphBuildError, () => new AsyncDriver({}, Features, js(null)));
    expect(options.message).toContain('options is null; pass an object such as { adapter }');
    const config = await failure(GraphBuildError, () => new AsyncDriver(js([]), Features));
    expect(config.message).toContain('config is Array(0); pass a plain object');
  });
});

describe('execute, rawExecute, validateExecution, visualizeExecution', () => {
  const calls: Record<string, (outputs: unknown, options?: unknown) => unknown> = {
    execute: (o, opts) => dr.execute(js(o), js(opts)),
    rawExecute: (o, opts) => dr.rawExecute(js(o), js(opts)),
    validateExecution: (o, opts) => dr.validateExecution(js(o), js(opts)),
    visualizeExecution: (o, opts) => dr.visualizeExecution(js(o), js(opts)),
  };

  for (const [method, call] of Object.entries(calls)) {
    describe(method, () => {
      it('says to wrap a single output name in an array', async () => {
        const error = await failure(HamiltonError, () => call('spendUsd', { inputs: { spend: 1 } }));
        expect(error.message).toBe(`outputs is "spendUsd"; pass an array of node names: ['spendUsd']`);
      });

      it('wants outputs as an array of strings', async () => {
        const missing = await failure(HamiltonError, () => call(undefined));
        expect(missing.message).toBe("outputs is undefined; pass an array of node names such as ['spendPerSignup'] ([] asks for nothing)");
        const notString = await failure(HamiltonError, () => call(['spendUsd', 3], { inputs: { spend: 1 } }));
        expect(notString.message).toBe("outputs[1] is number 3; every output is a node name (a string), e.g. ['spendPerSignup']");
      });

      it('wants options as an object', async () => {
        const error = await failure(HamiltonError, () => call(['spendUsd'], 'spend=1'));
        expect(error.message).toBe('options is "spend=1"; pass an object such as { inputs, overrides }, or leave it out');
        await failure(HamiltonError, () => call(['spendUsd'], null));
      });

      it('wants inputs and overrides as plain objects, reported together', async () => {
        const inputs = await failure(InputValidationError, () => call(['spendUsd'], { inputs: new Map([['spend', 1]]) }));
        expect(inputs.problems).toEqual([{ input: 'inputs', neededBy: [], message: expect.any(String) }]);
        expect(inputs.message).toContain('inputs is Map; pass a plain object such as { spend, signups }');
        const both = await failure(InputValidationError, () => call(['spendUsd'], { inputs: [1], overrides: 'spendUsd' }));
        expect(both.problems.map((p) => p.input)).toEqual(['inputs', 'overrides']);
        expect(both.message).toContain('inputs is Array(1); pass a plain object');
        expect(both.message).toContain('overrides is "spendUsd"; pass a plain object such as { spendUsd }');
      });

      it('takes null inputs and overrides as none', async () => {
        await call(['constant'], { inputs: null, overrides: null });
      });

      it('still reports unknown outputs as UnknownNodeError', async () => {
        const error = await failure(UnknownNodeError, () => call(['spendUds'], { inputs: { spend: 1 } }));
        expect(error.message).toContain('"spendUds" (did you mean spendUsd?)');
      });
    });
  }

  it('takes [] as asking for nothing: no node runs, and inputs are not required', async () => {
    expect(await dr.rawExecute([])).toEqual({});
    const table = (await dr.execute([])) as ColumnTable;
    expect([table.numRows(), table.numCols()]).toEqual([0, 0]);
    expect(() => dr.validateExecution([])).not.toThrow();
    expect(dr.visualizeExecution([])).toContain('digraph');
  });
});

describe('listAvailableVariables', () => {
  it('wants options as an object', async () => {
    const error = await failure(HamiltonError, () => dr.listAvailableVariables(js(null)));
    expect(error.message).toBe("options is null; pass an object such as { tagFilter: { owner: 'growth' } }, or leave it out");
  });

  it('wants tagFilter as a plain object', async () => {
    const error = await failure(HamiltonError, () => dr.listAvailableVariables({ tagFilter: js('growth') }));
    expect(error.message).toBe(`tagFilter is "growth"; pass a plain object such as { owner: 'growth' }`);
  });

  it('wants each tag filter value to be a string, an array of strings or null', async () => {
    for (const [value, shown] of [
      [3, 'number 3'],
      [['growth', 1], 'Array(2)'],
      [undefined, 'undefined'],
      [{ any: 'growth' }, 'Object'],
    ] as const) {
      const error = await failure(HamiltonError, () => dr.listAvailableVariables({ tagFilter: { owner: js(value) } }));
      expect(error.message).toBe(
        `tagFilter "owner" is ${shown}; give a string, an array of strings (any of them) or null (the tag exists)`,
      );
    }
  });

  it('accepts what the filter documents', () => {
    const names = (filter: Record<string, unknown>) => dr.listAvailableVariables({ tagFilter: js(filter) }).map((v) => v.name);
    expect(names({ owner: 'growth' })).toEqual(['spendUsd']);
    expect(names({ owner: ['finance', 'growth'] })).toEqual(['spendUsd']);
    expect(names({ owner: null })).toEqual(['spendUsd']);
    expect(dr.listAvailableVariables()).toHaveLength(dr.listAvailableVariables({}).length);
  });
});

describe('whatIsUpstreamOf, whatIsDownstreamOf, whatIsThePathBetween', () => {
  it('want node names as separate string arguments', async () => {
    const array = await failure(HamiltonError, () => dr.whatIsUpstreamOf(js(['perSignup', 'spendUsd'])));
    expect(array.message).toBe(
      'whatIsUpstreamOf: argument #1 is Array(2); pass node names as strings, one per argument (spread an array: whatIsUpstreamOf(...names))',
    );
    const number = await failure(HamiltonError, () => dr.whatIsDownstreamOf('spend', js(3)));
    expect(number.message).toBe(
      "whatIsDownstreamOf: argument #2 is number 3; pass node names as strings, e.g. whatIsDownstreamOf('spendUsd')",
    );
    const missing = await failure(HamiltonError, () => js(dr).whatIsThePathBetween('spend'));
    expect(missing.message).toContain('whatIsThePathBetween: argument #2 is undefined; pass node names as strings');
  });

  it('still report unknown names as UnknownNodeError', async () => {
    await failure(UnknownNodeError, () => dr.whatIsUpstreamOf('spendUds'));
    await failure(UnknownNodeError, () => dr.whatIsDownstreamOf('nope'));
    await failure(UnknownNodeError, () => dr.whatIsThePathBetween('spend', 'nope'));
  });
});

describe('Builder', () => {
  it('withModules wants at least one class, instance or array of them', async () => {
    const none = await failure(GraphBuildError, () => new Builder().withModules());
    expect(none.message).toContain('withModules() was given no module; pass a class with @node methods, an instance of one');
    const empty = await failure(GraphBuildError, () => new Builder().withModules([]));
    expect(empty.message).toContain('withModules argument #1 is Array(0) with no module in it');
    const bad = await failure(GraphBuildError, () => new Builder().withModules(Features, js('features.ts'), js(undefined)));
    expect(bad.problems.map((p) => p.message.split(';')[0])).toEqual([
      'withModules argument #2 is "features.ts"',
      'withModules argument #3 is undefined',
    ]);
  });

  it('withConfig wants a plain object', async () => {
    const error = await failure(GraphBuildError, () => new Builder().withConfig(js('US')));
    expect(error.message).toContain(`the config given to withConfig is "US"; pass a plain object such as { region: 'US' }`);
  });

  it('withAdapters wants adapter objects, one per argument', async () => {
    const cls = await failure(GraphBuildError, () => new Builder().withAdapters(js(Logger)));
    expect(cls.message).toContain('withAdapters argument #1 is the class Logger, not an adapter; pass an instance: new Logger()');
    const array = await failure(GraphBuildError, () => new Builder().withAdapters(new Logger(), js([new Logger()])));
    expect(array.message).toContain(
      'withAdapters argument #2 is Array(1); pass adapters as separate arguments: withAdapters(a, b), or spread the array: withAdapters(...adapters)',
    );
    const nil = await failure(GraphBuildError, () => new Builder().withAdapters(js(null)));
    expect(nil.message).toContain('withAdapters argument #1 is null; pass an adapter object');
  });

  it('build and buildAsync want modules first', async () => {
    const build = await failure(GraphBuildError, () => new Builder().withConfig({ a: 1 }).build());
    expect(build.message).toContain('Builder.build() was called before any module was given; call withModules(...)');
    const buildAsync = await failure(GraphBuildError, () => new Builder().buildAsync());
    expect(buildAsync.message).toContain('Builder.buildAsync() was called before any module was given');
  });

  it('buildAsync wants options as an object', async () => {
    const error = await failure(GraphBuildError, () => new Builder().withModules(Features).buildAsync(js(8)));
    expect(error.message).toContain('buildAsync options is number 8; pass an object such as { maxConcurrency: 8 }');
    expect(new Builder().withModules(Features).buildAsync({ maxConcurrency: 2 })).toBeInstanceOf(AsyncDriver);
  });
});

describe('testNode', () => {
  it('wants the node name as a string', async () => {
    const error = await failure(HamiltonError, () => testNode(Features, js(['spendUsd']), { spend: 1 }));
    expect(error.message).toBe(
      "testNode: the node name is Array(1); pass the name as a string, e.g. testNode(Features, 'spendUsd', values)",
    );
  });

  it('wants values as a plain object, and may go without them', async () => {
    const error = await failure(InputValidationError, () => testNode(Features, 'spendUsd', js(new Map([['spend', 1]]))));
    expect(error.message).toContain('values is Map; pass a plain object such as { spendUsd, signups }');
    await failure(InputValidationError, () => testNode(Features, 'spendUsd', js(null)));
    expect(await testNode(Features, 'constant')).toBe(7);
  });

  it('wants options as an object, and config in it as a plain object', async () => {
    const options = await failure(HamiltonError, () => testNode(Features, 'spendUsd', { spend: 1 }, js('config')));
    expect(options.message).toBe('options is "config"; pass an object such as { config }, or leave it out');
    const config = await failure(GraphBuildError, () => testNode(Features, 'spendUsd', { spend: 1 }, { config: js(3) }));
    expect(config.message).toContain('config is number 3; pass a plain object');
  });
});
