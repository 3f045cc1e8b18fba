import { fileURLToPath } from 'node:url';
import { AsyncDriver, Driver, NodeExecutionError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { ColumnTable } from 'arquero';
import { ChannelReport } from './channel-pipeline.js';

const dataDir = fileURLToPath(new URL('./data', import.meta.url));

describe('examples/parallel-files', () => {
  it('summarises each file in its own branch and gathers them in file order, on either driver', async () => {
    for (const dr of [new Driver({}, ChannelReport), new AsyncDriver({}, ChannelReport)]) {
      const out = await dr.rawExecute(['channelTable', 'totalSpend'], { inputs: { dataDir } });
      const report = out.channelTable as ColumnTable;
      expect(report.objects()).toEqual([
        { file: 'search.csv', weeks: 2, spend: 132.5, signups: 56, costPerSignup: 2.37 },
        { file: 'social.csv', weeks: 4, spend: 203.5, signups: 54, costPerSignup: 3.77 },
        { file: 'tv.csv', weeks: 3, spend: 361.75, signups: 93, costPerSignup: 3.89 },
      ]);
      expect(out.totalSpend).toBe(697.75);
    }
  });

  it('names the failing branch when a folder does not exist', async () => {
    const error = await new Driver({}, ChannelReport)
      .rawExecute(['totalSpend'], { inputs: { dataDir: `${dataDir}-missing` } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error.node).toBe('channelFile');
  });

  it('keeps the table type of its edges (a class in a node signature is imported as a value, not `import type`)', () => {
    const variables = new Driver({}, ChannelReport).listAvailableVariables();
    expect(variables.find((v) => v.name === 'channelTable')?.type).toBe(ColumnTable);
  });
});
