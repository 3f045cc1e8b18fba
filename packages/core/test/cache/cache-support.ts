import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { closeStores } from '../../src/cache/open-cache.js';
import type { WriterRequest } from '../../src/cache/writer-protocol.js';
import { writerThread } from '../../src/cache/writer-thread.js';
import { type CacheNodeRecord, type HamiltonCache, type HamiltonLogger, setLogger } from '../../src/index.js';

/**
 * A fresh cache directory for one test, removed by `cleanup` once the writes this process left pending
 * there are done (removed under them, they would fail and warn during a later test).
 */
export function cacheDirectory(): { path: string; cleanup: () => Promise<void> } {
  const path = mkdtempSync(join(tmpdir(), 'hamilton-cache-'));
  return {
    path,
    cleanup: async () => {
      await closeStores(path);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Statuses of the latest run by node name (items left out). */
export function statuses(cache: HamiltonCache): Record<string, CacheNodeRecord['status']> {
  return Object.fromEntries(Object.entries(cache.lastRun.nodes).map(([name, record]) => [name, record.status]));
}

/** Collects warnings while `body` runs. */
export async function withWarnings<T>(body: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const logger: HamiltonLogger = { warn: (message) => warnings.push(message) };
  const previous = setLogger(logger);
  try {
    return { result: await body(), warnings };
  } finally {
    setLogger(previous);
  }
}

/** What `holdWrites` gives: how many requests it holds, and `release` (safe to call twice). */
export interface HeldWrites {
  held(): number;
  release(): void;
}

/**
 * Holds back what is sent to the writer thread until `release()`, to see the cache with writes pending.
 * Release after a failed test too: a directory's cleanup waits for its writes.
 */
export function holdWrites(): HeldWrites {
  const send = writerThread.send.bind(writerThread);
  const held: [WriterRequest, ArrayBuffer[] | undefined][] = [];
  const spy = jest.spyOn(writerThread, 'send').mockImplementation((request, transfer) => {
    held.push([request, transfer]);
  });
  let released = false;
  return {
    held: () => held.length,
    release: () => {
      if (released) return;
      released = true;
      spy.mockRestore();
      for (const [request, transfer] of held.splice(0)) send(request, transfer);
    },
  };
}
