import type { RunHeartbeatEvent } from '../store/records.js';
import type { NodeCall } from './node-outcome.js';

/**
 * While runs are in progress, calls `beat` every `intervalMs` so that the writer reports them even when
 * no node finishes. The timer is unref'd: it never keeps a process alive.
 */
export class HeartbeatTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly beat: () => void,
  ) {}

  /** Starts beating, unless it already is. */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(this.beat, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** The heartbeat of run `runId` (the tracker's id): the nodes running now, each with its earliest call's start. */
export function heartbeatOf(runId: string, calls: Iterable<NodeCall>): RunHeartbeatEvent {
  const starts = new Map<string, number>();
  for (const call of calls) {
    const earliest = starts.get(call.name);
    if (earliest === undefined || call.start < earliest) starts.set(call.name, call.start);
  }
  const inFlight = [...starts].map(([name, start]) => ({ name, startedAt: performance.timeOrigin + start }));
  return { kind: 'heartbeat', runId, inFlight };
}
