import { isError } from '../run-store-error.js';
import type { RecordedError } from '../store/records.js';
import { typeName } from '../summary/type-name.js';

const MAX_MESSAGE = 4_000;
const MAX_STACK = 16_000;
/** Causes followed at most: a chain may be long, or loop. */
const MAX_CAUSES = 5;

/**
 * An error as recorded: its type, message and stack, the stacks of its causes appended (a
 * `NodeExecutionError`'s cause is the node's own error), each text capped. Never throws, whatever was thrown.
 *
 * @example
 * recordError(new RangeError('bad')); // { type: 'RangeError', message: 'bad', stack: 'RangeError: bad\n    at ...' }
 */
export function recordError(error: unknown): RecordedError {
  try {
    if (!isError(error))
      return {
        type: error === null ? 'null' : typeof error === 'object' ? typeName(error) : typeof error,
        message: cap(String(error), MAX_MESSAGE),
      };
    const stack = readStack(error);
    return { type: errorType(error), message: cap(String(error.message), MAX_MESSAGE), ...(stack ? { stack: cap(stack, MAX_STACK) } : {}) };
  } catch {
    return { type: 'unknown', message: 'an error that could not be read' };
  }
}

/** The class name, unless it says less than `name` (a subclass that does not set `name` is still named by its class). */
function errorType(error: Error): string {
  const name = typeName(error);
  return name === 'Error' || name === 'Object' ? String(error.name || 'Error') : name;
}

/** The stack with its causes', or none when reading it throws (a hostile getter): the type and message still count. */
function readStack(error: Error): string | undefined {
  try {
    return stackWithCauses(error);
  } catch {
    return undefined;
  }
}

function stackWithCauses(error: Error): string {
  let text = typeof error.stack === 'string' ? error.stack : '';
  let cause: unknown = error.cause;
  const seen = new Set<unknown>([error]);
  for (let depth = 0; depth < MAX_CAUSES && cause !== undefined && !seen.has(cause); depth++) {
    seen.add(cause);
    const described = isError(cause) ? (typeof cause.stack === 'string' ? cause.stack : `${cause.name}: ${cause.message}`) : String(cause);
    text += `\nCaused by: ${described}`;
    cause = isError(cause) ? cause.cause : undefined;
  }
  return text;
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
