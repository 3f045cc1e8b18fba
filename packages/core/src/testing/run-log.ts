import type { Variable } from '../graph/variable.js';

/** One call of one node in a recorded run: running, or settled with its result or error. */
export type NodeCall = {
  readonly name: string;
  readonly node: Variable;
  /** Dependency values by name, as the node received them (absent optional dependencies left out). */
  readonly kwargs: Readonly<Record<string, unknown>>;
} & (
  | { readonly status: 'running' }
  | { readonly status: 'succeeded'; readonly result: unknown }
  | { readonly status: 'failed'; readonly error: unknown }
);

/** What a run was asked for, as `preGraphExecute` tells it. */
export interface RunRequest {
  readonly runId: string;
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, unknown>>;
}

/** How a run ended; `running` until `postGraphExecute`. */
export type RunOutcome =
  | { readonly status: 'running' }
  | { readonly status: 'succeeded'; readonly results: Readonly<Record<string, unknown>> }
  | { readonly status: 'failed'; readonly error: unknown };

/** The writing side of a recorded run: the adapter's hooks append to it, `RecordedRun` reads it. */
export class RunLog {
  readonly calls: NodeCall[] = [];
  outcome: RunOutcome = { status: 'running' };
  // preNodeExecute and postNodeExecute of one call get the very same kwargs object: it pairs them,
  // also when an AsyncDriver interleaves calls.
  private readonly pending = new Map<object, number>();

  constructor(readonly request: RunRequest) {}

  started(node: Variable, kwargs: Readonly<Record<string, unknown>>): void {
    this.pending.set(kwargs, this.calls.length);
    // A copy with a prototype: the executor's null-prototype record prints and compares oddly in tests.
    this.calls.push({ name: node.name, node, kwargs: { ...kwargs }, status: 'running' });
  }

  settled(node: Variable, kwargs: Readonly<Record<string, unknown>>, outcome: { success: boolean; result: unknown; error: unknown }): void {
    const index = this.pending.get(kwargs);
    if (index === undefined) return; // a call this log did not see start is not its own
    this.pending.delete(kwargs);
    const { name, kwargs: copy } = this.calls[index];
    this.calls[index] = outcome.success
      ? { name, node, kwargs: copy, status: 'succeeded', result: outcome.result }
      : { name, node, kwargs: copy, status: 'failed', error: outcome.error };
  }
}
