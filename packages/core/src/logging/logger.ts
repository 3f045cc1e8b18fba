import { debuglog } from 'node:util';

/**
 * Where hamilton-ts sends warnings, e.g. a `checkOutput` with `importance: 'warn'` that failed.
 * `details` carries structured data (for checks: the `ValidationOutcome`).
 *
 * @example
 * setLogger({ warn: (message, details) => pino.warn({ details }, message) });
 */
export interface HamiltonLogger {
  warn(message: string, details?: unknown): void;
  /** Detail for debugging, e.g. each cache hit and miss; the default prints it when `NODE_DEBUG=hamilton-ts`. */
  debug?(message: string, details?: unknown): void;
}

const debugLog = debuglog('hamilton-ts');
const consoleLogger: HamiltonLogger = {
  warn: (message) => console.warn(message),
  debug: (message) => debugLog('%s', message),
};
let current: HamiltonLogger = consoleLogger;

/**
 * Replaces the logger for the whole process; call with no argument to restore the default
 * (`console.warn`). Returns the logger it replaced, so tests can put it back.
 *
 * @example
 * const warnings: string[] = [];
 * const previous = setLogger({ warn: (m) => warnings.push(m) });
 * // ... run ...
 * setLogger(previous);
 */
export function setLogger(logger?: HamiltonLogger): HamiltonLogger {
  const previous = current;
  current = logger ?? consoleLogger;
  return previous;
}

/**
 * The logger in use.
 *
 * @example
 * getLogger().warn('something looks off', { node: 'score' });
 */
export function getLogger(): HamiltonLogger {
  return current;
}

/** Whether debug lines would be printed: callers skip building them otherwise. */
export function debugEnabled(): boolean {
  return current.debug !== undefined && (current !== consoleLogger || debugLog.enabled);
}
