import { Driver, GraphBuildError, group, node, pipe, source, step, value } from '../index.js';
import type { PipeStep } from './pipe-step.js';

function problems(module: object, config: Record<string, unknown> = {}): string[] {
  try {
    new Driver(config, module);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphBuildError);
    return (error as GraphBuildError).problems.map((p) => p.message);
  }
  throw new Error('expected a GraphBuildError');
}

const inc = (x: number) => x + 1;

describe('pipe misuse', () => {
  it('reports a method without a parameter to pipe into', () => {
    class Bad {
      @node() @pipe(step(inc)) x(): number {
        return 1;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.x: @pipe pipes into the first parameter of "x", but it takes none; add a parameter or remove @pipe',
    ]);
  });

  it('reports steps not made with step(), and an empty pipe', () => {
    class Bad {
      @node() @pipe(inc as unknown as PipeStep, step(inc)) x(a: number): number {
        return a;
      }
      @node() @pipe() y(a: number): number {
        return a;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.x: @pipe step #1 is function inc; make each step with step(fn, ...args)',
      'Bad.y: @pipe() names no step; pass at least one step(fn, ...args)',
    ]);
  });

  it('reports a step whose fn is not a function, or is anonymous and unnamed', () => {
    class Bad {
      @node()
      @pipe(
        step(42 as never),
        step((v: number) => v),
      )
      x(a: number): number {
        return a;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.x: @pipe step #1 needs a function, got 42; write step(fn, ...args)',
      "Bad.x: @pipe step #2 has an anonymous function, so its node has no name; add .named('stepName')",
    ]);
  });

  it('reports bare, group and empty-source arguments', () => {
    class Bad {
      @node() @pipe(step(inc, 3, group(value(1)), source(''))) x(a: number): number {
        return a;
      }
    }
    expect(problems(Bad)).toEqual([
      'Bad.x: @pipe step "x.inc" binds "argument 1" to number 3; wrap it in value(3) for a fixed value, or use source(\'node\') to read a node',
      'Bad.x: @pipe step "x.inc" argument 2 is a group(...); a step argument is value(x) or source(\'node\')',
      'Bad.x: @pipe step "x.inc" binds "argument 3" to source(""); source() takes the name of a node or input',
    ]);
  });

  it('reports two steps with one name, and bad names', () => {
    class Bad {
      @node() @pipe(step(inc), step(inc)) x(a: number): number {
        return a;
      }
      @node() @pipe(step(inc).named('')) y(a: number): number {
        return a;
      }
    }
    expect(problems(Bad)).toEqual([
      `Bad.x: @pipe has two steps named "x.inc"; give one of them another name with .named('...')`,
      'Bad.y: @pipe step #1 is named ""; a step name is a non-empty string that does not end in "__"',
    ]);
  });

  it('reports a step condition without keys', () => {
    class Bad {
      @node() @pipe(step(inc).when({})) x(a: number): number {
        return a;
      }
    }
    expect(problems(Bad)).toEqual(['Bad.x (@pipe step "x.inc"): @config.when({}) has no keys; name at least one config key']);
  });
});
