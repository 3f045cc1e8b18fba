import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { EXTENSIONS, type StoredFormat } from './result-formats.js';

let temporaries = 0;

/**
 * One file per result, named by its data version (its content fingerprint), so equal results are stored
 * once. A file is written under a temporary name and renamed into place: readers, in this process or
 * another, see a whole file or none.
 */
export class ResultStore {
  readonly directory: string;

  constructor(root: string) {
    this.directory = join(root, 'results');
    mkdirSync(this.directory, { recursive: true });
  }

  pathOf(dataVersion: string, format: StoredFormat): string {
    return join(this.directory, `${dataVersion}.${EXTENSIONS[format]}`);
  }

  /**
   * Writes the result unless a file of that content is already there (then `bytes` is not called).
   * Synchronous: it runs on the cache's writer thread, where nothing waits on the event loop.
   */
  save(dataVersion: string, format: StoredFormat, bytes: () => Uint8Array | string): void {
    const target = this.pathOf(dataVersion, format);
    if (existsSync(target)) return;
    const temporary = `${target}.${process.pid}-${threadId}-${++temporaries}.tmp`;
    try {
      writeFileSync(temporary, bytes());
      renameSync(temporary, target);
    } catch (error) {
      removeQuietly(temporary); // the write's error is the one to report
      throw error;
    }
  }

  read(dataVersion: string, format: StoredFormat): Uint8Array {
    return readFileSync(this.pathOf(dataVersion, format));
  }

  /** Removes a file that could not be read back, so the recomputed result replaces it. */
  discard(dataVersion: string, format: StoredFormat): void {
    try {
      unlinkSync(this.pathOf(dataVersion, format));
    } catch {
      // Already gone (another process discarded it): nothing to do.
    }
  }

  clear(): void {
    rmSync(this.directory, { recursive: true, force: true });
    mkdirSync(this.directory, { recursive: true });
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Its directory is gone or unreadable too.
  }
}
