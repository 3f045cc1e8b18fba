import { NodeExecutionError } from '@hamilton-ts/core';
import { messages } from '../messages.js';
import type { NodeStatus, RecordedError } from '../store/records.js';
import { recordError } from './recorded-error.js';

/** One node call between `preNodeExecute` and `postNodeExecute`, found again by its `kwargs` object. */
export interface NodeCall {
  /** The node's name: a run's heartbeat names the nodes in flight. */
  readonly name: string;
  /** `performance.now()` at `preNodeExecute`. */
  readonly start: number;
  /** The tracker's `doNodeExecute` was reached: no outer adapter answered for the node. */
  ran: boolean;
  /** An error that passed through the tracker's `doNodeExecute` (an outer adapter may have recovered from it). */
  thrown: { readonly error: unknown } | undefined;
}

/** What `postNodeExecute` reports, as far as the outcome goes. */
export interface PostNodeEvent {
  readonly node: { readonly name: string };
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly success: boolean;
  readonly error: unknown;
  readonly result: unknown;
}

/** How a node call ended, as recorded. */
export interface NodeOutcome {
  readonly status: NodeStatus;
  readonly error?: RecordedError;
}

const SUCCESS: NodeOutcome = Object.freeze({ status: 'success' });
const SKIPPED: NodeOutcome = Object.freeze({ status: 'skipped' });

/**
 * The outcome of a node call. Besides plain success and failure it sees through an adapter that
 * recovers from failures (GracefulErrorAdapter): listed before the tracker, it wraps it, so a node's
 * error passes through the tracker before being turned into the sentinel (recorded as a failure with
 * its stack), and a node answered with a dependency's sentinel never reaches the tracker (skipped).
 * Listed after, it is recognised by its `FAILED` sentinel (failure without the stack, or skipped).
 */
export function nodeOutcome(event: PostNodeEvent, call: NodeCall | undefined): NodeOutcome {
  if (!event.success) return { status: 'failure', error: recordError(ownError(event.node.name, event.error)) };
  if (call?.thrown) return { status: 'failure', error: recordError(ownError(event.node.name, call.thrown.error)) };
  if (call && !call.ran && readsValue(event.kwargs, event.result)) return SKIPPED;
  if (isFailedSentinel(event.result))
    return readsValue(event.kwargs, event.result)
      ? SKIPPED
      : { status: 'failure', error: { type: 'Error', message: messages.gracefulCaught() } };
  return SUCCESS;
}

/**
 * The error to record for node `name`: an engine that could not run it (a queue that timed out, a value
 * it could not send) wraps its reason in a NodeExecutionError naming the node, which the record of that
 * very node would only repeat: the reason is recorded, as a local run records the node's own error.
 */
function ownError(name: string, error: unknown): unknown {
  return error instanceof NodeExecutionError && error.node === name && error.cause !== undefined ? error.cause : error;
}

/** Whether some dependency's value is `value` (SameValueZero, so a NaN sentinel counts). */
function readsValue(kwargs: Readonly<Record<string, unknown>>, value: unknown): boolean {
  for (const key in kwargs) if (kwargs[key] === value || Object.is(kwargs[key], value)) return true;
  return false;
}

/**
 * GracefulErrorAdapter's `FAILED`, recognised by its shape (a frozen object of `toString`, `toJSON`
 * and an inspect symbol, printing `FAILED`): this package does not depend on @hamilton-ts/adapters.
 */
function isFailedSentinel(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return false;
  try {
    const toJSON = Object.getOwnPropertyDescriptor(value, 'toJSON')?.value;
    return typeof toJSON === 'function' && Object.keys(value).length === 2 && toJSON.call(value) === 'FAILED';
  } catch {
    return false;
  }
}
