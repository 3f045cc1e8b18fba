import { parentPort } from 'node:worker_threads';
import { autocorrelation } from './k.mjs';
parentPort.on('message', ({ prices, lags }) => { const t = performance.now(); autocorrelation(prices, lags); const a = performance.now() - t; const copy = new Float64Array(prices); const t2 = performance.now(); autocorrelation(copy, lags); parentPort.postMessage([a, performance.now() - t2]); });
