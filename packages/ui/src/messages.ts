// Every user-facing text of run tracking, in one place, so the wording stays consistent.

const STORE_FORMS = '`sqlite:PATH` (e.g. sqlite:.hamilton/runs.db), `sqlite::memory:` or `postgres://user@host:5432/db`';

export const messages = {
  badStoreUrl: (url: string, problem: string) => `run store "${url}": ${problem}; give ${STORE_FORMS}`,
  storeNotOpened: (url: string, problem: string) =>
    `run store "${url}" could not be opened: ${problem}. Check that the path is writable (SQLite) or that the server is running and the database exists (Postgres: createdb NAME)`,
  migrationFailed: (url: string, problem: string) =>
    `run store "${url}": bringing its schema up to date failed: ${problem}. Check that it is a hamilton-ts run store this user may change, or point store / --store at a new one`,
  storeClosed: (url: string) => `run store "${url}" is closed; open another with openRunStore(url)`,
  writesFailing: (url: string, problem: string, backlog: number, retrySeconds: number) =>
    `TrackingAdapter: cannot write runs to "${url}" (${problem}). Runs go on; up to ${backlog.toLocaleString('en-US')} tracking events wait in memory and the writes are retried (at least every ${retrySeconds} s). Start the store, or pass another one (e.g. store: 'sqlite:.hamilton/runs.db').`,
  eventsDropped: (url: string) =>
    `TrackingAdapter: tracking events for "${url}" are being dropped (the store kept failing and the backlog is full, or the tracker was closed before they were written); the runs they belong to will be incomplete in the store.`,
  internalError: (problem: string) => `TrackingAdapter: could not record a run event (${problem}); the run goes on.`,
  badOption: (name: string, value: unknown, expected: string) => `TrackingAdapter: option "${name}" is ${show(value)}; ${expected}`,
  processLost: (process: LostProcess, staleAfterMs: number) =>
    `the process tracking this run (${nameProcess(process)}) stopped reporting: last seen ${process.lastSeen}, and a run is taken as lost after ${seconds(staleAfterMs)} without a report. It was killed or crashed (or could not reach the store, or a synchronous node blocked it that long); should it report again, the run shows as running again.`,
  nodeLost: (process: LostProcess) =>
    `this node was still running when the process tracking the run (${nameProcess(process)}) stopped reporting, last seen ${process.lastSeen}; it never finished`,
  heartbeatTooSlow: (staleAfterMs: number, heartbeatIntervalMs: number) =>
    `TrackingAdapter: option "staleAfterMs" (${staleAfterMs}) must be at least twice "heartbeatIntervalMs" (${heartbeatIntervalMs}), or live runs would be taken as lost between two reports`,
  gracefulCaught: () =>
    'the node failed and GracefulErrorAdapter gave its sentinel; list TrackingAdapter after GracefulErrorAdapter to record the error itself',
};

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : (value.constructor?.name ?? 'an object');
}

/** The process of a lost run, as its messages name it. */
export interface LostProcess {
  readonly pid: number | undefined;
  readonly hostname: string | undefined;
  /** ISO 8601, or `never`. */
  readonly lastSeen: string;
}

const nameProcess = (p: LostProcess): string => `pid ${p.pid ?? '?'} on host ${JSON.stringify(p.hostname ?? '?')}`;

const seconds = (ms: number): string => `${Number((ms / 1000).toPrecision(3))} s`;
