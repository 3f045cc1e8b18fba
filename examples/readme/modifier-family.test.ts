// Runs the README's snippets for extractColumns (docs), parameterizeExtractColumns, extractFields (fillWith),
// unpackFields, subdag (externalInputs) and parameterizedSubdag against the public API, as written there.
import 'reflect-metadata';
import {
  Driver,
  extractColumns,
  extractFields,
  GraphBuildError,
  node,
  parameterizedSubdag,
  parameterizeExtractColumns,
  source,
  subdag,
  unpackFields,
  value,
} from '@hamilton-ts/core';
import { ColumnTable } from 'arquero';

test('extractColumns: the method doc on every column, a [name, doc] column its own', () => {
  class Weekly {
    @node({ doc: 'Marketing data, one row per week.' })
    @extractColumns('spend', ['signups', 'Signups per week, all channels'])
    weekly(raw: ColumnTable): ColumnTable {
      return raw;
    }
  }

  const docs = new Driver({}, Weekly).listAvailableVariables().map((v) => [v.name, v.documentation]);
  // docs → [['weekly', 'Marketing data, one row per week.'], ['spend', 'Marketing data, one row per week.'],
  //         ['signups', 'Signups per week, all channels'], ['raw', '']]
  expect(docs).toEqual([
    ['weekly', 'Marketing data, one row per week.'],
    ['spend', 'Marketing data, one row per week.'],
    ['signups', 'Signups per week, all channels'],
    ['raw', ''],
  ]);
});

test('parameterizeExtractColumns: one call per entry, its columns named by position', async () => {
  class Regions {
    @node({ doc: 'Spend converted at {rate}, and signups.' })
    @parameterizeExtractColumns(
      { columns: ['usSpend', 'usSignups'], bindings: { raw: source('usRaw'), rate: value(1) } },
      { columns: ['euSpend', ['euSignups', 'EU signups per week']], bindings: { raw: source('euRaw'), rate: value(1.1) } },
    )
    converted(raw: { spend: number[]; signups: number[] }, rate: number): Record<string, number[]> {
      return { spend: raw.spend.map((s) => s * rate), signups: raw.signups };
    }
  }

  const dr = new Driver({}, Regions);
  const out = await dr.rawExecute(['usSpend', 'euSpend', 'euSignups'], {
    inputs: { usRaw: { spend: [10, 20], signups: [1, 2] }, euRaw: { spend: [100], signups: [5] } },
  });
  // out → { usSpend: [10, 20], euSpend: [110.00000000000001], euSignups: [5] }
  // nodes: converted__0 (usRaw) → usSpend, usSignups; converted__1 (euRaw) → euSpend, euSignups
  // euSpend is documented 'Spend converted at 1.1, and signups.'
  expect(out).toEqual({ usSpend: [10, 20], euSpend: [110.00000000000001], euSignups: [5] });
  const vars = dr.listAvailableVariables();
  expect(vars.map((v) => [v.name, v.requiredDependencies])).toEqual(
    expect.arrayContaining([
      ['converted__0', ['usRaw']],
      ['usSpend', ['converted__0']],
      ['usSignups', ['converted__0']],
      ['converted__1', ['euRaw']],
      ['euSpend', ['converted__1']],
      ['euSignups', ['converted__1']],
    ]),
  );
  expect(vars.find((v) => v.name === 'euSpend')!.documentation).toBe('Spend converted at 1.1, and signups.');
});

test('extractFields: fillWith for a missing field, checked against the field types', async () => {
  class Ledger {
    @node({ doc: 'Refunds and fees of the week.' })
    @extractFields({ refunds: Number, fees: Number }, { fillWith: 0 })
    ledger(entries: Record<string, number>): Record<string, number> {
      return entries;
    }
  }

  const out = await new Driver({}, Ledger).rawExecute(['refunds', 'fees'], { inputs: { entries: { refunds: 12 } } });
  // out → { refunds: 12, fees: 0 }; both nodes are documented 'Refunds and fees of the week.'
  expect(out).toEqual({ refunds: 12, fees: 0 });
  const docs = new Driver({}, Ledger).listAvailableVariables().filter((v) => v.name === 'refunds' || v.name === 'fees');
  expect(docs.map((v) => v.documentation)).toEqual(['Refunds and fees of the week.', 'Refunds and fees of the week.']);

  class Noted {
    @node()
    @extractFields({ refunds: Number, note: String }, { fillWith: 0 })
    ledger(entries: object): object {
      return entries;
    }
  }
  // new Driver({}, Noted) → GraphBuildError: Noted.ledger: @extractFields fillWith is 0, which does not fit field "note" (String) …
  expect(() => new Driver({}, Noted)).toThrow(GraphBuildError);
  expect(() => new Driver({}, Noted)).toThrow('Noted.ledger: @extractFields fillWith is 0, which does not fit field "note" (String)');
});

