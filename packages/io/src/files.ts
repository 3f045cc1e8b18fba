// Reading a loader's file and writing a saver's, with errors that say which file and why.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MaterializerError, type MaterializerErrorDetails } from './errors.js';

/**
 * The file's bytes; a missing, unreadable or directory path is a `MaterializerError` saying so.
 *
 * Read synchronously, like the decoding around it. On a million-row Arrow file (36 MB), fs.promises
 * made a save and load cost 1.4–1.8× the CPU of the same steps done synchronously: a big buffer just
 * allocated starts a garbage collection, and each await lets V8 finish one there and then, where
 * synchronous code lets it gather several files' garbage into one. A local file is read at memory
 * speed, in less time than decoding it takes; the event loop waits for both alike.
 */
export function readInput(path: string, where: MaterializerErrorDetails): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new MaterializerError(where, readProblem(error as NodeJS.ErrnoException, path), error);
  }
}

/**
 * Writes `bytes` to `path` through a temporary file in the same directory and a rename, so the target
 * is never half-written: it holds the old content or the new. Missing parent directories are created.
 * Written synchronously, for the reason `readInput` gives.
 */
export function writeAtomically(path: string, bytes: Uint8Array | string, where: MaterializerErrorDetails): number {
  const absolute = resolve(path);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  try {
    writeCreatingDirectory(temporary, data);
    renameSync(temporary, absolute);
  } catch (error) {
    removeQuietly(temporary);
    throw new MaterializerError(where, writeProblem(error as NodeJS.ErrnoException, absolute), error);
  }
  return data.byteLength;
}

/** Removes a temporary file a failed write may have left; the write's own error is the one reported. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // what is reported is why the write failed
  }
}

/** The directory is created only when the first write finds it missing: one call less on every save. */
function writeCreatingDirectory(path: string, data: Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}

function readProblem(error: NodeJS.ErrnoException, path: string): string {
  const absolute = resolve(path);
  switch (error.code) {
    case 'ENOENT':
      return `file not found (looked for ${absolute}); check the path, which is relative to ${process.cwd()}`;
    case 'EACCES':
    case 'EPERM':
      return `the file cannot be read (permission denied: ${absolute}); give the process read access or another path`;
    case 'EISDIR':
      return `${absolute} is a directory; give the path of a file`;
    default:
      return `the file cannot be read (${error.code ?? 'error'}: ${error.message})`;
  }
}

function writeProblem(error: NodeJS.ErrnoException, absolute: string): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `cannot write ${absolute} (${error.code}: permission denied); give a path the process may write`;
    case 'EISDIR':
      return `${absolute} is a directory; give the path of a file`;
    case 'ENOTDIR':
      return `a parent of ${absolute} is a file, not a directory; give another path`;
    default:
      return `cannot write ${absolute} (${error.code ?? 'error'}: ${error.message})`;
  }
}
