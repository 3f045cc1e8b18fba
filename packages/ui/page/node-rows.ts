// One row per node of a run, joining what ran (GET /api/runs/:id) with what was planned (…/graph).
import type { NodeStatus, PlannedNode, RunDetail, RunNode } from '../src/store/records.js';

/** A node's state on the page: `pending` has not finished yet (the run is going), `input` is given, not run. */
export type RowStatus = NodeStatus | 'pending' | 'input';

/** What the picture, the waterfall, the table and the node view show of one node: the API's node, and what was planned. */
export interface NodeRow extends Pick<RunNode, 'name' | 'type' | 'doc' | 'tags' | 'error' | 'summary' | 'cacheStatus'> {
  readonly status: RowStatus;
  /** ms after the run's start; undefined until it finishes. */
  readonly offsetMs?: number;
  readonly durationMs?: number;
  readonly planned?: PlannedNode;
}

/** Rows of every node that ran and every planned node not (yet) recorded, in that order; inputs last. */
export function nodeRows(run: RunDetail, planned: readonly PlannedNode[] | undefined): NodeRow[] {
  const start = Date.parse(run.startedAt);
  const plannedByName = new Map(planned?.map((p) => [p.name, p]));
  const rows: NodeRow[] = run.nodes.map((node) => ({
    ...node,
    offsetMs: Math.max(0, Date.parse(node.startedAt) - start),
    planned: plannedByName.get(node.name),
  }));
  const seen = new Set(run.nodes.map((n) => n.name));
  const inputs: NodeRow[] = [];
  for (const p of planned ?? []) {
    if (seen.has(p.name)) continue;
    if (p.isInput)
      inputs.push({ name: p.name, status: 'input', type: p.type, doc: p.doc, tags: p.tags, summary: run.inputs[p.name], planned: p });
    else
      rows.push({
        name: p.name,
        status: run.status === 'running' ? 'pending' : 'skipped',
        type: p.type,
        doc: p.doc,
        tags: p.tags,
        planned: p,
      });
  }
  return [...rows, ...inputs];
}

/** How many rows have each status. */
export function countStatuses(rows: readonly NodeRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { success: 0, failure: 0, skipped: 0, pending: 0, input: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** The longest duration among the rows (at least 1 ms, so it can divide). */
export function longestDuration(rows: readonly NodeRow[]): number {
  let longest = 1;
  for (const row of rows) if (row.durationMs !== undefined && row.durationMs > longest) longest = row.durationMs;
  return longest;
}
