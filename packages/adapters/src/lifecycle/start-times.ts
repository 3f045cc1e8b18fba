interface Start {
  readonly kwargs: object;
  readonly at: number;
}

/**
 * When each node call of each run started. A node name can run several times at once in one run
 * (the per-item branches of a parallelizable block), so a call is told apart by its `kwargs` object,
 * which the driver hands, the same object, to `preNodeExecute` and `postNodeExecute` of that call;
 * a finish matching no start by identity takes the oldest start of that node.
 *
 * @example
 * const starts = new StartTimes();
 * starts.start('run-1', 'total', kwargs, performance.now());
 * const ms = starts.finish('run-1', 'total', kwargs, performance.now()); // elapsed milliseconds
 */
export class StartTimes {
  private readonly runs = new Map<string, Map<string, Start[]>>();

  start(runId: string, node: string, kwargs: object, at: number): void {
    const nodes = this.runs.get(runId) ?? new Map<string, Start[]>();
    this.runs.set(runId, nodes);
    const starts = nodes.get(node);
    if (starts) starts.push({ kwargs, at });
    else nodes.set(node, [{ kwargs, at }]);
  }

  /** Milliseconds since the matching start, or `undefined` when the call was never started. */
  finish(runId: string, node: string, kwargs: object, at: number): number | undefined {
    const nodes = this.runs.get(runId);
    const starts = nodes?.get(node);
    if (!nodes || !starts) return undefined;
    const matched = starts.findIndex((s) => s.kwargs === kwargs);
    const [start] = starts.splice(Math.max(matched, 0), 1); // no match: the oldest start
    if (starts.length === 0) nodes.delete(node);
    if (nodes.size === 0) this.runs.delete(runId);
    return at - start.at;
  }

  /** How many calls have started and not finished, across all runs. */
  get pending(): number {
    let count = 0;
    for (const nodes of this.runs.values()) for (const starts of nodes.values()) count += starts.length;
    return count;
  }

  /** Drops what is left of a run (calls that never finished, e.g. after another adapter's hook threw). */
  forget(runId: string): void {
    this.runs.delete(runId);
  }
}
