// Tracking events built by hand, for the store tests: exact control over ids, times, seq and batches.
import type {
  InFlightNode,
  NodeFinishedEvent,
  PlannedNode,
  RunFinishedEvent,
  RunHeartbeatEvent,
  RunStartedEvent,
} from '../../src/store/records.js';

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

export function node(name: string, dependencies: readonly string[] = [], extra: Partial<PlannedNode> = {}): PlannedNode {
  return { name, type: 'number', doc: `doc of ${name}`, tags: { stage: 'test' }, dependencies, location: `Pipeline.${name}`, ...extra };
}

export function input(name: string): PlannedNode {
  return { name, type: 'number', doc: '', tags: {}, dependencies: [], isInput: true };
}

export function started(runId: string, nodes: readonly PlannedNode[], extra: Partial<RunStartedEvent> = {}): RunStartedEvent {
  return { kind: 'run-started', runId, project: 'demo', startedAt: T0, outputs: [nodes.at(-1)?.name ?? 'x'], inputs: {}, nodes, ...extra };
}

export function result(runId: string, name: string, seq: number | undefined, extra: Partial<NodeFinishedEvent> = {}): NodeFinishedEvent {
  return {
    kind: 'node-finished',
    runId,
    name,
    status: 'success',
    startedAt: T0 + (seq ?? 0),
    durationMs: 1,
    summary: { kind: 'number', type: 'number', value: seq ?? 0 },
    executions: 1,
    ...(seq === undefined ? {} : { seq }),
    ...extra,
  };
}

export function finished(runId: string, extra: Partial<RunFinishedEvent> = {}): RunFinishedEvent {
  return { kind: 'run-finished', runId, status: 'success', durationMs: 10, ...extra };
}

export function heartbeat(runId: string, inFlight: readonly InFlightNode[] = []): RunHeartbeatEvent {
  return { kind: 'heartbeat', runId, inFlight };
}
