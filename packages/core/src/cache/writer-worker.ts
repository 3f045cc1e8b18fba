// The module the cache's writer thread runs (started by writer-thread.ts): it answers every request
// of the main thread through a WriteHandler, at a lower priority than the runs it writes for.
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { WriteHandler } from './write-handler.js';
import type { WriterReply, WriterRequest } from './writer-protocol.js';

/** Nice value of the thread: writes are background work, and a run should not wait for a core behind them. */
const NICE = 10;

/**
 * Lowers this thread's priority, on Linux, where a thread has its own id and nice value (elsewhere
 * `setPriority` would lower the whole process, so the thread keeps its priority). Measured on a busy
 * 2-core machine: the cold 10k-node run took half the time, its flush about as long.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]), NICE);
  } catch {
    // No /proc, or not allowed: the thread writes at normal priority.
  }
}

lowerPriority();
const port = parentPort!;
const handler = new WriteHandler();
port.on('message', (request: WriterRequest) => {
  handler.handle(request).then((reply: WriterReply) => port.postMessage(reply));
});
