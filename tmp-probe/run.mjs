import { Driver } from '@hamilton-ts/core';
import { WorkerThreadsGraphAdapter } from '@hamilton-ts/adapters';
import { Probe } from './probe-mod.mjs';
const prices = new Float64Array(24000).map((_, i) => 100 + Math.sin(i));
const a = new WorkerThreadsGraphAdapter({ modules: [new URL('./probe-mod.mjs', import.meta.url)], maxThreads: 1 });
const dr = new Driver({}, Probe, { adapter: a }); const local = new Driver({}, Probe);
for (let k = 0; k < 4; k++) console.log('thread', await dr.rawExecute(['timed', 'timedCopy'], { inputs: { prices, lags: 8000 } }), 'local', await local.rawExecute(['timed'], { inputs: { prices, lags: 8000 } }));
await a.close();
