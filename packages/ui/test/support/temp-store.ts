// A SQLite run store in a temporary directory of its own, removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRunStore } from '../../src/store/open-store.js';
import type { RunStore } from '../../src/store/run-store.js';

/** An open store, its URL and directory, and how to throw them away. */
export interface TempStore {
  readonly store: RunStore;
  readonly url: string;
  readonly dir: string;
  dispose(): Promise<void>;
}

/** Opens `sqlite:<new temp dir>/runs.db`. */
export async function tempStore(prefix = 'hamilton-ui-'): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const url = `sqlite:${join(dir, 'runs.db')}`;
  const store = await openRunStore(url);
  return {
    store,
    url,
    dir,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
