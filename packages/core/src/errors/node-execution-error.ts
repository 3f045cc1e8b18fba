import { HamiltonError } from '@hamilton-ts/result-builders';
import { messages } from './messages.js';

/**
 * Thrown when a node's function throws or rejects. `cause` is the original error; nothing
 * downstream of the node ran.
 *
 * @example
 * try { await dr.execute(['ratio']); } catch (e) { if (e instanceof NodeExecutionError) console.log(e.node, e.cause); }
 */
export class NodeExecutionError extends HamiltonError {
  constructor(
    readonly node: string,
    readonly className: string | undefined,
    cause: unknown,
  ) {
    super(messages.nodeFailed(node, className, cause), { cause });
  }
}
