import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A TypeScript script running in its own Node process; `ready` resolves when it prints "ready" (when it does). */
export interface BarrierProcess {
  readonly ready: Promise<void>;
  /** Its stdout, once it exits with code 0; rejects with its code, stdout and stderr otherwise. */
  readonly done: Promise<string>;
  /** Answers the script's barrier: it goes on when it reads a line on stdin. */
  go(): void;
}

/**
 * Starts `script` (a .ts file, run from source as the examples are) with `argument` as JSON, so that
 * several processes can start together: each prints "ready" and waits for `go()`. The process is
 * added to `children` until it exits, for the test to kill what is left.
 */
export function startBarrierProcess(script: string, argument: unknown, children: Set<ChildProcess>): BarrierProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@hamilton-ts/source', '--import', './scripts/register-ts.js', script, JSON.stringify(argument)],
    // jest's NODE_OPTIONS (--experimental-vm-modules) is not what the script runs with.
    { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.add(child);
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} exited with ${code ?? signal}\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
  done.catch(() => onReady()); // a process that dies before the barrier does not hold the others
  return { ready, done, go: () => child.stdin!.end('go\n') };
}
