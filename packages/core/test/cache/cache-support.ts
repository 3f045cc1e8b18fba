import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CacheNodeRecord, type HamiltonCache, type HamiltonLogger, setLogger } from '../../src/index.js';

/** A fresh cache directory for one test, removed by `cleanup`. */
export function cacheDirectory(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'hamilton-cache-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
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
