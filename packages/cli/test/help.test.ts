// `hamilton-ts` without a command, with --help, help, --version, and with a command it does not know.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ROOT, runCli } from './spawn-cli.js';

const TIMEOUT = 30_000;
const version = JSON.parse(readFileSync(`${ROOT}packages/cli/package.json`, 'utf8')).version as string;

describe('hamilton-ts help', () => {
  it.concurrent.each([['--help'], ['-h'], ['help']])(
    '`hamilton-ts %s` prints the usage with the commands, exit code 0',
    async (flag) => {
      const run = await runCli([flag]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: hamilton-ts <command> \[options\]/);
      expect(run.stdout).toMatch(
        /^ {2}list +List the nodes.*\n {2}view +Draw .*\n {2}validate +Check .*\n {2}execute +Run a pipeline.*\n {2}worker +Run pipeline nodes.*\n {2}ui +Serve the web page/m,
      );
      expect(run.stdout).toMatch(/^ {2}help +Show this help/m);
    },
    TIMEOUT,
  );

  it.concurrent.each([[['help', 'worker']], [['worker', '--help']], [['--help', 'worker']]])(
    '`hamilton-ts %j` prints the options of worker',
    async (args) => {
      const run = await runCli(args);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(
        /^Usage: hamilton-ts worker --redis URL --queue NAME \[--concurrency N\] \[--lock-duration MS\] MODULE\.\.\./,
      );
      for (const option of ['--redis URL', '--queue NAME', '--concurrency N', '--lock-duration MS']) expect(run.stdout).toContain(option);
    },
    TIMEOUT,
  );

  it.concurrent.each<[string, RegExp, string[]]>([
    [
      'list',
      /^Usage: hamilton-ts list MODULE\.\.\. \[--config JSON\|FILE\] \[--outputs a,b\] \[--json\]\n/,
      ['--json', 'MODULE is a .ts or .js file'],
    ],
    ['view', /^Usage: hamilton-ts view MODULE\.\.\. \[--format dot\|mermaid\|svg\] \[-o FILE\]/, ['-o, --output FILE', '@viz-js/viz']],
    [
      'validate',
      /^Usage: hamilton-ts validate MODULE\.\.\. \[--config JSON\|FILE\] \[--inputs JSON\|FILE\] \[--outputs a,b\]\n/,
      ['No node runs'],
    ],
    ['execute', /^Usage: hamilton-ts execute MODULE\.\.\. --outputs a,b /, ['--format table|json|csv', '--limit N', 'Float64Array']],
  ])(
    '`hamilton-ts %s --help` prints its synopsis and options',
    async (command, synopsis, mentions) => {
      const run = await runCli([command, '--help']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(synopsis);
      for (const option of ['--config JSON|FILE', '-h, --help', ...mentions]) expect(run.stdout).toContain(option);
    },
    TIMEOUT,
  );

  it.concurrent(
    '`hamilton-ts --version` prints the version of @hamilton-ts/cli',
    async () => {
      expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    },
    TIMEOUT,
  );
});

describe('hamilton-ts with a bad command line', () => {
  it.concurrent(
    'names an unknown command, lists the commands and exits with 2',
    async () => {
      const run = await runCli(['wrker', '--redis', 'redis://127.0.0.1:6379']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^hamilton-ts: unknown command "wrker"; the commands are list, view, validate, execute, worker, ui, help\n/,
      );
      expect(run.stderr).toContain('Usage: hamilton-ts <command> [options]');
    },
    TIMEOUT,
  );

  it.concurrent(
    'names an unknown command after help',
    async () => {
      const run = await runCli(['help', 'deploy']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unknown command "deploy"');
    },
    TIMEOUT,
  );

  it.concurrent(
    'names an unknown option before the command',
    async () => {
      const run = await runCli(['--verbose', 'worker']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^hamilton-ts: Unknown option '--verbose'/);
      expect(run.stderr).toContain('Usage: hamilton-ts <command> [options]');
    },
    TIMEOUT,
  );

  it.concurrent(
    'without a command, says so and prints the usage, exit code 2',
    async () => {
      const run = await runCli([]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^hamilton-ts: no command given/);
      expect(run.stderr).toContain('Usage: hamilton-ts <command> [options]');
    },
    TIMEOUT,
  );
});
