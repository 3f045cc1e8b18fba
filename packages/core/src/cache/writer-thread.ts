import { Worker } from 'node:worker_threads';
import type { WriterReply, WriterRequest } from './writer-protocol.js';

/** What the thread tells a writer: each answer, in order, or that it stopped with requests unanswered. */
export interface WriterClient {
  answered(reply: WriterReply): void;
  lost(reason: string): void;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_MODULE = new URL(`./writer-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
/** The repository's TypeScript loader, as `npm start` registers it; used only when running from source. */
const TS_LOADER = new URL('../../../../scripts/register-ts.js', import.meta.url);
/** A thread with nothing to write stops after this long; the next write starts another. */
const IDLE_MS = 10_000;

/**
 * The thread that writes cached results for every cache directory of the process, started by the
 * first write. One thread, not one per directory: each start loads the codec, LMDB and (from source)
 * TypeScript, which a process running many directories (a test suite) would pay many times.
 *
 * It keeps the process alive while a request is unanswered, so a script that simply ends still
 * writes everything, and lets it exit when idle.
 */
export class WriterThread {
  private worker: Worker | undefined;
  private unanswered = 0;
  private idle: NodeJS.Timeout | undefined;
  private readonly clients = new Map<number, WriterClient>();
  private lastId = 0;

  /** Routes answers to `client` by the id returned, which requests carry as `writer`. */
  register(client: WriterClient): number {
    this.clients.set(++this.lastId, client);
    return this.lastId;
  }

  unregister(id: number): void {
    this.clients.delete(id);
  }

  /** True while the thread runs (a request sent, and it has not stopped since). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Sends a request; `transfer` lists buffers the thread takes over (copies the sender made for it). */
  send(request: WriterRequest, transfer: ArrayBuffer[] = []): void {
    this.worker ??= this.start();
    if (this.unanswered++ === 0) {
      clearTimeout(this.idle);
      this.worker.ref();
    }
    this.worker.postMessage(request, transfer);
  }

  private start(): Worker {
    const worker = startWorker();
    worker.on('message', (reply: WriterReply) => {
      if (--this.unanswered === 0) this.rest(worker);
      this.clients.get(reply.writer)?.answered(reply);
    });
    worker.on('error', (error) => this.stopped(worker, error.message));
    worker.on('exit', (code) => this.stopped(worker, `it exited with code ${code}`));
    return worker;
  }

  private rest(worker: Worker): void {
    worker.unref();
    this.idle = setTimeout(() => {
      if (this.worker !== worker || this.unanswered > 0) return;
      this.worker = undefined;
      void worker.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }

  /** The thread failed or exited on its own: every writer hears that its unanswered requests are lost. */
  private stopped(worker: Worker, reason: string): void {
    if (this.worker !== worker) return; // stopped on purpose when idle, or already reported
    this.worker = undefined;
    this.unanswered = 0;
    clearTimeout(this.idle);
    for (const client of this.clients.values()) client.lost(reason);
  }
}

function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_MODULE);
  // From source (tests, bench, scripts) the thread needs the TypeScript loader before the module: jest's
  // transform does not reach threads, and a thread inherits no loader unless `--import` registered one.
  const bootstrap = `import(${JSON.stringify(TS_LOADER.href)}).then(() => import(${JSON.stringify(WORKER_MODULE.href)}));`;
  return new Worker(bootstrap, { eval: true });
}

/** The process's writer thread. */
export const writerThread = new WriterThread();
