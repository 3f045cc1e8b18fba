import 'reflect-metadata';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collect, node, parallelizable } from '@hamilton-ts/core';
import { ColumnTable, fromCSV, table } from 'arquero';

/** What one file contributes: a row of the report. */
export interface ChannelSummary {
  readonly file: string;
  readonly weeks: number;
  readonly spend: number;
  readonly signups: number;
}

/**
 * Fan out over the CSV files of a folder, summarise each one, then gather the summaries into one
 * table: the nodes between `@parallelizable` and `@collect` run once per file.
 */
export class ChannelReport {
  @node({ doc: 'The CSV files of the data folder, one item each.' })
  @parallelizable(String)
  async channelFile(dataDir: string): Promise<string[]> {
    const names = (await readdir(dataDir)).filter((n) => n.endsWith('.csv')).sort();
    return names.map((n) => join(dataDir, n));
  }

  @node({ doc: 'One file, parsed.', returns: Object })
  async channelRows(channelFile: string): Promise<ColumnTable> {
    return fromCSV(await readFile(channelFile, 'utf8'));
  }

  @node({ doc: 'Weeks, spend and signups of one file.' })
  channelSummary(channelRows: ColumnTable, channelFile: string): ChannelSummary {
    const sum = (column: string) => (channelRows.array(column) as number[]).reduce((a, b) => a + b, 0);
    return { file: channelFile.split('/').at(-1)!, weeks: channelRows.numRows(), spend: sum('spend'), signups: sum('signups') };
  }

  @node({ doc: 'Every file summarised, in file order, with cost per signup.' })
  @collect('channelSummary')
  channelTable(channelSummary: ChannelSummary[]): ColumnTable {
    return table({
      file: channelSummary.map((s) => s.file),
      weeks: channelSummary.map((s) => s.weeks),
      spend: channelSummary.map((s) => s.spend),
      signups: channelSummary.map((s) => s.signups),
      costPerSignup: channelSummary.map((s) => Math.round((s.spend / s.signups) * 100) / 100),
    });
  }

  @node({ doc: 'Spend over every file.' })
  totalSpend(channelTable: ColumnTable): number {
    return (channelTable.array('spend') as number[]).reduce((a, b) => a + b, 0);
  }
}
