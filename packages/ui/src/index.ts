// @hamilton-ts/ui: the TrackingAdapter that records runs, the stores that keep them (SQLite, Postgres),
// value summaries, and the web page `hamilton-ts ui` serves. Each symbol's doc comment is where it is defined.
// Errors
export { RunStoreError, type RunStoreErrorKind } from './run-store-error.js';
// The web page and its JSON API
export * from './server/index.js';
// Stores
export { openRunStore } from './store/open-store.js';
export { PostgresRunStore, type PostgresRunStoreOptions } from './store/postgres-store.js';
export type * from './store/records.js';
export { PROCESS_LOST } from './store/records.js';
export type { RunStore } from './store/run-store.js';
export { SqliteRunStore, type SqliteRunStoreOptions } from './store/sqlite-store.js';
export { parseStoreUrl, type StoreLocation } from './store/store-url.js';
// Value summaries
export { DEFAULT_LIMITS, type SummaryLimits, summarize } from './summary/index.js';
// Tracking runs
export { DEFAULT_STORE_URL, TrackingAdapter, type TrackingAdapterOptions } from './tracking/index.js';
