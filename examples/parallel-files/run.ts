// Parallelizable/Collect: one branch per CSV file of data/, gathered into one report table.
import { fileURLToPath } from 'node:url';
import { AsyncDriver } from '@hamilton-ts/core';
import { ChannelReport } from './channel-pipeline.js';

const dataDir = fileURLToPath(new URL('./data', import.meta.url));
// AsyncDriver reads and parses the files concurrently; Driver would do one file after another.
const dr = new AsyncDriver({}, ChannelReport);
const { channelTable, totalSpend } = await dr.rawExecute(['channelTable', 'totalSpend'], { inputs: { dataDir } });
(channelTable as { print(): void }).print();
console.log(`total spend: ${totalSpend}`);
