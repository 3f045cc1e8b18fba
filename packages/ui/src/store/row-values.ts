// What a write binds: the values of a run's row, of its finish and of a heartbeat, in the order of the
// stores' statements.
import type { RunFinishedEvent, RunHeartbeatEvent, RunStartedEvent } from './records.js';

/** The columns a run's start writes (`last_seen_at` is the store's clock). */
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
  'pid',
  'hostname',
  'stale_after_ms',
] as const;

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
    event.process?.pid ?? null,
    event.process?.hostname ?? null,
    event.process?.staleAfterMs ?? null,
  ];
}

/** The values of a run's finish, in the order the stores bind them: status, duration, error, the run. */
export function finishValues(event: RunFinishedEvent): (string | number | null)[] {
  return [event.status, event.durationMs, event.error === undefined ? null : JSON.stringify(event.error), event.runId];
}

/** The values of a heartbeat's update, in the order the stores bind them: the nodes in flight (JSON), the run. */
export function heartbeatValues(event: RunHeartbeatEvent): [string, string] {
  return [JSON.stringify(event.inFlight), event.runId];
}
