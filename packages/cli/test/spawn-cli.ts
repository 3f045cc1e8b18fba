// Runs the CLI from source in a child process, exactly as `npm run hamilton-ts --` does.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What a finished run of the CLI wrote and how it exited. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `hamilton-ts ...args` from source; `cwd` defaults to the repository root. */
export function spawnCli(args: readonly string[], cwd: string = ROOT): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@hamilton-ts/source', '--import', `${ROOT}scripts/register-ts.js`, `${ROOT}packages/cli/src/main.ts`, ...args],
    // jest's NODE_OPTIONS (--experimental-vm-modules) is not what the script runs with.
    { cwd, env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Runs `hamilton-ts ...args` to its end. */
export function runCli(args: readonly string[], cwd?: string): Promise<CliRun> {
  const child = spawnCli(args, cwd);
  const run = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ ...run, code, signal }));
  });
}

/**
 * Resolves with everything `child` wrote to stdout once `pattern` matches it; rejects, with both
 * outputs, if the process exits first (`what` names it in that message).
 */
export function waitForOutput(child: ChildProcess, pattern: RegExp, what = 'the command'): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (pattern.test(stdout)) resolve(stdout);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`${what} exited (code ${code}, signal ${signal}) before ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`)),
    );
  });
}
