// The two engines a store suite runs against: SQLite files in a temp dir, and databases of a real Postgres.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { type PostgresServer, startPostgresServer } from './postgres-server.js';

/** One engine: fresh stores, and raw SQL on them (to build a store as an older version left it). */
export interface StoreEngine {
  readonly name: 'SQLite' | 'Postgres';
  /** Which SQL of a migration the engine runs. */
  readonly dialect: 'sqlite' | 'postgres';
  setup(): Promise<void>;
  /** The URL of a fresh, empty store. */
  freshUrl(): Promise<string>;
  /** Runs statements on the store at `url` outside any RunStore, in order; resolves with the rows of the last. */
  exec(url: string, statements: readonly string[]): Promise<unknown[]>;
  teardown(): Promise<void>;
}

let databases = 0;

/** SQLite files in a temp dir of their own. */
export function sqliteEngine(): StoreEngine {
  let dir = '';
  return {
    name: 'SQLite',
    dialect: 'sqlite',
    async setup() {
      dir = await mkdtemp(join(tmpdir(), 'hamilton-ui-stores-'));
    },
    async freshUrl() {
      return `sqlite:${join(dir, `runs-${++databases}.db`)}`;
    },
    async exec(url, statements) {
      const db = new Database(url.slice('sqlite:'.length));
      try {
        for (const sql of statements.slice(0, -1)) db.exec(sql);
        const last = db.prepare(statements.at(-1)!);
        if (last.reader) return last.all();
        last.run();
        return [];
      } finally {
        db.close();
      }
    },
    async teardown() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Databases of a Postgres server started for the suite. */
export function postgresEngine(): StoreEngine {
  let server: PostgresServer | undefined;
  return {
    name: 'Postgres',
    dialect: 'postgres',
    async setup() {
      server = await startPostgresServer();
    },
    async freshUrl() {
      return server!.createDatabase(`runs_${++databases}`);
    },
    async exec(url, statements) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        let rows: unknown[] = [];
        for (const sql of statements) rows = (await client.query(sql)).rows;
        return rows;
      } finally {
        await client.end();
      }
    },
    async teardown() {
      await server?.stop();
    },
  };
}
