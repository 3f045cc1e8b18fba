// A real worker process for the cluster tests: `node <loader> worker-main.ts URL QUEUE LOCK_MS MODULE...`.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./worker-main.ts', import.meta.url));

/** A worker process started by `startWorkerProcess`. */
export interface WorkerProcess {
  readonly pid: number;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

/** Starts a worker process on the queue and resolves once it says it is ready. */
export function startWorkerProcess(options: {
  url: string;
  queue: string;
  lockDuration?: number;
  modules: readonly URL[];
}): Promise<WorkerProcess> {
  const args = [
    '--conditions=@hamilton-ts/source',
    '--import',
    `${ROOT}scripts/register-ts.js`,
    MAIN,
    options.url,
    options.queue,
    String(options.lockDuration ?? 30_000),
    ...options.modules.map((m) => fileURLToPath(m)),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve(handle(child));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited (${code}) before it was ready:\n${output}`)));
  });
}

function handle(child: ChildProcess): WorkerProcess {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
