import 'reflect-metadata';
import { dependsOn, InputValidationError, node, testNode, UnknownNodeError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class SpendFeatures {
  constructor(private readonly fx = 1) {}
  @node() spendUsd(spend: Float64Array): Float64Array {
    return spend.map((s) => s * this.fx);
  }
  @node({ name: 'spendPerSignup' })
  @dependsOn('spendUsd', 'signups')
  perSignup(s: Float64Array, n: Float64Array): Float64Array {
    return s.map((v, i) => v / n[i]);
  }
  @node() async signupsLastWeek(signups: Float64Array, windowDays = 7): Promise<number> {
    return signups.slice(-windowDays).reduce((a, b) => a + b, 0);
  }
  @node() scaled(spendUsd: Float64Array, factor: number): Float64Array {
    return spendUsd.map((v) => v * factor);
  }
}

const spendUsd = new Float64Array([10, 20]);
const signups = new Float64Array([2, 4]);

describe('testNode', () => {
  it('runs one node alone with the values of its dependencies', async () => {
    const result = await testNode<Float64Array>(SpendFeatures, 'spendPerSignup', { spendUsd, signups });
    expect(Array.from(result)).toEqual([5, 5]);
  });

  it('keeps `this` of an instance and awaits async nodes; optional deps may be left out', async () => {
    expect(Array.from(await testNode<Float64Array>(new SpendFeatures(3), 'spendUsd', { spend: spendUsd }))).toEqual([30, 60]);
    expect(await testNode(SpendFeatures, 'signupsLastWeek', { signups })).toBe(6);
    expect(await testNode(SpendFeatures, 'signupsLastWeek', { signups, windowDays: 1 })).toBe(4);
  });

  it('takes config for values the node reads from config', async () => {
    expect(Array.from(await testNode<Float64Array>(SpendFeatures, 'scaled', { spendUsd }, { config: { factor: 2 } }))).toEqual([20, 40]);
  });

  it('type-checks each value against the parameter it feeds', async () => {
    const run = testNode(SpendFeatures, 'spendPerSignup', { spendUsd: [10, 20], signups });
    await expect(run).rejects.toThrow(InputValidationError);
    await expect(run).rejects.toThrow('input "spendUsd" should be Float64Array but is Array(2); spendPerSignup takes it');
  });

  // Regression: values went in as driver inputs, checked against the narrowest type of every consumer
  // in the module, so a value fitting the tested node was refused in the name of that node.
  it('checks a value only against the parameter of the tested node', async () => {
    class Animal {
      readonly kind: string = 'animal';
    }
    class Dog extends Animal {
      override readonly kind: string = 'dog';
    }
    class Pets {
      @node() describe(pet: Animal): string {
        return pet.kind;
      }
      @node() bark(pet: Dog): string {
        return pet.kind;
      }
    }
    expect(await testNode(Pets, 'describe', { pet: new Animal() })).toBe('animal');
    await expect(testNode(Pets, 'bark', { pet: new Animal() })).rejects.toThrow('input "pet" should be Dog but is Animal; bark takes it');
  });

  it('names every missing value', async () => {
    const error = await testNode(SpendFeatures, 'spendPerSignup', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as Error).message).toContain('testNode("spendPerSignup") needs spendUsd, signups; pass them in the values argument');
    await expect(testNode(SpendFeatures, 'scaled', { spendUsd })).rejects.toThrow(
      'testNode("scaled") needs factor; pass it in the values argument',
    );
  });

  it('rejects an unknown node with close matches, and inputs that are not nodes', async () => {
    const run = testNode(SpendFeatures, 'spendPerSignUp', { spendUsd, signups });
    await expect(run).rejects.toThrow(UnknownNodeError);
    await expect(run).rejects.toThrow('unknown node: "spendPerSignUp" (did you mean spendPerSignup?)');
    await expect(testNode(SpendFeatures, 'signups', {})).rejects.toThrow(UnknownNodeError);
    await expect(testNode(SpendFeatures, 'perSignup', {})).rejects.toThrow(UnknownNodeError);
  });

  it('does not need a driver at all: a method can simply be called', () => {
    expect(Array.from(new SpendFeatures(2).spendUsd(spendUsd))).toEqual([20, 40]);
    expect(Array.from(new SpendFeatures().perSignup(spendUsd, signups))).toEqual([5, 5]);
  });
});
