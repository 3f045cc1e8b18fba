import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { checkOutput, Driver, extractFields, node, pipeOutput, source, step, tag, value } from '../index.js';

const add = (x: number, k: number) => x + k;
const double = (x: number) => x * 2;
const variables = (module: object, config = {}) => new Map(new Driver(config, module).listAvailableVariables().map((v) => [v.name, v]));

describe('@pipeOutput', () => {
  it('runs the value through the steps after the body; consumers read the end of the chain', async () => {
    class Prices {
      @node()
      @pipeOutput(step(add, value(1)), step(double), step(add, source('fee')).named('withFee', true))
      price(base: number): number {
        return base * 10;
      }
      @node() report(price: number): string {
        return `price ${price}`;
      }
    }
    const dr = new Driver({}, Prices);
    expect(await dr.rawExecute(['report', 'price', 'price.raw'], { inputs: { base: 1, fee: 5 } })).toEqual({
      report: 'price 27',
      price: 27,
      'price.raw': 10,
    });
    const vars = variables(Prices);
    expect([...vars.keys()].sort()).toEqual(['base', 'fee', 'price', 'price.add', 'price.double', 'price.raw', 'price.withFee', 'report']);
  });

  it('keeps the name, doc and tags on the end, and validators check the piped value', async () => {
    class Checked {
      @node({ doc: 'A score.' })
      @tag({ owner: 'ml' })
      @checkOutput({ range: [0, 1] }, { importance: 'fail' })
      @pipeOutput(step(double))
      score(x: number): number {
        return x;
      }
    }
    const vars = variables(Checked);
    expect(vars.get('score')).toMatchObject({ documentation: 'A score.', tags: expect.objectContaining({ owner: 'ml' }) });
    expect(vars.get('score.raw')!.tags).toEqual({});
    await expect(new Driver({}, Checked).rawExecute(['score'], { inputs: { x: 0.6 } })).rejects.toThrow(/range/);
    expect(await new Driver({}, Checked).rawExecute(['score'], { inputs: { x: 0.3 } })).toEqual({ score: 0.6 });
  });

  it('pipes every output of extractFields, or those chosen by onOutput on the decorator or on a step', async () => {
    class Fields {
      @node()
      @extractFields({ a: Number, b: Number })
      @pipeOutput(step(double), step(add, value(1)).onOutput('b'))
      pair(): { a: number; b: number } {
        return { a: 1, b: 2 };
      }
      @node()
      @extractFields({ c: Number, d: Number })
      @pipeOutput(step(double), { onOutput: ['d'] })
      other(): { c: number; d: number } {
        return { c: 3, d: 4 };
      }
    }
    expect(await new Driver({}, Fields).rawExecute(['a', 'b', 'c', 'd'])).toEqual({ a: 2, b: 5, c: 3, d: 8 });
  });

  it('leaves the node alone when config removes every step', async () => {
    class Maybe {
      @node() @pipeOutput(step(double).when({ twice: true })) v(x: number): number {
        return x;
      }
    }
    expect([...variables(Maybe).keys()].sort()).toEqual(['v', 'x']);
    expect(await new Driver({ twice: true }, Maybe).rawExecute(['v'], { inputs: { x: 2 } })).toEqual({ v: 4 });
  });

  it('reports every misuse together', () => {
    class Bad {
      @node() @pipeOutput() a(): number {
        return 1;
      }
      @node() @pipeOutput(step(double).onOutput('x'), { onOutput: 'b' }) b(): number {
        return 1;
      }
      @node() @pipeOutput(step(double), { onOutput: 'nope' }) c(): number {
        return 1;
      }
      @node() @pipeOutput(step(double), { onOutput: 3 } as never) d(): number {
        return 1;
      }
      @node() @pipeOutput('x' as never) e(): number {
        return 1;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      'Bad.a: @pipeOutput() names no step; pass at least one step(fn, ...args)',
      'Bad.b: @pipeOutput has onOutput both on the decorator and on a step; choose one level (Hamilton refuses this too)',
      'Bad.c: @pipeOutput onOutput names nope, which is not an output of the method; its outputs are c',
      'Bad.d: @pipeOutput onOutput is 3; give an output name or an array of output names',
      'Bad.e: @pipeOutput step #1 is "x"; make each step with step(fn, ...args)',
    ]);
  });
});
