// A TrackingAdapter writing to a SQLite file of its own, and the store to read what it wrote.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRunStore, type RunDetail, type RunStore, TrackingAdapter, type TrackingAdapterOptions } from '../../src/index.js';

export interface TrackerHarness {
  readonly url: string;
  readonly dir: string;
  /** Warnings the trackers made gave. */
  readonly warnings: string[];
  tracker(options?: Partial<TrackingAdapterOptions>): TrackingAdapter;
  /** Flushes every tracker made, then reads the store. */
  store(): Promise<RunStore>;
  /** Every run, newest first, in full. */
  runs(): Promise<RunDetail[]>;
  dispose(): Promise<void>;
}

export async function trackerHarness(): Promise<TrackerHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'hamilton-ui-tracking-'));
  const url = `sqlite:${join(dir, 'runs.db')}`;
  const warnings: string[] = [];
  const trackers: TrackingAdapter[] = [];
  let reader: RunStore | undefined;
  const harness: TrackerHarness = {
    url,
    dir,
    warnings,
    tracker(options = {}) {
      const tracker = new TrackingAdapter({
        project: 'tests',
        store: url,
        flushIntervalMs: 60_000,
        warn: (m) => warnings.push(m),
        ...options,
      });
      trackers.push(tracker);
      return tracker;
    },
    async store() {
      for (const tracker of trackers) await tracker.flush();
      reader ??= await openRunStore(url);
      return reader;
    },
    async runs() {
      const store = await harness.store();
      const list = await store.listRuns({ limit: 500 });
      return Promise.all(list.map(async (r) => (await store.getRun(r.id))!));
    },
    async dispose() {
      for (const tracker of trackers) await tracker.close();
      await reader?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A run's nodes by name. */
export function nodesOf(run: RunDetail): Record<string, RunDetail['nodes'][number]> {
  return Object.fromEntries(run.nodes.map((n) => [n.name, n]));
}
