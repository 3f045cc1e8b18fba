import { Worker } from 'node:worker_threads';
import { autocorrelation } from './k.mjs';
const prices = new Float64Array(24000).map((_, i) => 100 + Math.sin(i));
const w = new Worker(new URL('./w.mjs', import.meta.url));
for (let k = 0; k < 4; k++) {
  let t = performance.now(); autocorrelation(prices, 8000); const local = performance.now() - t;
  const [a, b] = await new Promise((r) => { w.once('message', r); w.postMessage({ prices, lags: 8000 }); });
  console.log('main', local.toFixed(0), 'worker', a.toFixed(0), 'worker copy', b.toFixed(0));
}
await w.terminate();
