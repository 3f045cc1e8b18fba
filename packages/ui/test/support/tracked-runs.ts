// Real runs recorded by a TrackingAdapter: the driver runs ScoresPipeline, once per call, into a store.
import { Driver } from '@hamilton-ts/core';
import type { RunStore } from '../../src/store/run-store.js';
import { TrackingAdapter } from '../../src/tracking/index.js';
import { ScoresPipeline } from '../fixtures/scores-pipeline.js';

/** Runs ScoresPipeline `label` for each failOn threshold (a threshold below the mean fails) and writes them to `store`. */
export async function trackScoreRuns(store: RunStore, thresholds: readonly number[], project = 'scores'): Promise<void> {
  const tracker = new TrackingAdapter({ project, store, flushIntervalMs: 10 });
  const driver = new Driver({}, ScoresPipeline, { adapter: [tracker] });
  const scores = Float64Array.from({ length: 1000 }, (_, i) => (i % 10) + 1);
  for (const failOn of thresholds) await driver.execute(['label'], { inputs: { scores, failOn } }).catch(() => undefined);
  await tracker.close();
}
