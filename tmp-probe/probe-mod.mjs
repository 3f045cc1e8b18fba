import 'reflect-metadata';
import { node } from '@hamilton-ts/core';
import { autocorrelation } from './k.mjs';
export class Probe {
  timed(prices, lags) { const t = performance.now(); autocorrelation(prices, lags); return performance.now() - t; }
  timedCopy(prices, lags) { const c = new Float64Array(prices); const t = performance.now(); autocorrelation(c, lags); return performance.now() - t; }
}
for (const m of ['timed', 'timedCopy']) node()(Probe.prototype, m, Object.getOwnPropertyDescriptor(Probe.prototype, m));
