import 'reflect-metadata';
import { Driver, InputValidationError, node, UnknownNodeError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Counted {
  static runs = 0;
  @node() a(x: number): number {
    Counted.runs++;
    return x;
  }
  @node() b(a: number, y: string): string {
    Counted.runs++;
    return `${a}${y}`;
  }
}

const dr = new Driver({ k: 1 }, Counted);

/** The error `execute` rejects with, and the one `validateExecution` throws, for the same call. */
async function bothErrors(outputs: string[], options: Parameters<Driver['execute']>[1]) {
  const fromExecute = await dr.execute(outputs, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  let fromValidate: unknown;
  try {
    dr.validateExecution(outputs, options);
  } catch (e) {
    fromValidate = e;
  }
  return { fromExecute: fromExecute as Error, fromValidate: fromValidate as Error };
}

describe('validateExecution', () => {
  it.each([
    ['an unknown output', ['c'], {}, UnknownNodeError, 'unknown output: "c"'],
    ['an unknown override', ['b'], { overrides: { q: 1 } }, UnknownNodeError, 'unknown override: "q"'],
    ['missing inputs', ['b'], {}, InputValidationError, 'missing input "x", needed by a'],
    ['a mistyped input', ['b'], { inputs: { x: 1, y: 2 } }, InputValidationError, 'input "y" should be String but is number 2'],
    ['a config key given as input', ['a'], { inputs: { x: 1, k: 2 } }, InputValidationError, '"k" is given both in config and in inputs'],
    ['an input naming a node', ['b'], { inputs: { x: 1, y: 'a', a: 3 } }, InputValidationError, 'input "a" names a computed node'],
  ] as const)('throws what execute would for %s', async (_, outputs, options, type, message) => {
    Counted.runs = 0;
    const { fromExecute, fromValidate } = await bothErrors([...outputs], options);
    expect(fromValidate).toBeInstanceOf(type);
    expect(fromExecute).toBeInstanceOf(type);
    expect(fromValidate.message).toBe(fromExecute.message);
    expect(fromValidate.message).toContain(message);
    expect(Counted.runs).toBe(0);
  });

  it('passes a valid call without running any node', () => {
    Counted.runs = 0;
    expect(() => dr.validateExecution(['b'], { inputs: { x: 1, y: 'z' } })).not.toThrow();
    expect(() => dr.validateExecution(['b'], { inputs: { y: 'z' }, overrides: { a: 5 } })).not.toThrow();
    expect(Counted.runs).toBe(0);
  });

  it('gives the same answer on repeated calls of the same shape', () => {
    expect(() => dr.validateExecution(['b'], { inputs: { x: 1, y: 'z' } })).not.toThrow();
    expect(() => dr.validateExecution(['b'], { inputs: { x: 'bad', y: 'z' } })).toThrow('input "x" should be Number but is "bad"');
  });
});
