import { types } from 'node:util';
import { HamiltonError } from '@hamilton-ts/core';

/** What went wrong with a run store: its URL, opening it, or bringing its schema up to date. */
export type RunStoreErrorKind = 'bad-url' | 'unreachable' | 'migration' | 'closed';

/**
 * A run store could not be used. The message names the store's URL (a password in it is masked) and
 * says what to do; `kind` tells the cases apart, `cause` is the underlying error when there is one.
 *
 * @example
 * try { await openRunStore('mysql://db/runs'); } catch (e) { if (e instanceof RunStoreError) console.error(e.kind, e.url); }
 */
export class RunStoreError extends HamiltonError {
  constructor(
    readonly kind: RunStoreErrorKind,
    /** The store's URL as given, its password masked. */
    readonly url: string,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** A URL fit for messages and logs: the password of `postgres://user:secret@host/db` becomes `***`. */
export function maskPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@');
}

/**
 * The message of an error (an `AggregateError`'s, e.g. a refused connection to every address, from its
 * parts), or the value as text. Errors are recognised across realms (a test's sandbox, a vm context).
 */
export function reasonOf(error: unknown): string {
  try {
    if (!isError(error)) return String(error);
    const parts = (error as { errors?: unknown }).errors;
    if (!error.message && Array.isArray(parts) && parts.length) return [...new Set(parts.map(reasonOf))].join('; ');
    return error.message || (error as NodeJS.ErrnoException).code || error.name;
  } catch {
    return 'an unprintable error';
  }
}

/** True for errors of any realm, where `instanceof Error` only knows this one's. */
export function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}
