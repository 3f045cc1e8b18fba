import 'reflect-metadata';
import { Driver, InputValidationError, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Animal {
  constructor(readonly name = 'a') {}
}
class Dog extends Animal {}

class Typed {
  @node() n(count: number): number {
    return count;
  }
  @node() s(label: string): string {
    return label;
  }
  @node() b(flag: boolean): boolean {
    return flag;
  }
  @node() arr(list: number[]): number {
    return list.length;
  }
  @node() typed(column: Float64Array): number {
    return column.length;
  }
  @node() pet(animal: Animal): string {
    return animal.name;
  }
  @node() dog(puppy: Dog): string {
    return puppy.name;
  }
  @node() anything(blob: unknown): unknown {
    return blob;
  }
  @node() alsoCount(count: number, label: string): string {
    return `${label}${count}`;
  }
}

const dr = new Driver({}, Typed);
const failure = async (outputs: string[], inputs: Record<string, unknown>): Promise<InputValidationError> => {
  const error = await dr.rawExecute(outputs, { inputs }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputValidationError);
  return error as InputValidationError;
};

describe('missing inputs', () => {
  it('names the input and every node that needs it', async () => {
    const error = await failure(['n', 'alsoCount'], { label: 'x' });
    expect(error.problems).toEqual([{ input: 'count', neededBy: ['n', 'alsoCount'], message: expect.any(String) }]);
    expect(error.message).toBe(
      'the inputs cannot be used (1 problem):\n  - missing input "count", needed by n, alsoCount; pass it in inputs (or config)',
    );
  });

  it('reports several missing inputs together', async () => {
    const error = await failure(['alsoCount', 'typed'], {});
    expect(error.problems.map((p) => p.input).sort()).toEqual(['column', 'count', 'label']);
    expect(error.message).toMatch(/^the inputs cannot be used \(3 problems\)/);
    expect(error.message).toContain('missing input "column", needed by typed');
  });

  it('treats an input given as undefined as missing', async () => {
    const error = await failure(['n'], { count: undefined });
    expect(error.message).toContain('missing input "count", needed by n');
  });

  it('ignores inputs that nothing needs', async () => {
    expect(await dr.rawExecute(['n'], { inputs: { count: 1, unrelated: 'x' } })).toEqual({ n: 1 });
  });
});

describe('input types', () => {
  it.each([
    ['n', 'count', '3', 'input "count" should be Number but is "3"; n takes it'],
    ['s', 'label', 3, 'input "label" should be String but is number 3; s takes it'],
    ['b', 'flag', 'true', 'input "flag" should be Boolean but is "true"; b takes it'],
    ['arr', 'list', new Float64Array(2), 'input "list" should be Array but is Float64Array(2); arr takes it'],
    ['typed', 'column', [1, 2], 'input "column" should be Float64Array but is Array(2); typed takes it'],
    ['pet', 'animal', { name: 'fake' }, 'input "animal" should be Animal but is Object; pet takes it'],
    ['dog', 'puppy', new Animal(), 'input "puppy" should be Dog but is Animal; dog takes it'],
  ])('rejects a wrong value for %s', async (output, input, value, message) => {
    const error = await failure([output], { [input]: value });
    expect(error.problems.map((p) => p.input)).toEqual([input]);
    expect(error.message).toContain(message);
  });

  it.each([
    ['n', 'count', 3],
    ['n', 'count', Number.NaN],
    ['s', 'label', ''],
    ['b', 'flag', false],
    ['arr', 'list', []],
    ['typed', 'column', new Float64Array(1)],
    ['pet', 'animal', new Dog('rex')],
    ['anything', 'blob', null],
    ['anything', 'blob', 'x'],
    ['anything', 'blob', new Float64Array(1)],
  ])('accepts a fitting value for %s: %p', async (output, input, value) => {
    await expect(dr.rawExecute([output], { inputs: { [input]: value } })).resolves.toBeDefined();
  });

  it('names every node of the run that takes a mistyped input', async () => {
    const error = await failure(['n', 'alsoCount'], { count: 'x', label: 'y' });
    expect(error.message).toContain('input "count" should be Number but is "x"; n, alsoCount take it');
  });

  it('reports mistyped and missing inputs in one error', async () => {
    const error = await failure(['alsoCount', 'typed'], { count: 'x', column: [1] });
    expect(error.problems.map((p) => p.input).sort()).toEqual(['column', 'count', 'label']);
  });

  it('checks inputs requested as outputs against the type their consumers ask for', async () => {
    const error = await failure(['count'], { count: 'x' });
    expect(error.message).toContain('input "count" should be Number but is "x"');
  });
});
