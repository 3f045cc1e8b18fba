// Reading a loader's file and writing a saver's, with errors that say which file and why.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MaterializerError, type MaterializerErrorDetails } from './errors.js';

/** The file's bytes; a missing, unreadable or directory path is a `MaterializerError` saying so. */
export async function readInput(path: string, where: MaterializerErrorDetails): Promise<Uint8Array> {
  try {
    return await readWhole(path);
  } catch (error) {
    throw new MaterializerError(where, readProblem(error as NodeJS.ErrnoException, path), error);
  }
}

/**
 * Writes `bytes` to `path` through a temporary file in the same directory and a rename, so the target
 * is never half-written: it holds the old content or the new. Missing parent directories are created.
 */
export async function writeAtomically(path: string, bytes: Uint8Array | string, where: MaterializerErrorDetails): Promise<number> {
  const absolute = resolve(path);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, absolute);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new MaterializerError(where, writeProblem(error as NodeJS.ErrnoException, absolute), error);
  }
  return typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
}

/**
 * The file in one read of its whole size: fs.promises.readFile reads in 512 KB pieces, a round trip
 * through the thread pool each, which costs a third more on a file of tens of megabytes.
 */
async function readWhole(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' });
    const size = stats.size;
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // A file that shrank while being read: what was there, never stale bytes past its end.
    return filled === size ? bytes : bytes.subarray(0, filled);
  } finally {
    await handle.close();
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
