// The columns of the marketing CSV as the feature nodes take them. `rows` is an input: a loader
// (`from.csv`, or `--materialize` on the command line) fills it from the file.
import 'reflect-metadata';
import { node } from '@hamilton-ts/core';
import type { ColumnTable } from 'arquero';

export class MarketingColumns {
  @node({ doc: 'Weekly spend in USD, from the loaded rows.' })
  spend(rows: ColumnTable): Float64Array {
    return rows.column('spend') as unknown as Float64Array;
  }

  @node({ doc: 'Weekly signups, from the loaded rows.' })
  signups(rows: ColumnTable): Float64Array {
    return rows.column('signups') as unknown as Float64Array;
  }

  @node({ doc: 'The region of each row.' })
  region(rows: ColumnTable): string[] {
    return Array.from(rows.column('region') as unknown as ArrayLike<string>);
  }
}

/** The features the example saves. */
export const FEATURES = ['region', 'spend', 'spendPerSignup', 'spendZeroMeanUnitVariance'];
