// Runs in each worker thread: imports the pipeline modules, builds the driver's graph under its config
// (cached per modules, classes and config), runs the node it is sent and answers with its packed value.
import { packForTransfer, serializeError, unpackTransferred } from '@hamilton-ts/core';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { RemoteRunners, runRemoteNode } from '../remote/remote-runners.js';
import type { ThreadResponse, ThreadTask } from './protocol.js';

const runners = new RemoteRunners('the thread modules', 'a worker thread');

/** Runs one task; never throws: every failure is an answer, so the pool's thread stays up. */
export async function runTask(task: ThreadTask): Promise<unknown> {
  let kwargs: Record<string, unknown>;
  let runner: Awaited<ReturnType<RemoteRunners['runnerFor']>>;
  try {
    runner = await runners.runnerFor(task, () => unpackTransferred(task.config) as Record<string, unknown>);
    runners.check(runner, task);
    kwargs = unpackTransferred(task.kwargs) as Record<string, unknown>;
  } catch (error) {
    return failure(error, false);
  }
  let value: unknown;
  try {
    value = await runRemoteNode(runner, task.node, kwargs);
  } catch (error) {
    return failure(error, true);
  }
  try {
    const { payload, transfer } = packForTransfer(value, { name: `the value of node "${task.node}"`, transfer: movable });
    const response: ThreadResponse = { ok: true, value: payload };
    return move({ [transferableSymbol]: transfer, [valueSymbol]: response });
  } catch (error) {
    return failure(error, false);
  }
}

function failure(error: unknown, thrownByNode: boolean): ThreadResponse {
  return { ok: false, error: serializeError(error), thrownByNode };
}

/**
 * Results move to the driver's thread rather than being copied, except a Buffer that is part of a
 * larger allocation (Node's shared Buffer pool, which must stay here).
 */
function movable(buffer: ArrayBuffer, view: ArrayBufferView | undefined): boolean {
  return !(view && Buffer.isBuffer(view) && view.byteLength !== buffer.byteLength);
}
