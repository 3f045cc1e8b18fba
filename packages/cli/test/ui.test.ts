// `hamilton-ts ui` as a real child process: it serves the API over a store, prints where, stops on
// SIGTERM and SIGINT with exit code 0, and refuses bad command lines with exit code 2.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli, spawnCli, waitForOutput } from './spawn-cli.js';

const TIMEOUT = 30_000;

const SERVED_AT = / at (http:\/\/\S+)\n/;

/** The URL the command prints once it serves; rejects if it exits first. */
async function servedUrl(child: ChildProcess): Promise<string> {
  return SERVED_AT.exec(await waitForOutput(child, SERVED_AT, 'ui'))![1];
}

/** Everything written to stdout until the process exits, and how it exited. */
function exited(child: ChildProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout })));
}

describe('hamilton-ts ui', () => {
  let dir: string;
  const running = new Set<ChildProcess>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hamilton-cli-ui-'));
  });

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it.each<[NodeJS.Signals]>([['SIGTERM'], ['SIGINT']])(
    'serves /api/runs of the default store (relative to its directory), and on %s stops with exit code 0',
    async (signal) => {
      const child = spawnCli(['ui', '--port', '0'], dir);
      running.add(child);
      const end = exited(child);
      const url = await servedUrl(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const response = await fetch(new URL('/api/runs', url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([]);
      expect(response.headers.get('x-total-count')).toBe('0');
      expect(existsSync(join(dir, '.hamilton', 'runs.db'))).toBe(true);
      child.kill(signal);
      const { code, stdout } = await end;
      expect(code).toBe(0);
      expect(stdout).toContain(`runs of sqlite:${join(dir, '.hamilton', 'runs.db')} at ${url}`);
      expect(stdout).toContain(`hamilton-ts ui: ${signal}, stopped`);
    },
    TIMEOUT,
  );

  it(
    'with --token prints the address with the token and answers /api only with it',
    async () => {
      const token = 'cli-test-token-0123456789';
      const child = spawnCli(['ui', '--store', `sqlite:${join(dir, 'team.db')}`, '--port', '0', '--token', token], dir);
      running.add(child);
      const end = exited(child);
      const url = await servedUrl(child);
      expect(url).toMatch(new RegExp(`/\\?token=${token}$`));
      const api = new URL('/api/runs', url);
      expect((await fetch(api)).status).toBe(401);
      expect((await fetch(api, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      child.kill('SIGTERM');
      expect((await end).code).toBe(0);
    },
    TIMEOUT,
  );

  it.concurrent.each<[string, string[], RegExp]>([
    ['a port that is not a number', ['--port', 'eighty'], /--port "eighty" is not a port; give an integer from 0/],
    ['a port out of range', ['--port', '70000'], /--port "70000" is not a port/],
    ['a public host without a token', ['--host', '0.0.0.0'], /refusing to serve runs on 0\.0\.0\.0 without a token.*Pass --token T/],
    ['a short token', ['--token', 'secret'], /the token must be at least 16 characters/],
    [
      'a store URL of another kind',
      ['--store', 'redis://localhost:6379'],
      /--store: run store "redis:\/\/localhost:6379": "redis:" is not a store/,
    ],
    ['an empty option', ['--store', ''], /--store is empty/],
    ['an unknown option', ['--open'], /Unknown option '--open'/],
    ['a positional argument', ['runs.db'], /unexpected argument "runs\.db"; ui takes options only/],
  ])(
    'exits with 2 and the usage on %s',
    async (_, args, message) => {
      const run = await runCli(['ui', '--port', '0', ...args], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Usage: hamilton-ts ui [--store URL] [--host 127.0.0.1] [--port 8241] [--token T]');
      expect(run.stdout).toBe('');
    },
    TIMEOUT,
  );

  it(
    'prints its options with --help',
    async () => {
      const run = await runCli(['ui', '--help']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      for (const option of ['--store URL', '--host HOST', '--port N', '--token T', 'sqlite:.hamilton/runs.db', '@hamilton-ts/ui'])
        expect(run.stdout).toContain(option);
    },
    TIMEOUT,
  );
});
