// Opening a store from its URL: every form the docs promise, and every bad one refused with a
// RunStoreError that names the URL (never its password) and says what to do.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HamiltonError } from '@hamilton-ts/core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../adapters/test/support/free-port.js';
import { openRunStore, parseStoreUrl, RunStoreError, SqliteRunStore } from '../src/index.js';
import { type PostgresServer, startPostgresServer } from './support/postgres-server.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamilton-ui-open-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(url: unknown): Promise<RunStoreError> {
  const error = await openRunStore(url as string).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RunStoreError);
  expect(error).toBeInstanceOf(HamiltonError);
  return error as RunStoreError;
}

describe('parseStoreUrl', () => {
  it('reads sqlite: paths relative to the working directory, absolute ones, and memory', () => {
    expect(parseStoreUrl('sqlite:.hamilton/runs.db')).toEqual({
      engine: 'sqlite',
      url: 'sqlite:.hamilton/runs.db',
      path: resolve('.hamilton/runs.db'),
    });
    expect(parseStoreUrl('sqlite:///tmp/runs.db')).toMatchObject({ engine: 'sqlite', path: '/tmp/runs.db' });
    expect(parseStoreUrl('sqlite://runs.db')).toMatchObject({ path: resolve('runs.db') });
    expect(parseStoreUrl('SQLite:/abs/x.db')).toMatchObject({ path: '/abs/x.db' });
    expect(parseStoreUrl('sqlite::memory:')).toMatchObject({ engine: 'sqlite', path: ':memory:' });
  });

  it('reads postgres:// and postgresql:// URLs, masking a password in the URL it reports', () => {
    expect(parseStoreUrl('postgres://app@db.internal:5432/runs')).toEqual({
      engine: 'postgres',
      url: 'postgres://app@db.internal:5432/runs',
      connectionString: 'postgres://app@db.internal:5432/runs',
    });
    expect(parseStoreUrl('postgresql://app:s3cret@db/runs')).toMatchObject({
      url: 'postgresql://app:***@db/runs',
      connectionString: 'postgresql://app:s3cret@db/runs',
    });
  });

  it.each([
    ['', /is empty or not a string/],
    ['   ', /is empty or not a string/],
    [42, /is empty or not a string/],
    ['sqlite:', /names no file/],
    ['mysql://db/runs', /"mysql:" is not a store this package knows/],
    ['runs.db', /did you mean "sqlite:runs.db"/],
    ['postgres://', /not a valid URL|names no host/],
  ])('refuses %p with a RunStoreError saying which forms work', (url, problem) => {
    let error: unknown;
    try {
      parseStoreUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunStoreError);
    expect(error).toMatchObject({ kind: 'bad-url', message: expect.stringMatching(problem) });
    expect((error as Error).message).toContain('sqlite:PATH');
  });

  it('never shows the password of a bad URL', () => {
    expect(() => parseStoreUrl('postgres://app:s3cret@')).toThrow(/app:\*\*\*@/);
    expect(() => parseStoreUrl('postgres://app:s3cret@')).not.toThrow(/s3cret/);
  });
});

describe('openRunStore with SQLite', () => {
  it('creates the directories of a new file and migrates it', async () => {
    const file = join(dir, 'a', 'b', 'runs.db');
    const store = await openRunStore(`sqlite:${file}`);
    expect(store).toBeInstanceOf(SqliteRunStore);
    expect(existsSync(file)).toBe(true);
    expect(await store.listRuns()).toEqual([]);
    await store.close();
  });

  it('keeps runs in memory with sqlite::memory:', async () => {
    const store = await openRunStore('sqlite::memory:');
    expect(await store.countRuns()).toBe(0);
    await store.close();
  });

  it('refuses a path under a file, naming the URL and what to check', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'x');
    const error = await refusal(`sqlite:${blocker}/runs.db`);
    expect(error).toMatchObject({ kind: 'unreachable', url: `sqlite:${blocker}/runs.db` });
    expect(error.message).toContain(`"sqlite:${blocker}/runs.db" could not be opened`);
    expect(error.message).toMatch(/path is writable/);
  });

  it('refuses a file that is not a SQLite database', async () => {
    const garbage = join(dir, 'garbage.db');
    await writeFile(garbage, 'this is not a database, just some text long enough to have a header '.repeat(20));
    const error = await refusal(`sqlite:${garbage}`);
    expect(['unreachable', 'migration']).toContain(error.kind);
    expect(error.message).toContain(garbage);
    expect(error.cause).toBeDefined();
  });

  it('opens a store another version migrated further, leaving its newer migrations alone', async () => {
    const file = join(dir, 'newer.db');
    const first = await openRunStore(`sqlite:${file}`);
    await first.close();
    const raw = new (await import('better-sqlite3')).default(file);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('from the future');
    raw.close();
    const again = await openRunStore(`sqlite:${file}`);
    expect(await again.countRuns()).toBe(0);
    await again.close();
  });

  it('refuses bad URLs before touching anything', async () => {
    expect(await refusal('mysql://db/runs')).toMatchObject({ kind: 'bad-url' });
  });
});

describe('openRunStore with Postgres', () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgresServer();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a server that does not answer, naming the URL without its password', async () => {
    const port = await freePort();
    const error = await refusal(`postgres://app:s3cret@127.0.0.1:${port}/runs`);
    expect(error).toMatchObject({ kind: 'unreachable', url: `postgres://app:***@127.0.0.1:${port}/runs` });
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/server is running and the database exists/);
    expect(error.message).not.toContain('s3cret');
  }, 20_000);

  it('refuses a database that does not exist, saying how to create it', async () => {
    const error = await refusal(`postgres://app@127.0.0.1:${server.port}/nowhere`);
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/database "nowhere" does not exist/);
    expect(error.message).toContain('createdb NAME');
  });

  it('opens, migrates and serves an existing database, also as postgresql://', async () => {
    const url = await server.createDatabase('opened');
    const store = await openRunStore(url.replace('postgres://', 'postgresql://'));
    expect(await store.projects()).toEqual([]);
    await store.close();
  });
});
