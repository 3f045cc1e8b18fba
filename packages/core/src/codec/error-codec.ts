import { HamiltonError, ResultBuildError } from '@hamilton-ts/result-builders';
import { DataValidationError } from '../errors/data-validation-error.js';
import { GraphBuildError } from '../errors/graph-build-error.js';
import { InputValidationError } from '../errors/input-validation-error.js';
import { NodeExecutionError } from '../errors/node-execution-error.js';
import { UnknownNodeError } from '../errors/unknown-node-error.js';
import { isError } from './kinds.js';

/** An error as plain data: what `serializeError` makes and `reviveError` rebuilds. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** The class to rebuild: a core error class or a built-in one (`TypeError`...); absent: `Error`. */
  readonly kind?: string;
  /** The error's own fields (`node`, `validator`, `offending`, `problems`...), those that can be copied. */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly cause?: SerializedError;
  /** `AggregateError.errors`. */
  readonly errors?: readonly SerializedError[];
  /** Set when something other than an Error was thrown (`throw 'boom'`): the value itself, if it can be copied. */
  readonly thrown?: unknown;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/** Classes rebuilt as themselves, most specific first (a subclass must precede its base). */
const CLASSES: ReadonlyArray<readonly [string, ErrorClass]> = [
  ['NodeExecutionError', NodeExecutionError],
  ['DataValidationError', DataValidationError],
  ['GraphBuildError', GraphBuildError],
  ['InputValidationError', InputValidationError],
  ['UnknownNodeError', UnknownNodeError],
  ['ResultBuildError', ResultBuildError],
  ['HamiltonError', HamiltonError],
  ['AggregateError', AggregateError],
  ['TypeError', TypeError],
  ['RangeError', RangeError],
  ['SyntaxError', SyntaxError],
  ['ReferenceError', ReferenceError],
  ['EvalError', EvalError],
  ['URIError', URIError],
];
const BY_KIND = new Map(CLASSES);
const OWN_KEYS = new Set(['name', 'message', 'stack', 'cause', 'errors']);

/**
 * An error as structured-cloneable plain data: name, message, stack, cause, and for core errors
 * (`NodeExecutionError`, `DataValidationError`, ...) their fields, so `reviveError` rebuilds the same class.
 *
 * @example
 * port.postMessage({ error: serializeError(e) });          // in a worker
 * throw reviveError(message.error);                        // in the parent: same class, message and stack
 */
export function serializeError(thrown: unknown): SerializedError {
  return serializeOnce(thrown, new Set());
}

/** `seen`: errors on the way down, so a cause chain that loops back (`e.cause = e`) ends instead of recursing forever. */
function serializeOnce(thrown: unknown, seen: Set<object>): SerializedError {
  if (thrown === null || typeof thrown !== 'object' || !isError(thrown)) {
    return { name: 'Error', message: typeof thrown === 'string' ? thrown : String(thrown), thrown: copyable(thrown) };
  }
  const error = thrown as Error & { cause?: unknown; errors?: unknown };
  if (seen.has(error)) return { name: String(error.name), message: `${String(error.message)} (the cause chain loops back to this error)` };
  seen.add(error);
  const kind = CLASSES.find(([, type]) => error instanceof type)?.[0];
  const fields = ownFields(error);
  return {
    name: String(error.name),
    message: String(error.message),
    ...(typeof error.stack === 'string' ? { stack: error.stack } : {}),
    ...(kind ? { kind } : {}),
    ...(fields ? { fields } : {}),
    ...('cause' in error && error.cause !== undefined ? { cause: serializeOnce(error.cause, seen) } : {}),
    ...(Array.isArray(error.errors) ? { errors: error.errors.map((e) => serializeOnce(e, seen)) } : {}),
  };
}

/**
 * The error `serializeError` described, with the worker's name, message and stack; core error classes
 * and built-in ones come back as instances of those classes (`instanceof DataValidationError` holds),
 * others as an `Error` carrying the original name. When a non-Error was thrown, that value is returned.
 */
export function reviveError(serialized: SerializedError): unknown {
  if ('thrown' in serialized) return serialized.thrown;
  const type = (serialized.kind && BY_KIND.get(serialized.kind)) || Error;
  // Reflect.construct with a native error class gives a real Error (stack slot, `[object Error]`) whose
  // prototype is `type`'s, without running `type`'s constructor (whose arguments are not at hand).
  const hamilton = type === HamiltonError || type.prototype instanceof HamiltonError;
  const native = (hamilton ? Error : type) as unknown as new (...args: unknown[]) => Error;
  const args = native === AggregateError ? [(serialized.errors ?? []).map(reviveError), serialized.message] : [serialized.message];
  const error = Reflect.construct(native, args, type) as Error;
  if (serialized.fields) Object.assign(error, serialized.fields);
  // HamiltonError sets its name as an own field; built-in errors read theirs from the prototype.
  if (hamilton || error.name !== serialized.name)
    Object.defineProperty(error, 'name', { value: serialized.name, writable: true, configurable: true, enumerable: hamilton });
  Object.defineProperty(error, 'stack', {
    value: serialized.stack ?? `${serialized.name}: ${serialized.message}`,
    writable: true,
    configurable: true,
  });
  if (serialized.cause) Object.defineProperty(error, 'cause', { value: reviveError(serialized.cause), writable: true, configurable: true });
  return error;
}

/** Own enumerable fields besides name, message, stack and cause, keeping those structured clone can copy. */
function ownFields(error: Error): Record<string, unknown> | undefined {
  let fields: Record<string, unknown> | undefined;
  for (const key of Object.keys(error)) {
    if (OWN_KEYS.has(key)) continue;
    const value = copyable((error as unknown as Record<string, unknown>)[key]);
    if (value === undefined) continue;
    fields ??= {};
    fields[key] = value;
  }
  return fields;
}

/** The value if structured clone can copy it faithfully enough to describe an error, else undefined. */
function copyable(value: unknown): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')) return value;
  if (typeof value !== 'object') return undefined;
  try {
    structuredClone(value);
    return value;
  } catch {
    return undefined;
  }
}
