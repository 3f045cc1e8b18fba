/**
 * The run store's schema, one numbered migration at a time, for both engines. A store applies the
 * migrations its `schema_migrations` table lacks, in order, inside one transaction that holds the
 * engine's write lock (SQLite: `BEGIN IMMEDIATE`; Postgres: an advisory lock), so processes that
 * migrate at once wait for each other and apply each migration exactly once.
 *
 * Never edit a migration that has shipped: add the next number. Times are milliseconds since the
 * epoch (fractional), JSON is stored as text, so both engines hold the same values.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: readonly string[];
  readonly postgres: readonly string[];
}

/** The table each store creates first, to know which migrations it has. */
export const MIGRATIONS_TABLE = {
  sqlite: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)',
  postgres:
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DOUBLE PRECISION NOT NULL)',
};

// A planned graph (its nodes as JSON), kept once however many runs share it: `id` hashes the JSON.
const graphsTable = `CREATE TABLE graphs (
  id TEXT PRIMARY KEY,
  nodes TEXT NOT NULL
)`;

// One row per run; `node_count` is stored so the runs list never counts nodes.
const runsTable = (real: string) => `CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  project TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at ${real} NOT NULL,
  duration_ms ${real},
  outputs TEXT NOT NULL,
  inputs TEXT NOT NULL,
  error TEXT,
  node_count INTEGER NOT NULL,
  graph_id TEXT NOT NULL
)`;

// Node results as written: one row per batch of a run, its results a JSON array (see result-codec.ts),
// folded into one record per node when the run is read. Writing a 10,000-node run is a few rows, not
// 10,000; `chunk` makes a batch written twice (a commit whose answer was lost) land once.
const resultsTable = `CREATE TABLE node_results (
  run_id TEXT NOT NULL,
  chunk TEXT NOT NULL,
  first_seq INTEGER,
  results TEXT NOT NULL,
  PRIMARY KEY (run_id, chunk)
)`;

// The runs list is read newest first, optionally filtered by project and status.
const runIndexes = [
  'CREATE INDEX runs_by_start ON runs (started_at DESC, id DESC)',
  'CREATE INDEX runs_by_project ON runs (project, started_at DESC, id DESC)',
  'CREATE INDEX runs_by_status ON runs (status, started_at DESC, id DESC)',
  'CREATE INDEX runs_by_project_status ON runs (project, status, started_at DESC, id DESC)',
];

// Who tracks a run and when it last reported (the store's clock), so that a reader can tell a run whose
// process died from one still going (see lost-runs.ts); `in_flight` is JSON of the nodes running at the
// last report. Rows written before this migration have none of it, and are never read as lost.
const processColumns = (real: string) => [
  'ALTER TABLE runs ADD COLUMN pid INTEGER',
  'ALTER TABLE runs ADD COLUMN hostname TEXT',
  `ALTER TABLE runs ADD COLUMN stale_after_ms ${real}`,
  `ALTER TABLE runs ADD COLUMN last_seen_at ${real}`,
  'ALTER TABLE runs ADD COLUMN in_flight TEXT',
];

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, graphs and node results',
    sqlite: [graphsTable, runsTable('REAL'), resultsTable, ...runIndexes],
    postgres: [graphsTable, runsTable('DOUBLE PRECISION'), resultsTable, ...runIndexes],
  },
  {
    version: 2,
    name: 'the process of a run and its last report',
    sqlite: processColumns('REAL'),
    postgres: processColumns('DOUBLE PRECISION'),
  },
];

/** The migrations not yet applied, in order. */
export function pendingMigrations(applied: ReadonlySet<number>, all: readonly Migration[] = MIGRATIONS): Migration[] {
  return all.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
}
