import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { messages } from '../messages.js';
import { RunStoreError, reasonOf } from '../run-store-error.js';
import { GraphCache } from './graph-cache.js';
import { graphRecord } from './graph-record.js';
import { STORE_CLOCK } from './lost-runs.js';
import { MIGRATIONS_TABLE, pendingMigrations } from './migrations.js';
import type { PlannedNode, RunDetail, RunListItem, RunQuery, TrackingEvent } from './records.js';
import { finishValues, heartbeatValues, RUN_COLUMNS, runValues } from './row-values.js';
import { foldResults, type RunRow, runColumns, runListColumns, toRunDetail, toRunListItem } from './rows.js';
import { filterClause, normalizeQuery } from './run-query.js';
import type { RunStore } from './run-store.js';
import { graphsOf, planWrite } from './write-plan.js';

/** Options of {@link SqliteRunStore}. */
export interface SqliteRunStoreOptions {
  /** How long a write waits for another process's write lock before failing (default 10 s). */
  readonly busyTimeoutMs?: number;
  /** The URL to name in messages (default `sqlite:PATH`). */
  readonly url?: string;
}

const MEMORY = ':memory:';
const CLOCK = STORE_CLOCK.sqlite;

/**
 * Runs in one SQLite file, for one machine: WAL mode (readers never wait for the writer), a busy
 * timeout so processes writing at once queue up instead of failing, each batch one transaction. The
 * directory is created. Open it with `openRunStore('sqlite:PATH')`, which also migrates it.
 *
 * @example
 * const store = new SqliteRunStore('.hamilton/runs.db');
 * await store.migrate();
 * const runs = await store.listRuns({ project: 'marketing', limit: 20 });
 */
export class SqliteRunStore implements RunStore {
  /** The URL named in messages. */
  readonly url: string;
  private readonly db: Database.Database;
  private statements: Statements | undefined;
  private readonly graphs = new GraphCache();
  /** Graphs this store has written: a run of a known graph does not send its JSON again. */
  private readonly written = new Set<string>();

  /** Opens (and creates) the file; `':memory:'` keeps runs in this process only. Throws `RunStoreError` when it cannot. */
  constructor(
    readonly path: string,
    options: SqliteRunStoreOptions = {},
  ) {
    this.url = options.url ?? `sqlite:${path}`;
    try {
      if (path !== MEMORY) mkdirSync(dirname(resolve(path)), { recursive: true });
      this.db = new Database(path, { timeout: options.busyTimeoutMs ?? 10_000 });
      this.db.pragma('journal_mode = WAL');
      // Safe with WAL: a crash may lose the last commits, never corrupt the file.
      this.db.pragma('synchronous = NORMAL');
    } catch (error) {
      throw new RunStoreError('unreachable', this.url, messages.storeNotOpened(this.url, reasonOf(error)), error);
    }
  }

