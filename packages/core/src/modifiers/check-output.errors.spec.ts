import { buildError } from '../../test/support/build-error.js';
import { checkOutput, type DataValidator, Driver, NodeExecutionError, node } from '../index.js';

describe('checkOutput misuse', () => {
  it('reports an unknown validator with the known ones, naming the method', () => {
    class Bad {
      @node() @checkOutput({ between: [0, 1] } as never) x(): number {
        return 1;
      }
    }
    expect(buildError(Bad).message).toContain(
      'Bad.x: @checkOutput has no validator "between"; the known ones are range, dataType, allowNaN, maxFractionNaN, values, nonEmpty, custom',
    );
  });

  it('reports a range that is not a [min, max] pair', () => {
    class Bad {
      @node() @checkOutput({ range: [1, 0] }) x(): number {
        return 1;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      'Bad.x: @checkOutput range is [1,0]; give a [min, max] pair of numbers with min <= max, e.g. range: [0, 1]',
    ]);
  });

  it('reports a bad importance', () => {
    class Bad {
      @node() @checkOutput({ nonEmpty: true }, { importance: 'error' as 'fail' }) x(): number {
        return 1;
      }
    }
    expect(buildError(Bad).message).toContain(`Bad.x: @checkOutput importance is "error"; use 'warn' or 'fail'`);
  });

  it('reports validators that share a name, also across two checkOutputs', () => {
    const range: DataValidator = { name: 'range', validate: () => ({ passed: true, message: '' }) };
    class Bad {
      @node() @checkOutput({ range: [0, 1], custom: [range] }) x(): number {
        return 1;
      }
      @node() @checkOutput({ nonEmpty: true }) @checkOutput({ nonEmpty: true }) y(): number {
        return 1;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      'Bad.x: validator "range" is given twice for node "x"; give each validator of a node a distinct name',
      'Bad.y: validator "nonEmpty" is given twice for node "y"; give each validator of a node a distinct name',
    ]);
  });

  it('reports a clash between x_raw and a node of the same name', () => {
    class Bad {
      @node() @checkOutput({ nonEmpty: true }) x(): number {
        return 1;
      }
      @node() x_raw(): number {
        return 2;
      }
    }
    expect(buildError(Bad).message).toContain('node "x_raw" is produced twice in one module: by Bad.x and by Bad.x_raw');
  });
});

describe('checkOutput: validators that misbehave at run time', () => {
  it('turns a throwing validator into a NodeExecutionError of its validator node', async () => {
    const broken: DataValidator = {
      name: 'broken',
      validate: () => {
        throw new Error('boom');
      },
    };
    class M {
      @node() @checkOutput({ custom: [broken] }) x(): number {
        return 1;
      }
    }
    const error = await new Driver({}, M).rawExecute(['x']).catch((e) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error.message).toBe('node "x_broken_validator" (M) failed: boom');
  });

  it('says what a validator must return when it returns something else', async () => {
    const sloppy = { name: 'sloppy', validate: () => true } as unknown as DataValidator;
    class M {
      @node() @checkOutput({ custom: [sloppy] }) x(): number {
        return 1;
      }
    }
    const error = await new Driver({}, M).rawExecute(['x']).catch((e) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error.message).toContain(
      'validator "sloppy" returned true; validate(value) must return { passed: boolean, message: string, offending?: unknown[] }',
    );
  });
});
