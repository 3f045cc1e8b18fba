/**
 * One node failure a `GracefulErrorAdapter` caught.
 *
 * @example
 * for (const { node, error } of graceful.failures()) console.warn(`${node} failed:`, error);
 */
export interface NodeFailure {
  readonly runId: string;
  /** The node's name. */
  readonly node: string;
  /** What the node threw or rejected with, unchanged. */
  readonly error: unknown;
}

/**
 * The failures caught in the most recent runs, by run, in the order they were caught. Runs are
 * forgotten oldest first once more than `keep` have started, so a long-lived driver holds no more
 * than `keep` runs' errors.
 *
 * @example
 * const store = new RunFailures(2);
 * store.begin('run-1');
 * store.add({ runId: 'run-1', node: 'b', error });
 * store.of(); // [{ runId: 'run-1', node: 'b', error }]: the latest run
 */
export class RunFailures {
  private readonly runs = new Map<string, NodeFailure[]>();
  private latest: string | undefined;

  constructor(private readonly keep: number) {}

  /** A run starts: it becomes the latest one. */
  begin(runId: string): void {
    this.runs.delete(runId);
    this.runs.set(runId, []);
    this.latest = runId;
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= this.keep) break;
      this.runs.delete(oldest);
    }
  }

  add(failure: NodeFailure): void {
    const list = this.runs.get(failure.runId);
    if (list) list.push(failure);
    else this.runs.set(failure.runId, [failure]);
  }

  /** The failures of `runId`, or of the latest run started; empty when none were caught or the run is forgotten. */
  of(runId: string | undefined = this.latest): readonly NodeFailure[] {
    return runId === undefined ? [] : [...(this.runs.get(runId) ?? [])];
  }
}
