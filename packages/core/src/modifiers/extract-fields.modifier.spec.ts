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
      'field "b" is not in the output of "parts", which has fields a, c; return it, pass { fillWith } to extractFields, or remove it from there',
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

  it("gives the field nodes the method's own doc, or a generated doc when it has none", () => {
    class Documented {
      @node({ doc: 'Summary of spend.' }) @extractFields({ mean: Number }) summary(): object {
        return { mean: 1 };
      }
      @node() @extractFields({ rows: Object }) bare(): object {
        return { rows: [] };
      }
    }
    const docs = Object.fromEntries(new Driver({}, Documented).listAvailableVariables().map((v) => [v.name, v.documentation]));
    expect(docs).toMatchObject({ summary: 'Summary of spend.', mean: 'Summary of spend.', rows: 'Field "rows" of bare.' });
  });

  it('yields fillWith for a missing field, and the returned value for a present one', async () => {
    class Ledger {
      @node() @extractFields({ refunds: Number, fees: Number }, { fillWith: 0 }) ledger(x: object): object {
        return x;
      }
    }
    const dr = new Driver({}, Ledger);
    expect(await dr.rawExecute(['refunds', 'fees'], { inputs: { x: { refunds: 3 } } })).toEqual({ refunds: 3, fees: 0 });
    await expect(testNode(Ledger, 'fees', { x: null })).rejects.toThrow(
      'extractFields needs "ledger" to return an object, but it returned null',
    );
  });

  it('accepts a fillWith of undefined or null for fields typed Object (any)', async () => {
    class Loose {
      @node() @extractFields({ note: Object }, { fillWith: null }) record(): object {
        return {};
      }
    }
    expect(await testNode(Loose, 'note', {})).toBeNull();
  });

  it('reports at build time a fillWith that does not fit a declared field type, and bad options', () => {
    class Misused {
      @node() @extractFields({ refunds: Number, label: String, rows: Float64Array, any: Object }, { fillWith: 0 }) mixed(): object {
        return {};
      }
      @node() @extractFields({ a: Number }, 0 as never) bare(): object {
        return {};
      }
      @node() @extractFields({ a: Number }, { fill: 0 } as never) typo(): object {
        return {};
      }
    }
    expect(buildError(Misused).problems.map((p) => p.message)).toEqual([
      'Misused.mixed: @extractFields fillWith is 0, which does not fit field "label" (String), field "rows" (Float64Array); give a fill value of the declared type, or declare the field Object (any)',
      'Misused.bare: @extractFields options are 0; give an object with fillWith, e.g. { fillWith: 0 }',
      'Misused.typo: @extractFields has no option "fill"; its options are fillWith',
    ]);
  });
});
