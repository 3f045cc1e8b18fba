// A TrackingAdapter writing to a SQLite file of its own, and the store to read what it wrote.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

/** A `runs` row as stored, with the columns that tell a live run from a lost one. */
export interface RawRunRow {
  readonly id: string;
  readonly status: string;
  readonly pid: number | null;
  readonly hostname: string | null;
  readonly stale_after_ms: number | null;
  readonly last_seen_at: number;
  readonly in_flight: string | null;
}

/** The harness's `runs` rows read straight from its SQLite file, newest first: what no API shows of a live run. */
export async function rawRuns(harness: Pick<TrackerHarness, 'url'>): Promise<RawRunRow[]> {
  const file = harness.url.slice('sqlite:'.length);
  // Nothing yet before the tracker's first write has created the file and its tables.
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    const sql = 'SELECT id, status, pid, hostname, stale_after_ms, last_seen_at, in_flight FROM runs ORDER BY started_at DESC';
    return db.prepare(sql).all() as RawRunRow[];
  } catch (error) {
    if (/no such table/.test(String(error))) return [];
    throw error;
  } finally {
    db.close();
  }
}
