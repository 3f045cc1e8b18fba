import { Driver, GraphBuildError, group, node, source, subdag, value } from '../index.js';

function problems(module: object): string[] {
  try {
    new Driver({}, module);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphBuildError);
    return (error as GraphBuildError).problems.map((p) => p.message);
  }
  throw new Error('expected a GraphBuildError');
}

class Inner {
  @node() a(x: number): number {
    return x;
  }
  @node() b(a: number): number {
    return a;
  }
}

describe('subdag misuse', () => {
  it('reports a parameter that names no subdag node, listing the nodes', () => {
    class Bad {
      @node() @subdag(Inner) out(c: number): number {
        return c;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.out: parameter "c" names no node of its @subdag; the method\'s parameters name subdag nodes, which are a, b, or are listed in externalInputs when the outer graph supplies them',
    ]);
  });

  it('reports an input binding that names no input of the subdag, and bad bindings', () => {
    class Bad {
      @node() @subdag(Inner, { inputs: { y: value(1) } }) out(b: number): number {
        return b;
      }
      @node() @subdag(Inner, { inputs: { x: 3, z: group(value(1)) } as never }) out2(b: number): number {
        return b;
      }
      @node() @subdag(Inner, { inputs: { x: value('3') } }) out3(b: number): number {
        return b;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.out: @subdag inputs names "y", which is not an input of the subdag; its inputs are x',
      'Bad.out2: @subdag inputs binds "x" to number 3; wrap it in value(3) for a fixed value, or use source(\'node\') to read a node',
      'Bad.out2: @subdag inputs binds "z" to a group(...); bind a subdag input to value(x) or source(\'node\')',
      'Bad.out3: @subdag inputs binds "x" to "3" but the parameter takes Number; bind a value of that type or change the parameter type',
    ]);
  });

  it('reports bad options', () => {
    class Bad {
      @node() @subdag(Inner, { namespace: '', config: [1], extra: 1 } as never) out(b: number): number {
        return b;
      }
      @node() @subdag([]) none(b: number): number {
        return b;
      }
    }
    expect(problems(Bad)).toEqual([
      `Bad.out: @subdag namespace is ""; give a non-empty string (the default is the method's node name)`,
      `Bad.out: @subdag config is [1]; give a plain object, e.g. { region: 'US' }`,
      'Bad.out: @subdag has no option "extra"; its options are inputs, config, namespace and externalInputs',
      'Bad.none: @subdag was given no modules; pass a class, an instance or an array of these',
    ]);
  });

  it('reports problems inside the subdag, prefixed with the method that declares it', () => {
    class Broken {
      @node() a(): number {
        return 1;
      }
      @node({ name: 'a' }) a2(): number {
        return 2;
      }
    }
    class Bad {
      @node() @subdag([Broken, 42]) out(a: number): number {
        return a;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.out @subdag: module #1 is number 42; pass a class, an instance of a decorated class, or an array of these',
      'Bad.out @subdag: node "a" is produced twice in one module: by Broken.a and by Broken.a2; rename one or make their config.when conditions exclusive',
    ]);
  });

  it('reports a subdag that contains itself', () => {
    class Loop {
      @node() @subdag(Loop) out(b: number): number {
        return b;
      }
      @node() b(): number {
        return 1;
      }
    }
    expect(problems(Loop)).toContain(
      'Loop.out @subdag: Loop.out: @subdag contains the method that declares it; a subdag cannot include itself',
    );
  });

  it('leaves cycles across the boundary to the cycle check', () => {
    class Cyclic {
      @node() @subdag(Inner, { inputs: { x: source('out') } }) out(b: number): number {
        return b;
      }
    }
    expect(problems(Cyclic)).toEqual(['cycle: out.a -> out.b -> out -> out.a; break it by removing or renaming one dependency']);
  });

  it('reports a key given both in config and in inputs, as the Driver does for its own', () => {
    class Bad {
      @node() @subdag(Inner, { inputs: { x: value(1), y: source('z') }, config: { x: 2, y: 3 } }) out(b: number): number {
        return b;
      }
    }
    expect(problems(Bad)).toEqual([
      `Bad.out: @subdag gives "x", "y" both in config and in inputs; keep each in one of them (config is fixed when the subdag is built and drives config.when, inputs bind value(x) or source('node'))`,
    ]);
  });

  it('reports externalInputs that is not a list of names, or names no parameter of the method', () => {
    class Bad {
      @node() @subdag(Inner, { externalInputs: 'fx' as never }) out(b: number): number {
        return b;
      }
      @node() @subdag(Inner, { externalInputs: ['fx', 'rate'] }) out2(b: number, fx: number): number {
        return b * fx;
      }
    }
    expect(problems(Bad)).toEqual([
      `Bad.out: @subdag externalInputs is "fx"; give an array of the method's parameter names that the outer graph supplies, e.g. ['fx']`,
      'Bad.out2: @subdag externalInputs names "rate", which is not a parameter of the method; its parameters are b, fx',
    ]);
  });

  it('still reports a parameter that is neither a subdag node nor listed in externalInputs', () => {
    class Bad {
      @node() @subdag(Inner, { externalInputs: ['fx'] }) out(b: number, fx: number, c: number): number {
        return b * fx * c;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.out: parameter "c" names no node of its @subdag; the method\'s parameters name subdag nodes, which are a, b, or are listed in externalInputs when the outer graph supplies them',
    ]);
  });
});
