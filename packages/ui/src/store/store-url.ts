import { resolve } from 'node:path';
import { messages } from '../messages.js';
import { maskPassword, RunStoreError } from '../run-store-error.js';

/** Where a store URL points: a SQLite file (or memory), or a Postgres database. */
export type StoreLocation =
  | { readonly engine: 'sqlite'; readonly url: string /** absolute, or `:memory:` */; readonly path: string }
  | { readonly engine: 'postgres'; readonly url: string; readonly connectionString: string };

/**
 * Reads a store URL: `sqlite:PATH` (relative to the working directory; `sqlite:///abs/path` and
 * `sqlite://rel/path` work too), `sqlite::memory:`, `postgres://...` or `postgresql://...`.
 * Throws `RunStoreError` (`bad-url`) for anything else, naming the URL (password masked).
 *
 * @example
 * parseStoreUrl('sqlite:.hamilton/runs.db'); // { engine: 'sqlite', path: '/cwd/.hamilton/runs.db', ... }
 */
export function parseStoreUrl(url: unknown): StoreLocation {
  if (typeof url !== 'string' || url.trim() === '') throw badUrl(String(url), 'it is empty or not a string');
  const shown = maskPassword(url);
  if (/^sqlite:/i.test(url)) {
    let path = url.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw badUrl(shown, 'it names no file');
    return { engine: 'sqlite', url: shown, path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badUrl(shown, 'it is not a valid URL');
    }
    if (!parsed.hostname && !parsed.searchParams.has('host')) throw badUrl(shown, 'it names no host');
    return { engine: 'postgres', url: shown, connectionString: url };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw badUrl(shown, scheme ? `"${scheme}:" is not a store this package knows` : `it has no scheme (did you mean "sqlite:${url}"?)`);
}

function badUrl(url: string, problem: string): RunStoreError {
  return new RunStoreError('bad-url', url, messages.badStoreUrl(url, problem));
}
