import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node } from '@hamilton-ts/core';
import type { ColumnTable } from 'arquero';

/** A pipeline whose one node passes the loaded table `rows` through: a run loads a file and can save it again. */
export class Passthrough {
  @node()
  copy(rows: ColumnTable): ColumnTable {
    return rows;
  }
}

/** A fresh directory for one test's files; `file(name)` is a path inside it. */
export function workDirectory(): { dir: string; file: (name: string) => string; leftovers: () => string[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hamilton-io-'));
  return {
    dir,
    file: (name) => join(dir, name),
    /** Temporary files a save left behind. */
    leftovers: () => readdirSync(dir).filter((name) => name.endsWith('.tmp')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The rejection of `promise`, which must reject. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
