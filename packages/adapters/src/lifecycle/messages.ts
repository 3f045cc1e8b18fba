// Every user-facing text of the lifecycle adapters, in one place, so wording stays consistent.

/** A value as it would be written in code, short enough for one line of an error message. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  const ctor = (value as object).constructor?.name;
  return ctor && ctor !== 'Object' ? `a ${ctor}` : 'an object';
}

const option = (adapter: string, name: string, value: unknown, expected: string): string =>
  `${adapter}: option "${name}" is ${showValue(value)}; ${expected}`;

export const messages = {
  notAnOptionsObject: (adapter: string, value: unknown, example: string) =>
    `${adapter}: options are ${showValue(value)}; pass an object of options, e.g. new ${adapter}(${example}), or nothing`,
  badVerbosity: (value: unknown) =>
    option(
      'PrintLn',
      'verbosity',
      value,
      'pass 0 (failures only), 1 (finishes and failures, the default) or 2 (also starts, with kwargs names)',
    ),
  badPrint: (value: unknown) =>
    option('PrintLn', 'print', value, 'pass a function taking one line of text, e.g. (line) => logger.info(line)'),
  badEnabled: (value: unknown) => option('ProgressBar', 'enabled', value, 'pass true (draw on a TTY, the default) or false (never draw)'),
  badStream: (value: unknown) =>
    option('ProgressBar', 'stream', value, 'pass a writable stream such as process.stderr (the default) or process.stdout'),
  badFormat: (value: unknown) =>
    option('ProgressBar', 'format', value, "pass a cli-progress format string, e.g. '{bar} {value}/{total} nodes'"),
  badErrorTypes: (value: unknown) =>
    option(
      'GracefulErrorAdapter',
      'errorTypes',
      value,
      'pass an array of error classes, e.g. [RangeError, FetchError], or leave it out to catch every error',
    ),
};

/** The lines `PrintLn` prints. */
export const lines = {
  start: (node: string, kwargs: readonly string[]) =>
    `Executing node: ${node} (${kwargs.length ? `kwargs: ${kwargs.join(', ')}` : 'no kwargs'})`,
  finish: (node: string, duration: string) => `Finished node: ${node} in ${duration}`,
  failure: (node: string, duration: string, error: unknown) => `Failed node: ${node} after ${duration}: ${errorMessage(error)}`,
  gracefulFailure: (node: string, duration: string) => `Failed node: ${node} after ${duration}: yielded FAILED (GracefulErrorAdapter)`,
  skipped: (node: string) => `Skipped node: ${node}: a dependency is FAILED`,
};

/** The message of an error, or the thrown value itself when it is not an error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return String(error);
}
