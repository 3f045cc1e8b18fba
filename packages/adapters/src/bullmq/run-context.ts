import { randomUUID } from 'node:crypto';

/** A job the driver waits for. */
export interface PendingJob {
  readonly node: string;
  settle(outcome: { returnvalue?: unknown; failedReason?: string }): void;
  fail(error: Error): void;
}

/** One driver run as the engine sees it: its own id, its deadline, its jobs in flight. */
export class RunContext {
  /** A UUID, so runs of drivers in different processes never share keys or job ids. */
  readonly id = randomUUID();
  readonly pending = new Map<string, PendingJob>();
  /** Every job the run enqueued, or is enqueuing: at its end, those whose outcome never came are removed. */
  readonly enqueued: Promise<string>[] = [];
  /** Jobs whose outcome arrived (completed jobs are gone from Redis already). */
  readonly settled = new Set<string>();
  /** Keys of the values this run stored, its own and its workers': deleted by key when it ends. */
  readonly stored: string[] = [];
  private sequence = 0;

  constructor(readonly deadline: number) {}

  /** A job id unique in this run (a node inside a @parallelizable block runs once per item); BullMQ refuses ":" in ids. */
  nextJobId(): string {
    return `${this.id}-${++this.sequence}`;
  }

  /** The same run without its deadline, for the cleanup after it. */
  withoutDeadline(): RunContext {
    return new RunContext(Number.POSITIVE_INFINITY);
  }

  /** Milliseconds left before the run's deadline (Infinity without one). */
  remaining(): number {
    return this.deadline - Date.now();
  }
}
