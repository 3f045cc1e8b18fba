import 'reflect-metadata';
import { Builder, config, Driver, dependsOn, node, tag } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { buildError } from './support/build-error.js';

class First {
  @node() shared(): string {
    return 'first';
  }
  @node() onlyFirst(): number {
    return 1;
  }
}
class Second {
  @node() shared(): string {
    return 'second';
  }
}

describe('duplicate node names', () => {
  it('is an error across modules, naming both methods and the way out', () => {
    const error = buildError([First, Second]);
    expect(error.problems).toEqual([{ node: 'shared', message: expect.any(String) }]);
    expect(error.message).toBe(
      'the graph cannot be built (1 problem):\n  - node "shared" is defined twice: by First.shared and by Second.shared; ' +
        'rename one, or pass allowModuleOverrides() so the later module wins',
    );
  });

  it('lets the later module win with allowModuleOverrides', async () => {
    const dr = new Driver({}, [First, Second], { allowModuleOverrides: true });
    expect(await dr.rawExecute(['shared', 'onlyFirst'])).toEqual({ shared: 'second', onlyFirst: 1 });
    const reversed = new Builder().withModules(Second).withModules(First).allowModuleOverrides().build();
    expect(await reversed.rawExecute(['shared'])).toEqual({ shared: 'first' });
  });

  it('is an error within one module, even with allowModuleOverrides', () => {
    class Twice {
      @node({ name: 'x' }) a(): number {
        return 1;
      }
      @node({ name: 'x' }) b(): number {
        return 2;
      }
    }
    expect(buildError(Twice, { allowModuleOverrides: true }).message).toContain(
      'node "x" is produced twice in one module: by Twice.a and by Twice.b',
    );
  });
});

describe('cycles', () => {
  it('reports the whole path in data-flow order', () => {
    class Loop {
      @node() a(c: number): number {
        return c;
      }
      @node() b(a: number): number {
        return a;
      }
      @node() c(b: number): number {
        return b;
      }
      @node() outside(a: number): number {
        return a;
      }
    }
    const error = buildError(Loop);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/cycle: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c); break it/);
  });

  it('reports a node depending on itself', () => {
    class Self {
      @node() a(a: number): number {
        return a;
      }
    }
    expect(buildError(Self).message).toContain('cycle: a -> a');
  });
});

describe('parameters that cannot be read', () => {
  it('asks for @dependsOn when a parameter is destructured', () => {
    class Destructured {
      @node() total({ a, b }: { a: number; b: number }): number {
        return a + b;
      }
    }
    expect(buildError(Destructured).message).toContain(
      'Destructured.total: its parameter names cannot be read: parameter 1 is destructured; name its dependencies with @dependsOn',
    );
  });

  it('accepts destructuring once @dependsOn names the dependency', async () => {
    class Named {
      @node() @dependsOn('pair') total({ a, b }: { a: number; b: number }): number {
        return a + b;
      }
    }
    expect(await new Driver({}, Named).rawExecute(['total'], { inputs: { pair: { a: 1, b: 2 } } })).toEqual({ total: 3 });
  });

  it('reports a @dependsOn whose arity differs from the parameters', () => {
    class Arity {
      @node() @dependsOn('x') two(a: number, b: number): number {
        return a + b;
      }
      @node() @dependsOn('x', 'y') one(a: number): number {
        return a;
      }
    }
    const error = buildError(Arity);
    expect(error.message).toContain(
      'Arity.two: @dependsOn names 1 dependency but the method takes 2 parameters; name one per parameter, in order',
    );
    expect(error.message).toContain('Arity.one: @dependsOn names 2 dependencies but the method takes 1 parameter');
  });
});

// Regression: a method with modifiers but no @node was dropped silently, so a forgotten @node only
// surfaced later as an unknown output (and a subclass override with only @tag removed the node).
describe('decorators without @node', () => {
  it('are reported, naming the method and its decorators', () => {
    class Forgot {
      @node() kept(): number {
        return 1;
      }
      @config.when({ region: 'US' }) @tag({ owner: 'x' }) @dependsOn('kept') dropped(k: number): number {
        return k;
      }
    }
    const { message } = buildError(Forgot);
    expect(message).toMatch(
      /Forgot\.dropped has (@[\w.]+, ){2}@[\w.]+ but no @node\(\); add @node\(\) to make it a node, or remove the decorator/,
    );
    for (const name of ['@dependsOn', '@config.when', '@tag']) expect(message).toContain(name);
    expect(message).not.toContain('Forgot.kept');
  });

  it('include a subclass override that only adds a modifier', () => {
    class Base {
      @node() a(): number {
        return 1;
      }
    }
    class Child extends Base {
      @tag({ owner: 'x' }) override a(): number {
        return 2;
      }
    }
    expect(buildError(Child).message).toContain('Child.a has @tag but no @node()');
  });
});

describe('bad node names', () => {
  it('rejects an empty name and a name ending in __', () => {
    class Names {
      @node({ name: '' }) a(): number {
        return 1;
      }
      @node() b__(): number {
        return 1;
      }
    }
    const error = buildError(Names);
    expect(error.message).toContain('Names.a: "" is not a usable node name; a node name is non-empty');
    expect(error.message).toContain('Names.b__: method name "b__" ends in "__" with no variant after it');
  });
});

describe('several problems', () => {
  it('are all reported in one error', () => {
    class Many {
      @node() a(c: number): number {
        return c;
      }
      @node() c(a: number): number {
        return a;
      }
      @node() label(): string {
        return 'x';
      }
      @node() size(label: number): number {
        return label;
      }
      @node() total({ x }: { x: number }): number {
        return x;
      }
    }
    const error = buildError([Many, First, Second]);
    expect(error.problems).toHaveLength(4);
    expect(error.message).toMatch(/^the graph cannot be built \(4 problems\):\n/);
    expect(error.message).toContain('node "shared" is defined twice');
    expect(error.message).toContain('type mismatch on label -> size');
    expect(error.message).toMatch(/cycle: (a -> c -> a|c -> a -> c)/);
    expect(error.message).toContain('Many.total: its parameter names cannot be read');
  });
});
