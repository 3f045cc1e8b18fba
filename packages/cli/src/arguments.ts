// Checks shared by commands: util.parseArgs with its errors as usage errors, and the values options
// take. Each message names the argument, the value given, and what to give instead.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './command.js';

/** Runs a util.parseArgs call; its errors (unknown option, missing value) become UsageErrors with Node's message, which names the option. */
export function parseOrUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message);
    throw error;
  }
}

/** The value of a required option, or a UsageError saying which option is missing and what it takes. */
export function requiredOption(value: string | undefined, flag: string, example: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required; e.g. ${flag} ${example}`);
  if (value.trim() === '') throw new UsageError(`${flag} is empty; give a value, e.g. ${flag} ${example}`);
  return value;
}

/** A redis:// or rediss:// URL, returned as given (ioredis parses it). */
export function redisUrl(value: string, flag: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    // not a URL at all; reported below like a URL of another scheme
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:')
    throw new UsageError(
      `${flag} ${JSON.stringify(value)} is not a Redis URL; give redis://HOST:PORT, e.g. redis://127.0.0.1:6379 (rediss:// for TLS)`,
    );
  return value;
}

/** The URL with its password replaced by ***, for lines that end up in logs. */
export function redactUrl(value: string): string {
  const url = new URL(value);
  if (url.password) url.password = '***';
  return url.toString();
}

// setTimeout treats a delay above 2^31-1 ms as 1 ms, so a larger lock duration would expire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A positive integer option (undefined when not given); `max` defaults to the largest delay a Node timer can wait. */
export function positiveInteger(value: string | undefined, flag: string, meaning: string, max = MAX_TIMER_MS): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1 || number > max)
    throw new UsageError(`${flag} ${JSON.stringify(value)} is not a positive integer up to ${max}; give ${meaning}`);
  return number;
}

/**
 * File URLs of the module files named on the command line, relative paths resolved against `cwd`.
 * Checked here so a typo is a usage error naming the path, not an import failure deep in an engine.
 */
export async function existingModuleFiles(paths: readonly string[], cwd: string, example: string): Promise<URL[]> {
  if (paths.length === 0) throw new UsageError(`no MODULE given; name at least one pipeline module file, e.g. ${example}`);
  return Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(cwd, path);
      const stats = await stat(absolute).catch(() => undefined);
      if (stats === undefined)
        throw new UsageError(
          `MODULE ${JSON.stringify(path)} does not exist (looked for ${absolute}); give the path of a pipeline module file, absolute or relative to ${cwd}`,
        );
      if (!stats.isFile())
        throw new UsageError(
          `MODULE ${JSON.stringify(path)} is not a file (${absolute}); give the path of a pipeline module file, not a directory`,
        );
      return pathToFileURL(absolute);
    }),
  );
}
