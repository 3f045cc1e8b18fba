import pg from 'pg';
import { messages } from '../messages.js';
import { maskPassword, RunStoreError, reasonOf } from '../run-store-error.js';
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

/** Options of {@link PostgresRunStore}. */
export interface PostgresRunStoreOptions {
  /** Connections kept at most (default 4). */
  readonly maxConnections?: number;
  /** How long to wait for a connection before failing (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** The URL to name in messages (default: the connection string, its password masked). */
  readonly url?: string;
}

/** The advisory lock every process takes to migrate: any fixed number, the same in every version. */
const MIGRATION_LOCK = '7242551018645118051';

/** Types of the run columns sent as arrays (`unnest`); text otherwise. */
const RUN_TYPES: Record<string, string> = {
  started_at: 'float8',
  duration_ms: 'float8',
  node_count: 'int4',
  pid: 'int4',
  stale_after_ms: 'float8',
};
const CLOCK = STORE_CLOCK.postgres;

/**
 * Runs in a Postgres database, for a team: a connection pool, each batch one transaction of a few
 * statements (rows sent as arrays through `unnest`, whatever their number), the schema migrated under
 * an advisory lock so processes starting at once wait for each other. Open it with
 * `openRunStore('postgres://user@host/db')`, which also migrates it.
 *
 * @example
 * const store = new PostgresRunStore('postgres://app@db.internal/hamilton');
 * await store.migrate();
 * await store.countRuns({ status: 'failure' });
 */
export class PostgresRunStore implements RunStore {
  /** The URL named in messages (password masked). */
  readonly url: string;
  private readonly pool: pg.Pool;
  private closed = false;
  private readonly graphs = new GraphCache();
  /** Graphs this store has written: a run of a known graph does not send its JSON again. */
  private readonly written = new Set<string>();

  constructor(connectionString: string, options: PostgresRunStoreOptions = {}) {
    this.url = options.url ?? maskPassword(connectionString);
    this.pool = new pg.Pool({
      connectionString,
      max: options.maxConnections ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      // Idle connections do not keep the process alive.
      allowExitOnIdle: true,
    });
    // An idle connection the server drops emits here; unheard, it would end the process. The next query reports it.
    this.pool.on('error', () => undefined);
  }

  async migrate(): Promise<void> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
      await client.query(MIGRATIONS_TABLE.postgres);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      for (const migration of pendingMigrations(new Set(rows.map((r) => r.version)))) {
        for (const sql of migration.postgres) await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new RunStoreError('migration', this.url, messages.migrationFailed(this.url, reasonOf(error)), error);
    } finally {
      client.release();
    }
  }

  async write(events: readonly TrackingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const plan = planWrite(events);
    const graphs = graphsOf(plan.started).filter((g) => !this.written.has(g.id));
    await this.transaction(async (client) => {
      if (graphs.length)
        await client.query('INSERT INTO graphs (id, nodes) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (id) DO NOTHING', [
          graphs.map((g) => g.id),
          graphs.map((g) => g.json),
        ]);
      if (plan.started.length) {
        const rows = plan.started.map((run) => runValues(run, graphRecord(run.nodes).id));
        const arrays = RUN_COLUMNS.map((c, i) => `$${i + 1}::${RUN_TYPES[c] ?? 'text'}[]`).join(', ');
        await client.query(
          `INSERT INTO runs (${RUN_COLUMNS.join(', ')}, last_seen_at) SELECT r.*, ${CLOCK} FROM unnest(${arrays}) AS r ON CONFLICT (id) DO NOTHING`,
          columnsOf(rows, RUN_COLUMNS.length),
        );
      }
      if (plan.chunks.length)
        await client.query(
          `INSERT INTO node_results (run_id, chunk, first_seq, results)
           SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[]) ON CONFLICT (run_id, chunk) DO NOTHING`,
          [
            plan.chunks.map((c) => c.runId),
            plan.chunks.map((c) => c.chunk),
            plan.chunks.map((c) => c.firstSeq),
            plan.chunks.map((c) => c.results),
          ],
        );
      if (plan.finished.length)
        await client.query(
          `UPDATE runs SET status = f.status, duration_ms = f.duration_ms, error = f.error
           FROM unnest($1::text[], $2::float8[], $3::text[], $4::text[]) AS f(status, duration_ms, error, id) WHERE runs.id = f.id`,
          columnsOf(plan.finished.map(finishValues), 4),
        );
      if (plan.heartbeats.length)
        await client.query(
          `UPDATE runs SET last_seen_at = ${CLOCK}, in_flight = h.in_flight
           FROM unnest($1::text[], $2::text[]) AS h(in_flight, id) WHERE runs.id = h.id AND runs.status = 'running'`,
          columnsOf(plan.heartbeats.map(heartbeatValues), 2),
        );
    });
    for (const graph of graphs) this.written.add(graph.id);
  }

  async listRuns(query?: RunQuery): Promise<RunListItem[]> {
    const q = normalizeQuery(query);
    const filter = filterClause(q, (i) => `$${i}`, CLOCK);
    const n = filter.params.length;
    const { rows } = await this.query<RunRow>(
      `SELECT ${runListColumns(CLOCK)} FROM runs ${filter.sql} ORDER BY started_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...filter.params, q.limit, q.offset],
    );
    return rows.map(toRunListItem);
  }

  async countRuns(query?: Omit<RunQuery, 'limit' | 'offset'>): Promise<number> {
    const filter = filterClause(normalizeQuery(query), (i) => `$${i}`, CLOCK);
    const { rows } = await this.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM runs ${filter.sql}`, filter.params);
    return rows[0].n;
  }

  async getRun(id: string): Promise<RunDetail | undefined> {
    const runs = await this.query<RunRow>(`SELECT ${runColumns(CLOCK)} FROM runs WHERE id = $1`, [id]);
    if (runs.rows.length === 0) return undefined;
    const run = runs.rows[0];
    const [chunks, graph] = await Promise.all([
      this.query<{ results: string }>('SELECT results FROM node_results WHERE run_id = $1 ORDER BY first_seq', [id]),
      this.graph(run.graph_id!),
    ]);
    return toRunDetail(run, graph, foldResults(id, chunks.rows));
  }

  async getGraph(id: string): Promise<readonly PlannedNode[] | undefined> {
    const { rows } = await this.query<{ graph_id: string }>('SELECT graph_id FROM runs WHERE id = $1', [id]);
    return rows.length === 0 ? undefined : this.graph(rows[0].graph_id);
  }

  async projects(): Promise<string[]> {
    const { rows } = await this.query<{ project: string }>('SELECT DISTINCT project FROM runs ORDER BY project');
    return rows.map((r) => r.project);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async graph(graphId: string): Promise<readonly PlannedNode[]> {
    const cached = this.graphs.get(graphId);
    if (cached) return cached;
    const { rows } = await this.query<{ nodes: string }>('SELECT nodes FROM graphs WHERE id = $1', [graphId]);
    return rows.length === 0 ? [] : this.graphs.add(graphId, rows[0].nodes);
  }

  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    this.assertOpen();
    return this.pool.query<R>(sql, params);
  }

  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    this.assertOpen();
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new RunStoreError('unreachable', this.url, messages.storeNotOpened(this.url, reasonOf(error)), error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new RunStoreError('closed', this.url, messages.storeClosed(this.url));
  }
}

/** Rows (arrays of values) as columns: `unnest` takes one array per column. */
function columnsOf(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}
