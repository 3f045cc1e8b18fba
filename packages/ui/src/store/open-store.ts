import type { RunStore } from './run-store.js';
import { SqliteRunStore } from './sqlite-store.js';
import { parseStoreUrl } from './store-url.js';

/**
 * Opens the store a URL names and brings its schema up to date: `sqlite:PATH` (relative to the
 * working directory; the directory is created), `sqlite::memory:`, or `postgres://user@host:5432/db`
 * (`postgresql://` too). A URL of another form, a file that cannot be opened or a server that does not
 * answer is a `RunStoreError` naming the URL and what to do. Close the store when done.
 *
 * @example
 * const store = await openRunStore('sqlite:.hamilton/runs.db');
 * const runs = await store.listRuns({ status: 'failure' });
 * await store.close();
 */
export async function openRunStore(url: string): Promise<RunStore> {
  const location = parseStoreUrl(url);
  let store: RunStore;
  if (location.engine === 'sqlite') store = new SqliteRunStore(location.path, { url: location.url });
  else {
    // Loaded on demand: a SQLite user never loads the Postgres client.
    const { PostgresRunStore } = await import('./postgres-store.js');
    store = new PostgresRunStore(location.connectionString, { url: location.url });
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
