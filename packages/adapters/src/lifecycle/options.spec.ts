import { HamiltonError } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';
import { GracefulErrorAdapter, PrintLn, ProgressBar } from '../index.js';

/** Constructs as a JavaScript caller could, whatever the types say. */
const make = (Adapter: new (options?: never) => unknown, options: unknown) => () => new Adapter(options as never);

const verbosity = 'pass 0 (failures only), 1 (finishes and failures, the default) or 2 (also starts, with kwargs names)';

describe('bad constructor options are refused with a HamiltonError naming the option, the value and what to pass', () => {
  it.each([
    [PrintLn, { verbosity: 3 }, `PrintLn: option "verbosity" is 3; ${verbosity}`],
    [PrintLn, { verbosity: '2' }, `PrintLn: option "verbosity" is "2"; ${verbosity}`],
    [PrintLn, { verbosity: null }, `PrintLn: option "verbosity" is null; ${verbosity}`],
    [PrintLn, { verbosity: 1.5 }, `PrintLn: option "verbosity" is 1.5; ${verbosity}`],
    [
      PrintLn,
      { print: 'stdout' },
      'PrintLn: option "print" is "stdout"; pass a function taking one line of text, e.g. (line) => logger.info(line)',
    ],
    [PrintLn, { print: { log: console.log } }, 'PrintLn: option "print" is an object; pass a function taking one line of text'],
    [
      ProgressBar,
      { enabled: 'yes' },
      'ProgressBar: option "enabled" is "yes"; pass true (draw on a TTY, the default) or false (never draw)',
    ],
    [
      ProgressBar,
      { stream: { isTTY: true } },
      'ProgressBar: option "stream" is an object; pass a writable stream such as process.stderr (the default) or process.stdout',
    ],
    [ProgressBar, { stream: null }, 'ProgressBar: option "stream" is null; pass a writable stream'],
    [
      ProgressBar,
      { format: 42 },
      `ProgressBar: option "format" is 42; pass a cli-progress format string, e.g. '{bar} {value}/{total} nodes'`,
    ],
    [ProgressBar, { format: '' }, 'ProgressBar: option "format" is ""; pass a cli-progress format string'],
    [
      GracefulErrorAdapter,
      { errorTypes: RangeError },
      'GracefulErrorAdapter: option "errorTypes" is function RangeError; pass an array of error classes, e.g. [RangeError, FetchError], or leave it out to catch every error',
    ],
    [
      GracefulErrorAdapter,
      { errorTypes: ['RangeError', 404] },
      'GracefulErrorAdapter: option "errorTypes" is ["RangeError", 404]; pass an array of error classes',
    ],
    [GracefulErrorAdapter, { errorTypes: null }, 'GracefulErrorAdapter: option "errorTypes" is null; pass an array of error classes'],
  ])('%p with %p', (Adapter, options, message) => {
    const build = make(Adapter, options);
    expect(build).toThrow(HamiltonError);
    expect(build).toThrow(message);
  });

  it.each([
    [PrintLn, 2, 'PrintLn: options are 2; pass an object of options, e.g. new PrintLn({ verbosity: 2 }), or nothing'],
    [
      ProgressBar,
      false,
      'ProgressBar: options are false; pass an object of options, e.g. new ProgressBar({ stream: process.stdout }), or nothing',
    ],
    [
      GracefulErrorAdapter,
      [RangeError],
      'GracefulErrorAdapter: options are [function RangeError]; pass an object of options, e.g. new GracefulErrorAdapter({ errorTypes: [RangeError] }), or nothing',
    ],
    [PrintLn, null, 'PrintLn: options are null; pass an object of options'],
  ])('%p given %p instead of an options object', (Adapter, options, message) => {
    expect(make(Adapter, options)).toThrow(message);
  });

  it('takes no options, or options left undefined, as the defaults', () => {
    expect(() => [new PrintLn(), new ProgressBar(), new GracefulErrorAdapter()]).not.toThrow();
    expect(() => new PrintLn({ verbosity: undefined, print: undefined })).not.toThrow();
    expect(() => new GracefulErrorAdapter({ errorTypes: [] })).not.toThrow();
  });
});
