import 'reflect-metadata';
import { Driver, GraphBuildError, type HamiltonModule, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Animal {
  readonly kind: string = 'animal';
}
class Dog extends Animal {
  override readonly kind: string = 'dog';
}

const build = (modules: HamiltonModule) => () => new Driver({}, modules);

describe('edge types', () => {
  it('rejects a producer whose return type does not fit the consumer parameter', () => {
    class Mismatch {
      @node() count(): string {
        return '3';
      }
      @node() doubled(count: number): number {
        return count * 2;
      }
    }
    expect(build(Mismatch)).toThrow(GraphBuildError);
    expect(build(Mismatch)).toThrow(
      'type mismatch on count -> doubled: "count" returns String but doubled takes count: Number; change one of the types, or annotate the return with @node({ returns })',
    );
  });

  it('does not let a typed array feed an Array parameter', () => {
    class Arrays {
      @node() column(): Float64Array {
        return new Float64Array(1);
      }
      @node() size(column: number[]): number {
        return column.length;
      }
    }
    expect(build(Arrays)).toThrow('"column" returns Float64Array but size takes column: Array');
  });

  it('lets a subclass feed a parameter of its superclass, not the reverse', async () => {
    class Pets {
      @node() pet(): Dog {
        return new Dog();
      }
      @node() describe(pet: Animal): string {
        return pet.kind;
      }
    }
    expect(await new Driver({}, Pets).rawExecute(['describe'])).toEqual({ describe: 'dog' });
    class Reverse {
      @node() pet(): Animal {
        return new Animal();
      }
      @node() bark(pet: Dog): string {
        return pet.kind;
      }
    }
    expect(build(Reverse)).toThrow('"pet" returns Animal but bark takes pet: Dog');
  });

  it('treats a Promise return as unknown, so any consumer type passes', async () => {
    class Async {
      @node() async count(): Promise<string> {
        return 'three';
      }
      @node() doubled(count: number): number {
        return count * 2;
      }
    }
    expect(build(Async)).not.toThrow();
    const count = new Driver({}, Async).listAvailableVariables().find((v) => v.name === 'count')!;
    expect(count.type).toBe(Object);
  });

  it('checks an async node against @node({ returns })', () => {
    class Annotated {
      @node({ returns: String }) async count(): Promise<string> {
        return 'three';
      }
      @node() doubled(count: number): number {
        return count * 2;
      }
    }
    expect(build(Annotated)).toThrow('"count" returns String but doubled takes count: Number');
    class Fitting {
      @node({ returns: Number }) async count(): Promise<number> {
        return 3;
      }
      @node() doubled(count: number): number {
        return count * 2;
      }
    }
    expect(new Driver({}, Fitting).listAvailableVariables().find((v) => v.name === 'count')!.type).toBe(Number);
  });

  it('treats interfaces, unions and unknown (Object) as any', () => {
    interface Shape {
      size: number;
    }
    class Loose {
      @node() shape(): Shape {
        return { size: 1 };
      }
      @node() either(): number | string {
        return 1;
      }
      @node() size(shape: number, either: boolean): number {
        return shape + Number(either);
      }
    }
    expect(build(Loose)).not.toThrow();
  });
});

describe('external inputs required with different types', () => {
  it('is an error when two nodes need the same input with incompatible types', () => {
    class Conflict {
      @node() a(x: number): number {
        return x;
      }
      @node() b(x: string): string {
        return x;
      }
    }
    expect(build(Conflict)).toThrow(GraphBuildError);
    expect(build(Conflict)).toThrow(
      'external input "x" is required with incompatible types: a(x: Number), b(x: String); make the parameter types agree',
    );
  });

  it('types the input with the narrowest compatible type', async () => {
    class Narrowing {
      @node() a(x: Animal): string {
        return x.kind;
      }
      @node() b(x: Dog): string {
        return x.kind;
      }
      @node() c(x: unknown): unknown {
        return x;
      }
    }
    const dr = new Driver({}, Narrowing);
    expect(dr.listAvailableVariables().find((v) => v.name === 'x')!.type).toBe(Dog);
    await expect(dr.rawExecute(['a', 'b'], { inputs: { x: new Animal() } })).rejects.toThrow(
      'input "x" should be Dog but is Animal; a, b take it',
    );
  });

  it('checks an input only against the nodes that run in this call', async () => {
    class Narrowing {
      @node() a(x: Animal): string {
        return x.kind;
      }
      @node() b(x: Dog): string {
        return x.kind;
      }
    }
    const dr = new Driver({}, Narrowing);
    await expect(dr.rawExecute(['a'], { inputs: { x: new Animal() } })).resolves.toEqual({ a: 'animal' });
    await expect(dr.rawExecute(['b'], { inputs: { x: new Animal() } })).rejects.toThrow(
      'input "x" should be Dog but is Animal; b takes it',
    );
    await expect(dr.rawExecute(['x'], { inputs: { x: new Animal() } })).rejects.toThrow('input "x" should be Dog but is Animal');
  });
});