test('unpackFields: one node per position of the returned tuple', async () => {
  class Spread {
    @node({ doc: 'Lowest and highest weekly spend.' })
    @unpackFields({ low: Number }, { high: Number }, 'unit')
    range(spend: Float64Array): [number, number, string] {
      return [Math.min(...spend), Math.max(...spend), 'USD'];
    }

    @node() width(low: number, high: number): number {
      return high - low;
    }
  }

  const out = await new Driver({}, Spread).rawExecute(['width', 'unit'], { inputs: { spend: Float64Array.of(10, 40, 25) } });
  // out → { width: 30, unit: 'USD' }
  expect(out).toEqual({ width: 30, unit: 'USD' });
});

test('subdag: externalInputs read the outer graph; config and inputs may not share a key', async () => {
  class Cleaning {
    @node() total(raw: number[]): number {
      return raw.filter((x) => x >= 0).reduce((a, b) => a + b, 0);
    }
  }

  class Converted {
    @node()
    @subdag(Cleaning, { inputs: { raw: source('euSpend') }, externalInputs: ['fx'] })
    euTotalUsd(total: number, fx: number): number {
      return total * fx;
    }
  }

  const dr = new Driver({}, Converted);
  const out = await dr.rawExecute(['euTotalUsd'], { inputs: { euSpend: [100, -3, 50], fx: 2 } });
  // out → { euTotalUsd: 300 }; nodes: euTotalUsd.total (euSpend), euTotalUsd (euTotalUsd.total, fx)
  expect(out).toEqual({ euTotalUsd: 300 });
  expect(dr.listAvailableVariables().map((v) => [v.name, v.requiredDependencies])).toEqual(
    expect.arrayContaining([
      ['euTotalUsd.total', ['euSpend']],
      ['euTotalUsd', ['euTotalUsd.total', 'fx']],
    ]),
  );

  class Twice {
    @node()
    @subdag(Cleaning, { inputs: { raw: source('euSpend') }, config: { raw: [] } })
    euTotal(total: number): number {
      return total;
    }
  }
  // new Driver({}, Twice) → GraphBuildError: Twice.euTotal: @subdag gives "raw" both in config and in inputs; keep each in one of them …
  expect(() => new Driver({}, Twice)).toThrow('Twice.euTotal: @subdag gives "raw" both in config and in inputs; keep each in one of them');
});

test('parameterizedSubdag: one subdag per key, shared options merged under each', async () => {
  class Cleaning {
    @node() clean(raw: number[], floor = 0): number[] {
      return raw.filter((x) => x >= floor);
    }
    @node() total(clean: number[], rate: number): number {
      return clean.reduce((a, b) => a + b, 0) * rate;
    }
  }

  class Regions {
    @node()
    @parameterizedSubdag(
      Cleaning,
      {
        usTotal: { inputs: { raw: source('usSpend') } },
        euTotal: { inputs: { raw: source('euSpend'), rate: value(2) } },
      },
      { inputs: { rate: value(1) } },
    )
    regionTotal(total: number): number {
      return total;
    }
  }

  const dr = new Driver({}, Regions);
  const out = await dr.rawExecute(['usTotal', 'euTotal'], { inputs: { usSpend: [10, -5, 20], euSpend: [100] } });
  // out → { usTotal: 30, euTotal: 200 }
  // nodes: usTotal.clean, usTotal.rate, usTotal.total, usTotal, euTotal.clean, euTotal.rate, euTotal.total, euTotal;
  // inputs usSpend, euSpend, floor
  expect(out).toEqual({ usTotal: 30, euTotal: 200 });
  expect(
    dr
      .listAvailableVariables()
      .map((v) => v.name)
      .sort(),
  ).toEqual(
    [
      'usTotal.clean',
      'usTotal.rate',
      'usTotal.total',
      'usTotal',
      'euTotal.clean',
      'euTotal.rate',
      'euTotal.total',
      'euTotal',
      'usSpend',
      'euSpend',
      'floor',
    ].sort(),
  );
});
