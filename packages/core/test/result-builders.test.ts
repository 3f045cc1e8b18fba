import 'reflect-metadata';
import { Driver, GraphBuildError, node, type ResultBuilder } from '@hamilton-ts/core';
import { ArqueroTableResult, ArrowResult, DictResult, ResultBuildError } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { ColumnTable, fromArrow, table } from 'arquero';

class Columns {
  @node() spend(): Float64Array {
    return new Float64Array([1, 2, 3]);
  }
  @node() channel(): string[] {
    return ['tv', 'radio', 'web'];
  }
  @node() total(spend: Float64Array): number {
    return spend.reduce((a, b) => a + b, 0);
  }
  @node() short(): number[] {
    return [1];
  }
  @node() frame(): ColumnTable {
    return table({ x: [1, 2] });
  }
}

describe('result builders through the Driver', () => {
  it('builds an arquero table by default, broadcasting scalars', async () => {
    const t = (await new Driver({}, Columns).execute(['spend', 'channel', 'total'])) as ColumnTable;
    expect(t).toBeInstanceOf(ColumnTable);
    expect(t.objects()).toEqual([
      { spend: 1, channel: 'tv', total: 6 },
      { spend: 2, channel: 'radio', total: 6 },
      { spend: 3, channel: 'web', total: 6 },
    ]);
  });

  it('returns a single table output as is', async () => {
    const t = (await new Driver({}, Columns).execute(['frame'])) as ColumnTable;
    expect(t.objects()).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('reports outputs of different lengths, naming each', async () => {
    const run = new Driver({}, Columns).execute(['spend', 'short']);
    await expect(run).rejects.toThrow(ResultBuildError);
    await expect(run).rejects.toThrow(/spend.*3.*short.*1/s);
  });

  it('returns the plain record with DictResult', async () => {
    const dr = new Driver({}, Columns, { adapter: new DictResult() });
    expect(await dr.execute(['short', 'total'])).toEqual({ short: [1], total: 6 });
  });

  it('returns Arrow IPC bytes with ArrowResult', async () => {
    const bytes = (await new Driver({}, Columns, { adapter: new ArrowResult() }).execute(['spend', 'total'])) as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(fromArrow(bytes).objects()).toEqual([
      { spend: 1, total: 6 },
      { spend: 2, total: 6 },
      { spend: 3, total: 6 },
    ]);
  });

  it('uses a custom ResultBuilder, also an async one, among other adapters', async () => {
    class CountResult implements ResultBuilder<number> {
      buildResult(outputs: Record<string, unknown>): number {
        return Object.keys(outputs).length;
      }
    }
    const asyncBuilder: ResultBuilder<string> = { buildResult: async (outputs) => Object.keys(outputs).join('+') };
    expect(
      await new Driver<number>({}, Columns, { adapter: [{ preNodeExecute() {} }, new CountResult()] }).execute(['spend', 'total']),
    ).toBe(2);
    expect(await new Driver<string>({}, Columns, { adapter: asyncBuilder }).execute(['spend', 'total'])).toBe('spend+total');
  });

  it('rawExecute bypasses the result builder', async () => {
    const dr = new Driver({}, Columns, { adapter: new ArrowResult() });
    expect(await dr.rawExecute(['total'])).toEqual({ total: 6 });
  });

  it('rejects two result builders when the driver is made', () => {
    const make = () => new Driver({}, Columns, { adapter: [new DictResult(), new ArqueroTableResult()] });
    expect(make).toThrow(GraphBuildError);
    expect(make).toThrow('more than one adapter builds results (DictResult, ArqueroTableResult); pass at most one result builder');
  });
});
