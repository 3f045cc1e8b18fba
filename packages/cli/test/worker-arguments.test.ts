// `hamilton-ts worker` turns away a bad command line before it connects anywhere: exit code 2, and a
// message naming the argument, the value given and what to give instead.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { ROOT, runCli } from './spawn-cli.js';

const TIMEOUT = 30_000;
const MODULE = fileURLToPath(new URL('./fixtures/pipeline.ts', import.meta.url));
// Nothing connects to it: every case fails validation first.
const REDIS = 'redis://127.0.0.1:6379';

/** Runs worker with `args` and expects exit code 2, the message, and the worker's synopsis. */
async function expectUsageError(args: string[], message: RegExp, cwd?: string): Promise<void> {
  const run = await runCli(['worker', ...args], cwd);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^hamilton-ts worker: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toContain('Usage: hamilton-ts worker --redis URL --queue NAME');
  expect(run.code).toBe(2);
}

describe('hamilton-ts worker, options', () => {
  it.concurrent.each<[string, string[], RegExp]>([
    ['no --redis', ['--queue', 'q', MODULE], /--redis is required; e\.g\. --redis redis:\/\/127\.0\.0\.1:6379/],
    ['an empty --redis', ['--redis', '', '--queue', 'q', MODULE], /--redis is empty/],
    [
      'an http URL',
      ['--redis', 'http://127.0.0.1:6379', '--queue', 'q', MODULE],
      /--redis "http:\/\/127\.0\.0\.1:6379" is not a Redis URL; give redis:\/\//,
    ],
    ['host:port without a scheme', ['--redis', 'localhost:6379', '--queue', 'q', MODULE], /--redis "localhost:6379" is not a Redis URL/],
    ['a URL that does not parse', ['--redis', 'redis://[::1', '--queue', 'q', MODULE], /--redis "redis:\/\/\[::1" is not a Redis URL/],
    ['--redis without its value', ['--queue', 'q', MODULE, '--redis'], /Option '--redis <value>' argument missing/],
    ['no --queue', ['--redis', REDIS, MODULE], /--queue is required; e\.g\. --queue hamilton/],
    [
      'a queue name with ":"',
      ['--redis', REDIS, '--queue', 'jobs:eu', MODULE],
      /--queue "jobs:eu" is not a queue name; use letters, digits, "-", "_" or "\."/,
    ],
    ['a queue name with a space', ['--redis', REDIS, '--queue', 'my jobs', MODULE], /--queue "my jobs" is not a queue name/],
    ['--concurrency 0', ['--redis', REDIS, '--queue', 'q', '--concurrency', '0', MODULE], /--concurrency "0" is not a positive integer/],
    ['--concurrency=-2', ['--redis', REDIS, '--queue', 'q', '--concurrency=-2', MODULE], /--concurrency "-2" is not a positive integer/],
    [
      '--concurrency 1.5',
      ['--redis', REDIS, '--queue', 'q', '--concurrency', '1.5', MODULE],
      /--concurrency "1\.5" is not a positive integer/,
    ],
    [
      '--concurrency four',
      ['--redis', REDIS, '--queue', 'q', '--concurrency', 'four', MODULE],
      /--concurrency "four" is not a positive integer.*e\.g\. --concurrency 4/,
    ],
    [
      '--lock-duration 0',
      ['--redis', REDIS, '--queue', 'q', '--lock-duration', '0', MODULE],
      /--lock-duration "0" is not a positive integer.*milliseconds/,
    ],
    [
      '--lock-duration 30s',
      ['--redis', REDIS, '--queue', 'q', '--lock-duration', '30s', MODULE],
      /--lock-duration "30s" is not a positive integer/,
    ],
    // A Node timer fires at once when asked to wait longer than 2^31-1 ms.
    [
      'a lock duration beyond a timer',
      ['--redis', REDIS, '--queue', 'q', '--lock-duration', '2147483648', MODULE],
      /--lock-duration "2147483648" is not a positive integer up to 2147483647/,
    ],
    ['an unknown option', ['--redis', REDIS, '--queue', 'q', '--workers', '4', MODULE], /Unknown option '--workers'/],
  ])(
    'rejects %s',
    async (_case, args, message) => {
      await expectUsageError(args, message);
    },
    TIMEOUT,
  );
});

describe('hamilton-ts worker, modules', () => {
  it.concurrent(
    'needs at least one module',
    async () => {
      await expectUsageError(['--redis', REDIS, '--queue', 'q'], /no MODULE given; name at least one pipeline module file/);
    },
    TIMEOUT,
  );

  it.concurrent(
    'names a module file that does not exist, resolved against the current directory',
    async () => {
      const cwd = `${ROOT}packages/cli`;
      await expectUsageError(
        ['--redis', REDIS, '--queue', 'q', 'test/fixtures/pipeline.ts', 'test/fixtures/pipline.ts'],
        new RegExp(`MODULE "test/fixtures/pipline\\.ts" does not exist \\(looked for ${cwd}/test/fixtures/pipline\\.ts\\)`),
        cwd,
      );
    },
    TIMEOUT,
  );

  it.concurrent(
    'turns away a directory',
    async () => {
      await expectUsageError(
        ['--redis', REDIS, '--queue', 'q', 'packages/cli/test/fixtures'],
        /MODULE "packages\/cli\/test\/fixtures" is not a file/,
      );
    },
    TIMEOUT,
  );
});
