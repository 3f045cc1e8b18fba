import { getLogger, HamiltonError } from '@hamilton-ts/core';
import { messages } from '../messages.js';
import type { RunStore } from '../store/run-store.js';
import { parseStoreUrl } from '../store/store-url.js';
import { type ResolvedLimits, resolveLimits, type SummaryLimits } from '../summary/summary-limits.js';

/**
 * Options of `TrackingAdapter`.
 *
 * @example
 * const options: TrackingAdapterOptions = { project: 'marketing', store: 'postgres://app@db/hamilton', flushIntervalMs: 1000 };
 */
export interface TrackingAdapterOptions {
  /** The project runs are filed under (the page filters by it). */
  readonly project: string;
  /** A store URL (`sqlite:PATH`, `postgres://...`) or an open `RunStore`. Default `sqlite:.hamilton/runs.db`. */
  readonly store?: string | RunStore;
  /** How long events may wait in memory before a write (default 250 ms). */
  readonly flushIntervalMs?: number;
  /** Rows written per transaction at most (default 5,000; a run's planned nodes count one row each). */
  readonly batchSize?: number;
  /** Events kept in memory while the store fails; later ones are dropped, with a warning (default 100,000). */
  readonly maxBacklog?: number;
  /** How often a run in progress reports that its process is alive, between writes (default 5 s). */
  readonly heartbeatIntervalMs?: number;
  /**
   * A run that has not reported for this long is shown as failed: its process was killed or crashed
   * (default 30 s; at least twice heartbeatIntervalMs). A node that blocks the event loop longer makes a
   * live run look lost until it reports again.
   */
  readonly staleAfterMs?: number;
  /** `false`: record no value summaries; or caps on the work per summary. Default: the defaults of `summarize`. */
  readonly summaries?: boolean | SummaryLimits;
  /** Where the tracker's warnings go (default: the hamilton-ts logger, `console.warn` unless replaced). */
  readonly warn?: (message: string) => void;
}

/** The default store: the one `hamilton-ts ui` reads when given none. */
export const DEFAULT_STORE_URL = 'sqlite:.hamilton/runs.db';

/** Options checked, with every default filled in. */
export interface ResolvedTrackingOptions {
  readonly project: string;
  readonly store: string | RunStore;
  /** The store URL to name in messages. */
  readonly storeUrl: string;
  readonly flushIntervalMs: number;
  readonly batchSize: number;
  readonly maxBacklog: number;
  readonly heartbeatIntervalMs: number;
  readonly staleAfterMs: number;
  /** `undefined`: no summaries. */
  readonly limits: ResolvedLimits | undefined;
  readonly warn: (message: string) => void;
}

/** Checks the options (a malformed store URL throws `RunStoreError` here, before any run) and fills in defaults. */
export function resolveTrackingOptions(options: TrackingAdapterOptions): ResolvedTrackingOptions {
  if (typeof options !== 'object' || options === null)
    throw badOption('options', options, "pass { project: 'name', store: 'sqlite:PATH' }");
  const { project, store = DEFAULT_STORE_URL, summaries = true, warn } = options;
  if (typeof project !== 'string' || project.trim() === '') throw badOption('project', project, 'pass a non-empty name, e.g. "marketing"');
  let storeUrl: string;
  if (typeof store === 'string') storeUrl = parseStoreUrl(store).url;
  else if (isRunStore(store)) storeUrl = (store as { url?: unknown }).url?.toString() ?? typeName(store);
  else throw badOption('store', store, 'pass a URL (sqlite:PATH, postgres://...) or a RunStore');
  if (warn !== undefined && typeof warn !== 'function') throw badOption('warn', warn, 'pass a function taking one message');
  if (summaries !== true && summaries !== false && (typeof summaries !== 'object' || summaries === null))
    throw badOption('summaries', summaries, 'pass true, false or limits such as { maxElements: 1_000_000 }');
  const heartbeatIntervalMs = positive('heartbeatIntervalMs', options.heartbeatIntervalMs, 5_000);
  const staleAfterMs = positive('staleAfterMs', options.staleAfterMs, 30_000);
  if (staleAfterMs < 2 * heartbeatIntervalMs) throw new HamiltonError(messages.heartbeatTooSlow(staleAfterMs, heartbeatIntervalMs));
  return {
    project,
    store,
    storeUrl,
    flushIntervalMs: positive('flushIntervalMs', options.flushIntervalMs, 250),
    batchSize: positive('batchSize', options.batchSize, 5_000),
    maxBacklog: positive('maxBacklog', options.maxBacklog, 100_000),
    heartbeatIntervalMs,
    staleAfterMs,
    limits: summaries === false ? undefined : resolveLimits(summaries === true ? undefined : summaries),
    warn: warn ?? ((message) => getLogger().warn(message)),
  };
}

function isRunStore(value: unknown): value is RunStore {
  return typeof value === 'object' && value !== null && typeof (value as RunStore).write === 'function';
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw badOption(name, value, 'pass a positive number');
  return value;
}

function typeName(value: object): string {
  return value.constructor?.name ?? 'a RunStore';
}

function badOption(name: string, value: unknown, expected: string): HamiltonError {
  return new HamiltonError(messages.badOption(name, value, expected));
}
