import { isLost, lostDuration, lostRunError, lostRunSql, type ProcessColumns, settleLostNodes } from './lost-runs.js';
import { parseJson } from './parse-json.js';
import type { NodeFinishedEvent, PlannedNode, RunDetail, RunListItem, RunNode, RunStatus } from './records.js';
import { decodeResult } from './result-codec.js';
import { mergeResults } from './write-plan.js';

/** A `runs` row as both engines return it (with the `lost` flag the stores select, see lost-runs.ts). */
export interface RunRow extends ProcessColumns {
  readonly id: string;
  readonly project: string;
  readonly status: string;
  readonly started_at: number;
  readonly duration_ms: number | null;
  readonly node_count: number;
  readonly outputs?: string;
  readonly inputs?: string;
  readonly error?: string | null;
  readonly graph_id?: string;
}

/** The columns of the runs list, in the order the stores select them; `clock` is the engine's STORE_CLOCK. */
export const runListColumns = (clock: string): string =>
  `id, project, status, started_at, duration_ms, node_count, last_seen_at, ${lostRunSql(clock)} AS lost`;

/** Every column of a run, and whether it is lost. */
export const runColumns = (clock: string): string => `*, ${lostRunSql(clock)} AS lost`;

export function toRunListItem(row: RunRow): RunListItem {
  return {
    id: row.id,
    project: row.project,
    status: isLost(row) ? 'failure' : (row.status as RunStatus),
    startedAt: isoOf(row.started_at),
    durationMs: isLost(row) ? lostDuration(row) : (row.duration_ms ?? null),
    nodeCount: Number(row.node_count),
  };
}

/**
 * A run with its nodes: results folded into one per node (see `mergeResults`), in the order they
 * finished, skipped ones last, each with its planned type, doc, tags and location. Nodes that have
 * not finished yet are left out, unless the run is lost (see `settleLostNodes`).
 */
export function toRunDetail(run: RunRow, planned: readonly PlannedNode[], recorded: readonly NodeFinishedEvent[]): RunDetail {
  const plan = new Map(planned.map((node) => [node.name, node]));
  const lost = isLost(run);
  const error = lost ? lostRunError(run) : parseJson<RunDetail['error']>(run.error);
  const results = lost ? settleLostNodes(run, planned, recorded) : recorded;
  return {
    ...toRunListItem(run),
    outputs: parseJson<string[]>(run.outputs) ?? [],
    inputs: parseJson<RunDetail['inputs']>(run.inputs) ?? {},
    ...(error ? { error } : {}),
    nodes: [...results].sort(byFinish).map((result) => toRunNode(result, plan.get(result.name))),
  };
}

/** The results stored for a run (rows of JSON arrays), one per node. */
export function foldResults(runId: string, chunks: readonly { readonly results: string }[]): NodeFinishedEvent[] {
  const byName = new Map<string, NodeFinishedEvent>();
  for (const chunk of chunks) {
    const list = parseJson<unknown[]>(chunk.results);
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const result = decodeResult(runId, item);
      if (!result) continue;
      const before = byName.get(result.name);
      byName.set(result.name, before ? mergeResults(before, result) : result);
    }
  }
  return [...byName.values()];
}

function toRunNode(result: NodeFinishedEvent, planned: PlannedNode | undefined): RunNode {
  return {
    name: result.name,
    status: result.status,
    startedAt: isoOf(result.startedAt),
    startedAtMs: result.startedAt,
    durationMs: result.durationMs,
    type: planned?.type ?? 'any',
    doc: planned?.doc ?? '',
    tags: planned?.tags ?? {},
    ...(result.error ? { error: result.error } : {}),
    ...(result.summary ? { summary: result.summary } : {}),
    ...(result.cacheStatus ? { cacheStatus: result.cacheStatus } : {}),
    ...(result.executions !== undefined && result.executions > 1 ? { executions: result.executions } : {}),
    ...(planned?.location ? { location: planned.location } : {}),
  };
}

/** Skipped nodes last; otherwise by `seq`, or by finish time for results written without one. */
function byFinish(a: NodeFinishedEvent, b: NodeFinishedEvent): number {
  const skipped = Number(a.status === 'skipped') - Number(b.status === 'skipped');
  if (skipped !== 0) return skipped;
  if (a.seq !== undefined && b.seq !== undefined) return a.seq - b.seq;
  return a.startedAt + a.durationMs - (b.startedAt + b.durationMs);
}

function isoOf(ms: number): string {
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}
