import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { extractColumns, node } from '@hamilton-ts/core';
import { ColumnTable, fromCSV } from 'arquero';

/** Loads the weekly marketing CSV of one region; each column becomes a node of its own. */
export class MarketingTable {
  @node({ doc: 'Weekly rows of the marketing CSV for one region.' })
  @extractColumns('spend', 'signups')
  marketingTable(csvPath: string, region: string): ColumnTable {
    const all = fromCSV(readFileSync(csvPath, 'utf8'), { parse: { date: String, region: String } });
    const rows = all.params({ region }).filter((d: { region: string }, $: { region: string }) => d.region === $.region);
    return rows.reify();
  }
}