  async migrate(): Promise<void> {
    this.assertOpen();
    const apply = this.db.transaction(() => {
      this.db.exec(MIGRATIONS_TABLE.sqlite);
      const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
      const record = this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const migration of pendingMigrations(applied)) {
        for (const sql of migration.sqlite) this.db.exec(sql);
        record.run(migration.version, migration.name, Date.now());
      }
    });
    try {
      // IMMEDIATE takes the write lock first, so a second process waits (busy timeout) and then sees the work done.
      apply.immediate();
    } catch (error) {
      throw new RunStoreError('migration', this.url, messages.migrationFailed(this.url, reasonOf(error)), error);
    }
  }

  async write(events: readonly TrackingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const s = this.prepared();
    const plan = planWrite(events);
    const graphs = graphsOf(plan.started).filter((g) => !this.written.has(g.id));
    this.db
      .transaction(() => {
        for (const graph of graphs) s.insertGraph.run(graph.id, graph.json);
        for (const run of plan.started) s.insertRun.run(runValues(run, graphRecord(run.nodes).id));
        for (const c of plan.chunks) s.insertChunk.run(c.runId, c.chunk, c.firstSeq, c.results);
        for (const run of plan.finished) s.finishRun.run(finishValues(run));
        for (const beat of plan.heartbeats) s.heartbeat.run(heartbeatValues(beat));
      })
      .immediate();
    for (const graph of graphs) this.written.add(graph.id);
  }

  async listRuns(query?: RunQuery): Promise<RunListItem[]> {
    const q = normalizeQuery(query);
    const filter = filterClause(q, () => '?', CLOCK);
    const sql = `SELECT ${runListColumns(CLOCK)} FROM runs ${filter.sql} ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?`;
    const rows = this.prepare(sql).all(...filter.params, q.limit, q.offset) as RunRow[];
    return rows.map(toRunListItem);
  }

  async countRuns(query?: Omit<RunQuery, 'limit' | 'offset'>): Promise<number> {
    const filter = filterClause(normalizeQuery(query), () => '?', CLOCK);
    return this.prepare(`SELECT COUNT(*) FROM runs ${filter.sql}`)
      .pluck()
      .get(...filter.params) as number;
  }

  async getRun(id: string): Promise<RunDetail | undefined> {
    const s = this.prepared();
    const run = s.getRun.get(id) as RunRow | undefined;
    if (!run) return undefined;
    const results = foldResults(id, s.getChunks.all(id) as { results: string }[]);
    return toRunDetail(run, this.graph(run.graph_id!), results);
  }

  async getGraph(id: string): Promise<readonly PlannedNode[] | undefined> {
    const graphId = this.prepared().getGraphId.get(id) as string | undefined;
    return graphId === undefined ? undefined : this.graph(graphId);
  }

  async projects(): Promise<string[]> {
    return this.prepare('SELECT DISTINCT project FROM runs ORDER BY project').pluck().all() as string[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private graph(graphId: string): readonly PlannedNode[] {
    const cached = this.graphs.get(graphId);
    if (cached) return cached;
    const json = this.prepared().getGraph.get(graphId) as string | undefined;
    return json === undefined ? [] : this.graphs.add(graphId, json);
  }

  private prepare(sql: string): Database.Statement {
    this.assertOpen();
    return this.db.prepare(sql);
  }

  /** Statements used on every write and read, prepared once (after `migrate`, since they name the tables). */
  private prepared(): Statements {
    this.assertOpen();
    this.statements ??= prepareStatements(this.db);
    return this.statements;
  }

  private assertOpen(): void {
    if (!this.db.open) throw new RunStoreError('closed', this.url, messages.storeClosed(this.url));
  }
}

interface Statements {
  readonly insertGraph: Database.Statement;
  readonly insertRun: Database.Statement;
  readonly insertChunk: Database.Statement;
  readonly finishRun: Database.Statement;
  readonly heartbeat: Database.Statement;
  readonly getRun: Database.Statement;
  readonly getChunks: Database.Statement;
  readonly getGraphId: Database.Statement;
  readonly getGraph: Database.Statement;
}

function prepareStatements(db: Database.Database): Statements {
  const marks = RUN_COLUMNS.map(() => '?').join(', ');
  return {
    insertGraph: db.prepare('INSERT INTO graphs (id, nodes) VALUES (?, ?) ON CONFLICT (id) DO NOTHING'),
    insertRun: db.prepare(
      `INSERT INTO runs (${RUN_COLUMNS.join(', ')}, last_seen_at) VALUES (${marks}, ${CLOCK}) ON CONFLICT (id) DO NOTHING`,
    ),
    insertChunk: db.prepare(
      'INSERT INTO node_results (run_id, chunk, first_seq, results) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, chunk) DO NOTHING',
    ),
    finishRun: db.prepare('UPDATE runs SET status = ?, duration_ms = ?, error = ? WHERE id = ?'),
    heartbeat: db.prepare(`UPDATE runs SET last_seen_at = ${CLOCK}, in_flight = ? WHERE id = ? AND status = 'running'`),
    getRun: db.prepare(`SELECT ${runColumns(CLOCK)} FROM runs WHERE id = ?`),
    getChunks: db.prepare('SELECT results FROM node_results WHERE run_id = ? ORDER BY first_seq'),
    getGraphId: db.prepare('SELECT graph_id FROM runs WHERE id = ?').pluck(),
    getGraph: db.prepare('SELECT nodes FROM graphs WHERE id = ?').pluck(),
  };
}
