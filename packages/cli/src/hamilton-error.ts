// Recognising the core's errors in the dispatcher, which must not import the core: that would slow
// every `--help` by the core's load time, and a pipeline module may bring its own copy of the core.

/**
 * Whether `error` is a HamiltonError of any copy of @hamilton-ts/core (a class of that name in its
 * prototype chain): a graph, input or node failure whose message says all a user needs, with no stack.
 */
export function isHamiltonError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  for (let proto: unknown = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto))
    if ((proto as { constructor?: { name?: unknown } }).constructor?.name === 'HamiltonError') return true;
  return false;
}
