import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, extractFields, NodeExecutionError, node, testNode } from '../index.js';

class Summary {
  @node()
  @extractFields({ mean: Number, rows: Float64Array, label: String })
  summary(xs: Float64Array): { mean: number; rows: Float64Array; label: string } {
    return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, rows: xs, label: 'ok' };
  }
}

describe('@extractFields', () => {
  it('adds one node per field, typed as declared, next to the method node', async () => {
    const dr = new Driver({}, Summary);
    const types = Object.fromEntries(dr.listAvailableVariables().map((v) => [v.name, v.type]));
    expect(types).toMatchObject({ summary: Object, mean: Number, rows: Float64Array, label: String });
    const xs = Float64Array.of(1, 2, 3);
    const result = await dr.rawExecute(['mean', 'rows', 'label'], { inputs: { xs } });
    expect(result).toEqual({ mean: 2, rows: xs, label: 'ok' });
    expect(result.rows).toBe(xs);
  });

  it('lets the edge check catch a consumer of another type, naming both nodes', () => {
    class Consumer {
      @node() shout(mean: string): string {
        return mean.toUpperCase();
      }
    }
    const error = buildError([Summary, Consumer]);
    expect(error.problems).toEqual([
      {
        node: 'shout',
        message: expect.stringContaining('type mismatch on mean -> shout: "mean" returns Number but shout takes mean: String'),
      },
    ]);
  });

  it('fails a field node at run time when the field is missing or of another type', async () => {
    class Partial {
      @node() @extractFields({ a: Number, b: Number }) parts(x: unknown): object {
        return x as object;
      }
    }
    const missing = testNode(Partial, 'b', { x: { a: 1, c: 2 } });
    await expect(missing).rejects.toThrow(NodeExecutionError);
    await expect(missing).rejects.toThrow(
      'field "b" is not in the output of "parts", which has fields a, c; return it, or remove it from extractFields',
    );
    await expect(testNode(Partial, 'a', { x: { a: 'one' } })).rejects.toThrow(
      'field "a" of "parts" should be Number (as extractFields declares) but is "one"',
    );
    await expect(testNode(Partial, 'a', { x: null })).rejects.toThrow(
      'extractFields needs "parts" to return an object, but it returned null',
    );
  });

  it('rejects at build time a primitive return type, an empty or non-record spec and a field type that is not a constructor', () => {
    class Misused {
      @node() @extractFields({ a: Number }) count(): number {
        return 1;
      }
      @node() @extractFields({}) none(): object {
        return {};
      }
      @node() @extractFields(['a'] as never) listed(): object {
        return {};
      }
      @node() @extractFields({ b: 'number' as never }) typed(): object {
        return {};
      }
    }
    expect(buildError(Misused).problems.map((p) => p.message)).toEqual([
      'Misused.count: @extractFields needs the method to return an object, but it returns Number; fix the return type or remove @extractFields',
      'Misused.none: @extractFields was given no fields; name at least one',
      'Misused.listed: @extractFields takes a record of field types such as { mean: Number, rows: Float64Array }, got Array(1)',
      'Misused.typed: @extractFields gives field "b" the type "number"; give a constructor such as Number, String, Float64Array or Object (any)',
    ]);
  });
});
