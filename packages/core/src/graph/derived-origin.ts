import type { CodeOrigin, NodeOrigin } from './types.js';

/**
 * `origin`, marked as derived by `modifier` (and, for a mutator's step, running `code`). Written out
 * rather than `{ ...origin, modifier }`: V8 gives every object made by a spread plus a key its source
 * lacks a hidden class of its own, and a graph holds thousands of origins.
 */
export function derivedOrigin(origin: NodeOrigin, modifier: string, code: CodeOrigin | undefined = origin.code): NodeOrigin {
  return { className: origin.className, method: origin.method, fromInstance: origin.fromInstance, code, modifier };
}
