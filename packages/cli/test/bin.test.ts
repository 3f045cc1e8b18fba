// bin/hamilton-ts.js in a clone before `npm run build`: no dist/, so it runs src/ through the
// repository's TypeScript loader. The clone is made of links to this repository, minus dist/.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CliRun, ROOT } from './spawn-cli.js';

const TIMEOUT = 30_000;
const FEATURES = join(ROOT, 'packages/cli/test/fixtures/features.ts');

/** Runs the bin copied into `clone` the way npx does: node and the script, no loader flags. */
function runBin(clone: string, args: readonly string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [join(clone, 'packages/cli/bin/hamilton-ts.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ ...run, code, signal }));
  });
}

/** packages/cli with its bin, package.json and src but no dist; `repository`: with the repository's scripts/ and node_modules. */
async function makeClone(parent: string, name: string, repository: boolean): Promise<string> {
  const clone = join(parent, name);
  await mkdir(join(clone, 'packages/cli/bin'), { recursive: true });
  await copyFile(join(ROOT, 'packages/cli/bin/hamilton-ts.js'), join(clone, 'packages/cli/bin/hamilton-ts.js'));
  await copyFile(join(ROOT, 'packages/cli/package.json'), join(clone, 'packages/cli/package.json'));
  await symlink(join(ROOT, 'packages/cli/src'), join(clone, 'packages/cli/src'));
  if (repository) {
    await symlink(join(ROOT, 'scripts'), join(clone, 'scripts'));
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  }
  return clone;
}

describe('bin/hamilton-ts.js without dist/', () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'hamilton-ts-bin-'));
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it.concurrent(
    'in the repository, runs the commands from src/',
    async () => {
      const run = await runBin(await makeClone(parent, 'repository', true), ['list', FEATURES]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^NAME {12}TYPE {10}INPUT {2}TAGS {10}DOCUMENTATION\nspendPerSignup {2}Float64Array/);
    },
    TIMEOUT,
  );

  it.concurrent(
    'in the repository, answers --help, and computes outputs with arquero loaded before the TypeScript loader',
    async () => {
      const clone = await makeClone(parent, 'help-and-execute', true);
      const help = await runBin(clone, ['execute', '--help']);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(/^Usage: hamilton-ts execute MODULE\.\.\. --outputs a,b/);
      const inputs = '{"spend": [10, 20], "signups": [1, 4]}';
      const run = await runBin(clone, ['execute', FEATURES, '--outputs', 'spendPerSignup', '--inputs', inputs, '--format', 'json']);
      expect(run).toMatchObject({ code: 0, stdout: '{"spendPerSignup":[10,5]}\n', stderr: '' });
    },
    TIMEOUT,
  );

  it.concurrent(
    'elsewhere, says that the package needs building, exit code 1',
    async () => {
      const run = await runBin(await makeClone(parent, 'elsewhere', false), ['--help']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^hamilton-ts: .*\/dist\/main\.js is missing and this is not the hamilton-ts repository .*; build the package \(npm run build\)/,
      );
    },
    TIMEOUT,
  );
});
