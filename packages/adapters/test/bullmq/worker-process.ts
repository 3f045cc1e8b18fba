// A real worker process for the cluster tests and benchmarks: `node <loader> worker-main.ts OPTIONS_JSON`.
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

/** What `startWorkerProcess` starts. */
export interface WorkerProcessOptions {
  /** The Redis URL. */
  readonly url: string;
  readonly queue: string;
  /** Lock duration of a job, in ms (default 30,000). */
  readonly lockDuration?: number;
  /** Jobs the worker runs at once (default 2, what worker-main.ts runs). */
  readonly concurrency?: number;
  readonly modules: readonly URL[];
  /** The process is killed and the start fails if it has not said "ready" by then, in ms (default 60,000). */
  readonly readyTimeoutMs?: number;
}

/** Starts a worker process on the queue and resolves once it says it is ready; rejects if it exits or stays silent before. */
export function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const lockDuration = options.lockDuration ?? 30_000;
  const modules = options.modules.map((m) => fileURLToPath(m));
  const loader = ['--conditions=@hamilton-ts/source', '--import', `${ROOT}scripts/register-ts.js`];
  const workerOptions = { connection: options.url, queueName: options.queue, lockDuration, modules, concurrency: options.concurrency ?? 2 };
  // stdin stays open as a lifeline: the worker exits when this process does.
  const child = spawn(process.execPath, [...loader, MAIN, JSON.stringify(workerOptions)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the worker process was not ready within ${readyTimeoutMs} ms:\n${output}`));
    }, readyTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve(handle(child));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker process exited (${code}) before it was ready:\n${output}`));
    });
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
