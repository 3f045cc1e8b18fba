import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, NodeExecutionError, node, testNode, unpackFields } from '../index.js';

let calls = 0;

class Bounds {
  @node({ doc: 'Lowest and highest spend.' })
  @unpackFields({ low: Number }, { high: Number }, 'label')
  bounds(xs: number[]): [number, number, string] {
    calls++;
    return [Math.min(...xs), Math.max(...xs), 'spend'];
  }
}

describe('@unpackFields', () => {
  it('adds one node per position, named as given; the method node stays and runs once', async () => {
    calls = 0;
    const dr = new Driver({}, Bounds);
    const result = await dr.rawExecute(['low', 'high', 'label', 'bounds'], { inputs: { xs: [3, 1, 2] } });
    expect(result).toEqual({ low: 1, high: 3, label: 'spend', bounds: [1, 3, 'spend'] });
    expect(calls).toBe(1);
  });

  it('types the positions given as { name: Type } (a plain name is "any"), and gives them the method doc', () => {
    const vars = new Map(new Driver({}, Bounds).listAvailableVariables().map((v) => [v.name, v]));
    expect(vars.get('low')!.type).toBe(Number);
    expect(vars.get('label')!.type).toBe(Object);
    expect(vars.get('high')!.requiredDependencies).toEqual(['bounds']);
    expect(vars.get('high')!.documentation).toBe('Lowest and highest spend.');
  });

  it('generates a doc naming the position when the method has none', () => {
    class Bare {
      @node() @unpackFields('a', 'b') pair(): unknown[] {
        return [1, 2];
      }
    }
    const docs = new Driver({}, Bare).listAvailableVariables().map((v) => v.documentation);
    expect(docs).toEqual(['', 'Item 0 of pair.', 'Item 1 of pair.']);
  });

  it('lets the edge check catch a consumer of another type', () => {
    class Consumer {
      @node() shout(low: string): string {
        return low.toUpperCase();
      }
    }
    expect(buildError([Bounds, Consumer]).message).toContain(
      'type mismatch on low -> shout: "low" returns Number but shout takes low: String',
    );
  });

  it('unpacks the first items of a longer array, as Hamilton unpacks part of a tuple', async () => {
    class Head {
      @node() @unpackFields('first') items(xs: number[]): number[] {
        return xs;
      }
    }
    expect(await testNode(Head, 'first', { xs: [7, 8, 9] })).toBe(7);
  });

  it('unpacks the value of an async method', async () => {
    class Later {
      @node() @unpackFields({ n: Number }) async later(): Promise<[number]> {
        return [5];
      }
    }
    expect(await new Driver({}, Later).rawExecute(['n'])).toEqual({ n: 5 });
  });

  it('fails an item node with a NodeExecutionError naming it, the index and what was returned', async () => {
    class Loose {
      @node() @unpackFields('a', { b: Number }, 'c') loose(x: unknown): unknown[] {
        return x as unknown[];
      }
    }
    const dr = new Driver({}, Loose);
    const short = dr.rawExecute(['c'], { inputs: { x: [1, 2] } });
    await expect(short).rejects.toThrow(NodeExecutionError);
    await expect(short).rejects.toThrow(
      'node "c" (Loose) failed: unpackFields takes item 2 of "loose" as "c", but "loose" returned [1,2], an array of 2 items; return at least 3 items, one per name given to unpackFields',
    );
    await expect(dr.rawExecute(['a'], { inputs: { x: { a: 1 } } })).rejects.toThrow(
      'node "a" (Loose) failed: unpackFields needs "loose" to return an array to take item 0 ("a") from, but it returned Object',
    );
    await expect(dr.rawExecute(['b'], { inputs: { x: [1, 'two'] } })).rejects.toThrow(
      'node "b" (Loose) failed: item 1 ("b") of "loose" should be Number (as unpackFields declares) but is "two"',
    );
    expect(await dr.rawExecute(['a', 'b'], { inputs: { x: [1, 2] } })).toEqual({ a: 1, b: 2 });
  });

  it('reports at build time: no fields, a bad field, a repeated name, a return type that is not an array', () => {
    class Misused {
      @node() @unpackFields() none(): unknown[] {
        return [];
      }
      @node() @unpackFields({ a: Number, b: Number }, { c: 'number' } as never, 3 as never) shapes(): unknown[] {
        return [];
      }
      @node() @unpackFields('a', 'a') twice(): unknown[] {
        return [];
      }
      @node() @unpackFields('a') count(): number {
        return 1;
      }
      @node() @unpackFields('a') record(): Map<string, number> {
        return new Map();
      }
    }
    expect(buildError(Misused).problems.map((p) => p.message)).toEqual([
      'Misused.none: @unpackFields was given no fields; name at least one',
      'Misused.shapes: @unpackFields field #1 names 2 fields (a, b), so their positions are unclear; give one per argument, in order, e.g. unpackFields({ a: Number }, { b: Number })',
      'Misused.shapes: @unpackFields field #2 is {"c":"number"}; give a name such as \'mean\', or a record of one name and its type such as { mean: Number }',
      "Misused.shapes: @unpackFields field #3 is 3; give a name such as 'mean', or a record of one name and its type such as { mean: Number }",
      'Misused.twice: @unpackFields names "a" twice; name each output once',
      'Misused.count: @unpackFields needs the method to return an array (a tuple such as [number, string]), but it returns Number; fix the return type, or use @extractFields for an object',
      'Misused.record: @unpackFields needs the method to return an array (a tuple such as [number, string]), but it returns Map; fix the return type, or use @extractFields for an object',
    ]);
  });
});
