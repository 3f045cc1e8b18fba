import { HamiltonError } from '@hamilton-ts/core';
import { messages } from './messages.js';

/**
 * The options object given to an adapter's constructor, `{}` when none was given. JavaScript callers
 * can pass anything, so a value that is not a plain options object is refused with a `HamiltonError`.
 */
export function optionsObject<T extends object>(adapter: string, options: T | undefined, example: string): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new HamiltonError(messages.notAnOptionsObject(adapter, options, example));
  return options;
}

/** Throws a `HamiltonError` with `message(value)` unless `ok`. */
export function check(ok: boolean, message: (value: unknown) => string, value: unknown): void {
  if (!ok) throw new HamiltonError(message(value));
}
