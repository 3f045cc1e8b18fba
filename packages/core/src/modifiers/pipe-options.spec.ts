import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, node, pipe, source, step, value } from '../index.js';

const add = (x: number, k: number) => x + k;
const double = (x: number) => x * 2;
const names = (module: object) =>
  new Driver({}, module)
    .listAvailableVariables()
    .map((v) => v.name)
    .sort();

describe('@pipe onInput and namespaces', () => {
  it('pipes a chosen parameter, leaving the others as they are', async () => {
    class Net {
      @node()
      @pipe(step(add, value(10)), step(double), { onInput: 'fees' })
      net(spend: number, fees: number): number {
        return spend - fees;
      }
    }
    expect(await new Driver({}, Net).rawExecute(['net'], { inputs: { spend: 100, fees: 1 } })).toEqual({ net: 78 });
    expect(names(Net)).toEqual(['fees', 'net', 'net.add', 'net.double', 'spend']);
  });

  it('stacks two pipes on two parameters', async () => {
    class Both {
      @node()
      @pipe(step(double))
      @pipe(step(add, source('k')), { onInput: 'b' })
      both(a: number, b: number): number {
        return a * 100 + b;
      }
    }
    expect(await new Driver({}, Both).rawExecute(['both'], { inputs: { a: 1, b: 2, k: 3 } })).toEqual({ both: 205 });
  });

  it('namespace: true lets two pipes use the same step names', async () => {
    class Two {
      @node() @pipe(step(double).named('scaled'), { namespace: true }) left(x: number): number {
        return x;
      }
      @node() @pipe(step(add, value(1)).named('scaled'), { namespace: true }) right(x: number): number {
        return x;
      }
    }
    expect(names(Two)).toEqual(['left', 'left.scaled', 'right', 'right.scaled', 'x']);
    expect(await new Driver({}, Two).rawExecute(['left', 'right'], { inputs: { x: 5 } })).toEqual({ left: 10, right: 6 });
  });

  it('names steps by a namespace string, none (false), or per step', () => {
    class Spaced {
      @node() @pipe(step(double), step(add, value(1)).named('plusOne'), { namespace: 'prep' }) a(x: number): number {
        return x;
      }
      @node() @pipe(step(double), { namespace: false }) b(y: number): number {
        return y;
      }
      @node() @pipe(step(add, value(2)).named('two', true), step(add, value(3)).named('three', 'shared')) c(z: number): number {
        return z;
      }
    }
    expect(names(Spaced)).toEqual(['a', 'b', 'c', 'c.two', 'double', 'prep.double', 'prep.plusOne', 'shared.three', 'x', 'y', 'z']);
  });

  it('reports an unknown onInput, unknown options, bad namespaces and namespaces on both levels', () => {
    class Bad {
      @node() @pipe(step(double), { onInput: 'nope' }) a(x: number): number {
        return x;
      }
      @node() @pipe(step(double), { onInput: 'x', extra: 1 } as never) b(x: number): number {
        return x;
      }
      @node() @pipe(step(double), { namespace: '' }) c(x: number): number {
        return x;
      }
      @node() @pipe(step(double).named('d', true), { namespace: 'ns' }) d(x: number): number {
        return x;
      }
      @node() @pipe(step(double).named('e', 3 as never)) e(x: number): number {
        return x;
      }
      @node() @pipe(step(double).onOutput('x')) f(x: number): number {
        return x;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      'Bad.a: @pipe onInput is "nope", which is not a parameter of the method; its parameters are x',
      'Bad.b: @pipe has no option "extra"; its options are onInput, namespace',
      'Bad.c: @pipe namespace is ""; give a non-empty string, true (the node\'s name) or false (no namespace)',
      'Bad.d: @pipe sets a namespace both on the decorator and on a step (.named(name, namespace)); choose one level',
      "Bad.e: @pipe namespace is 3; give a non-empty string or true (the node's name)",
      'Bad.f: .onOutput() applies to @pipeOutput steps; a @pipe step transforms its input',
    ]);
  });
});
