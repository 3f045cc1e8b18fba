import type {
  NodeFinishedEvent,
  PlannedNode,
  RunDetail,
  RunFinishedEvent,
  RunListItem,
  RunNode,
  RunStartedEvent,
  RunStatus,
} from './records.js';
import { decodeResult } from './result-codec.js';
import { mergeResults } from './write-plan.js';

/** A `runs` row as both engines return it. */
export interface RunRow {
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

/** The columns of the runs list, in the order the stores select them. */
export const RUN_LIST_COLUMNS = 'id, project, status, started_at, duration_ms, node_count';

export const RUN_COLUMNS = [
  'id',
  'project',
  'status',
  'started_at',
  'duration_ms',
  'outputs',
  'inputs',
  'error',
  'node_count',
  'graph_id',
] as const;

export function toRunListItem(row: RunRow): RunListItem {
  return {
    id: row.id,
    project: row.project,
    status: row.status as RunStatus,
    startedAt: isoOf(row.started_at),
    durationMs: row.duration_ms ?? null,
    nodeCount: Number(row.node_count),
  };
}

/**
 * A run with its nodes: results folded into one per node (see `mergeResults`), in the order they
 * finished, skipped ones last, each with its planned type, doc, tags and location. Nodes that have
 * not finished yet are left out.
 */
export function toRunDetail(run: RunRow, planned: readonly PlannedNode[], results: readonly NodeFinishedEvent[]): RunDetail {
  const plan = new Map(planned.map((node) => [node.name, node]));
  const error = parseJson<RunDetail['error']>(run.error);
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

/** JSON text from the store, or `undefined` for NULL and for text that is not JSON (never throws). */
export function parseJson<T>(text: string | null | undefined): T | undefined {
  if (text === null || text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The values of a run's row, in `RUN_COLUMNS` order. */
export function runValues(event: RunStartedEvent, graphId: string): (string | number | null)[] {
  let nodeCount = 0;
  for (const node of event.nodes) if (!node.isInput) nodeCount++;
  return [
    event.runId,
    event.project,
    'running',
    event.startedAt,
    null,
    JSON.stringify(event.outputs),
    JSON.stringify(event.inputs),
    null,
    nodeCount,
    graphId,
  ];
}

export function finishValues(event: RunFinishedEvent): (string | number | null)[] {
  return [event.status, event.durationMs, event.error === undefined ? null : JSON.stringify(event.error), event.runId];
}
