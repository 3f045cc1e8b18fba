// Tracking events written straight to a store: runs of any shape (10,000 runs, 10,000 nodes, one still
// running, hostile names) without a driver. Tests of what a real run records use tracked-runs.ts.
import type { NodeFinishedEvent, PlannedNode, RecordedError, TrackingEvent } from '../../src/store/records.js';

/** A planned computed node with these dependencies. */
export function planned(name: string, dependencies: readonly string[] = [], extra: Partial<PlannedNode> = {}): PlannedNode {
  return { name, type: 'number', doc: '', tags: {}, dependencies, location: `Pipeline.${name}`, ...extra };
}

/** What a fake run is made of. */
export interface FakeRun {
  readonly id: string;
  readonly project?: string;
  /** ms since the epoch. */
  readonly startedAt: number;
  readonly nodes: readonly PlannedNode[];
  /** Ends the run (unless `running`); a failed run fails at its last computed node. */
  readonly status?: 'success' | 'failure' | 'running';
  /** Each computed node takes this long (default: 1 ms + its position). */
  readonly durationOf?: (name: string, index: number) => number;
  readonly error?: RecordedError;
}

/** The events of a fake run: started, one node-finished per computed node (the last fails when the run does), finished. */
export function runEvents(run: FakeRun): TrackingEvent[] {
  const { id: runId, startedAt, status = 'success' } = run;
  const computed = run.nodes.filter((n) => !n.isInput);
  const events: TrackingEvent[] = [
    {
      kind: 'run-started',
      runId,
      project: run.project ?? 'demo',
      startedAt,
      outputs: computed.slice(-1).map((n) => n.name),
      inputs: {},
      nodes: run.nodes,
    },
  ];
  let clock = startedAt;
  const finished = status === 'running' ? computed.slice(0, Math.ceil(computed.length / 2)) : computed;
  finished.forEach((node, index) => {
    const durationMs = run.durationOf?.(node.name, index) ?? 1 + index;
    const fails = status === 'failure' && index === finished.length - 1;
    const event: NodeFinishedEvent = {
      kind: 'node-finished',
      runId,
      name: node.name,
      status: fails ? 'failure' : 'success',
      startedAt: clock,
      durationMs,
      ...(fails ? { error: run.error ?? nodeError(node.name) } : { summary: { kind: 'number', type: 'number', value: index } }),
    };
    events.push(event);
    clock += durationMs;
  });
  if (status !== 'running')
    events.push({
      kind: 'run-finished',
      runId,
      status,
      durationMs: clock - startedAt,
      ...(status === 'failure' && { error: run.error ?? nodeError(finished.at(-1)?.name ?? '?') }),
    });
  return events;
}

function nodeError(name: string): RecordedError {
  return {
    type: 'Error',
    message: `${name} failed on purpose`,
    stack: `Error: ${name} failed on purpose\n    at Pipeline.${name} (pipeline.ts:10:11)`,
  };
}

/** A chain `n0 → n1 → … → n{count-1}` fed by the input `x`. */
export function chain(count: number, prefix = 'n'): PlannedNode[] {
  const nodes: PlannedNode[] = [{ name: 'x', type: 'number', doc: 'the input', tags: {}, dependencies: [], isInput: true }];
  for (let i = 0; i < count; i++) nodes.push(planned(`${prefix}${i}`, [i === 0 ? 'x' : `${prefix}${i - 1}`]));
  return nodes;
}
