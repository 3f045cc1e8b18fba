import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ColumnTable, table } from 'arquero';
import { buildError } from '../../test/support/build-error.js';
import { Driver, extractColumns, NodeExecutionError, node, testNode } from '../index.js';

const spend = Float64Array.of(10, 20, 30);
let calls = 0;

class Marketing {
  @node()
  @extractColumns('spend', 'signups')
  marketing(raw: ColumnTable): ColumnTable {
    calls++;
    return raw;
  }
}

describe('@extractColumns', () => {
  it('adds a node per column depending on the method node, which stays and runs once', async () => {
    calls = 0;
    const dr = new Driver({}, Marketing);
    const spendNode = dr.listAvailableVariables().find((v) => v.name === 'spend')!;
    expect(spendNode.requiredDependencies).toEqual(['marketing']);
    const raw = table({ spend, signups: [1, 2, 3] });
    const result = await dr.rawExecute(['spend', 'signups', 'marketing'], { inputs: { raw } });
    expect(calls).toBe(1);
    expect(result.spend).toBe(spend); // the same typed array: zero-copy
    expect(result.signups).toEqual([1, 2, 3]);
    expect(result.marketing).toBe(raw);
  });

  it('reads a record of columns as is', async () => {
    class Ledger {
      @node() @extractColumns('refunds') ledger(rawRecord: Record<string, Float64Array>): Record<string, Float64Array> {
        return rawRecord;
      }
    }
    const record = { spend, refunds: Float64Array.of(1, 1, 1) };
    expect(await testNode(Ledger, 'refunds', { rawRecord: record })).toBe(record.refunds);
  });

  it('materializes the column of a filtered table, keeping its typed array type', async () => {
    const filtered = table({ spend, signups: [1, 2, 3] }).filter((d: { signups: number }) => d.signups > 1);
    const column = await testNode<Float64Array>(Marketing, 'spend', { marketing: filtered });
    expect(column).toBeInstanceOf(Float64Array);
    expect([...column]).toEqual([20, 30]);
  });

  it('fills a missing column with fillWith: an array of the table (or record) length', async () => {
    class Filled {
      @node() @extractColumns('spend', 'refunds', { fillWith: 0 }) fromTable(t: ColumnTable): ColumnTable {
        return t;
      }
      @node() @extractColumns('other', { fillWith: 'n/a' }) fromRecord(r: object): object {
        return r;
      }
    }
    const dr = new Driver({}, Filled);
    const result = await dr.rawExecute(['refunds', 'other'], { inputs: { t: table({ spend }), r: { a: [1, 2] } } });
    expect(result).toEqual({ refunds: [0, 0, 0], other: ['n/a', 'n/a'] });
  });

  it('fails the column node with NodeExecutionError naming the missing column and the columns produced', async () => {
    const dr = new Driver({}, Marketing);
    const run = dr.rawExecute(['signups'], { inputs: { raw: table({ spend, clicks: [1, 2, 3] }) } });
    await expect(run).rejects.toThrow(NodeExecutionError);
    await expect(run).rejects.toThrow(
      'node "signups" (Marketing) failed: column "signups" is not in the output of "marketing", which has columns spend, clicks; produce it, or pass { fillWith } to extractColumns',
    );
  });

  it('fails when the method returns something that has no columns', async () => {
    class Scalar {
      @node() @extractColumns('a') wrong(x: unknown): object {
        return x as object;
      }
    }
    await expect(testNode(Scalar, 'a', { x: 5 })).rejects.toThrow(
      'extractColumns needs "wrong" to return an arquero table or a record of columns, but it returned number 5',
    );
  });

  it('reports at build time: no columns, a repeated or unusable name, a primitive return type', () => {
    class Misused {
      @node() @extractColumns() none(): object {
        return {};
      }
      @node() @extractColumns('a', 'a', '') twice(): object {
        return {};
      }
      @node() @extractColumns('b') count(): number {
        return 1;
      }
    }
    expect(buildError(Misused).problems.map((p) => p.message)).toEqual([
      'Misused.none: @extractColumns was given no columns; name at least one',
      'Misused.twice: @extractColumns names "a" twice; name each output once',
      'Misused.twice: @extractColumns names output ""; a node name is a non-empty string that does not end in "__"',
      'Misused.count: @extractColumns needs the method to return a table or a record of columns, but it returns Number; fix the return type or remove @extractColumns',
    ]);
  });

  it('reports a column named like another node, naming the modifier', () => {
    class Clash {
      @node() spend(): number {
        return 1;
      }
      @node() @extractColumns('spend') marketing(): object {
        return {};
      }
    }
    expect(buildError(Clash).message).toContain(
      'node "spend" is produced twice in one module: by Clash.spend and by Clash.marketing (an output of @extractColumns)',
    );
  });

  it("gives each column node the method's own doc, a [name, doc] column its own, and a generated doc when the method has none", () => {
    class Documented {
      @node({ doc: 'Marketing data by week.' })
      @extractColumns('spend', ['signups', 'Weekly signups, all channels'])
      marketing(raw: object): object {
        return raw;
      }
      @node() @extractColumns('refunds') ledger(raw: object): object {
        return raw;
      }
    }
    const docs = Object.fromEntries(new Driver({}, Documented).listAvailableVariables().map((v) => [v.name, v.documentation]));
    expect(docs).toMatchObject({
      marketing: 'Marketing data by week.',
      spend: 'Marketing data by week.',
      signups: 'Weekly signups, all channels',
      refunds: 'Column "refunds" of ledger.',
    });
  });

  it('extracts a [name, doc] column like a named one', async () => {
    class Pair {
      @node() @extractColumns(['a', 'Column a.'], { fillWith: 1 }) t(raw: object): object {
        return raw;
      }
    }
    expect(await testNode(Pair, 'a', { raw: { b: [0, 0] } })).toEqual([1, 1]);
  });

  it('reports a column that is neither a name nor a [name, doc] pair, and bad options', () => {
    class Misused {
      @node() @extractColumns(['a', 'b', 'c'] as never) listed(): object {
        return {};
      }
      @node() @extractColumns(['a', 1] as never, [2, 'doc'] as never) pairs(): object {
        return {};
      }
      @node() @extractColumns('a', { fillwith: 0 } as never) typo(): object {
        return {};
      }
    }
    expect(buildError(Misused).problems.map((p) => p.message)).toEqual([
      'Misused.listed: @extractColumns column ["a","b","c"] is neither a name nor a [name, doc] pair; write \'spend\' or [\'spend\', \'Weekly spend in USD\']; to pass a list of names, spread it: extractColumns(...names)',
      "Misused.pairs: @extractColumns column [\"a\",1] is neither a name nor a [name, doc] pair; write 'spend' or ['spend', 'Weekly spend in USD']",
      'Misused.pairs: @extractColumns names output number 2; a node name is a non-empty string that does not end in "__"',
      'Misused.typo: @extractColumns has no option "fillwith"; its options are fillWith',
    ]);
  });
});
