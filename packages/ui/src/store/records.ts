/**
 * What the tracker records and the store keeps. One run is written as a stream of events (started,
 * nodes finished, finished) so a page can show a run while it is still going; the store folds them into
 * the shapes the JSON API serves.
 */

/** A run's status as the API reports it. */
export type RunStatus = 'running' | 'success' | 'failure';

/** A node's status as the API reports it: `skipped` is a planned node that never ran (an upstream failed). */
export type NodeStatus = 'success' | 'failure' | 'skipped';

/** An error as recorded: never the error object itself, which may not survive a process boundary. */
export interface RecordedError {
  readonly type: string;
  readonly message: string;
  readonly stack?: string;
}

/** NaN and ±Infinity as a summary gives them: JSON has no numbers for them (it would write `null`). */
export type NonFiniteNumber = 'NaN' | 'Infinity' | '-Infinity';

/** A summary statistic: a finite number, or a {@link NonFiniteNumber} in words. */
export type SummaryStat = number | NonFiniteNumber;

/**
 * A bounded description of a value, never the value itself. `kind` says which fields are present;
 * `skipped` says what work was capped (e.g. "min/max/mean over the first 1,000,000 of 5,000,000 elements").
 */
export interface ValueSummary {
  readonly kind: 'number' | 'bigint' | 'boolean' | 'string' | 'null' | 'array' | 'table' | 'date' | 'object' | 'function';
  /** The value's type name: `Float64Array`, `ColumnTable`, `Map`, a class name, ... */
  readonly type: string;
  /** number (NaN and ±Infinity as a NonFiniteNumber), boolean, bigint (as a string) and date (ISO) values are small enough to keep. */
  readonly value?: number | boolean | string;
  /** strings, arrays and typed arrays. */
  readonly length?: number;
  /** arrays and typed arrays of numbers, NaN left out: -Infinity when one holds it. */
  readonly min?: SummaryStat;
  readonly max?: SummaryStat;
  /** 'NaN' when the numbers hold both Infinity and -Infinity. */
  readonly mean?: SummaryStat;
  readonly nanCount?: number;
  /** strings: the first characters. */
  readonly preview?: string;
  /** tables. */
  readonly rows?: number;
  /** tables: column count; objects: key count. */
  readonly columns?: number;
  /** tables: a summary per column (capped; see `skipped`). */
  readonly columnSummaries?: Readonly<Record<string, ValueSummary>>;
  readonly skipped?: string;
}

/** One node of a run's graph, as planned: enough to draw the DAG and show the node view without the code. */
export interface PlannedNode {
  readonly name: string;
  /** The output type's name (`Float64Array`, `number`, `any`, ...). */
  readonly type: string;
  readonly doc: string;
  readonly tags: Readonly<Record<string, string | readonly string[]>>;
  /** Names of the nodes and inputs this one depends on. */
  readonly dependencies: readonly string[];
  /** Where the node's code lives (`Class.method`, or a file and line when known). */
  readonly location?: string;
  /** True for an external input (it is given, not computed). */
  readonly isInput?: boolean;
}

/**
 * The process a run is tracked from, and how long it may go without reporting: a run still `running`
 * whose last report is older than `staleAfterMs` is read as failed (its process was killed or crashed).
 */
export interface RunProcess {
  readonly pid: number;
  readonly hostname: string;
  readonly staleAfterMs: number;
}

/** The `type` of the error of a run (and of its nodes in flight) whose process stopped reporting. */
export const PROCESS_LOST = 'ProcessLost';

/** A run has begun. */
export interface RunStartedEvent {
  readonly kind: 'run-started';
  /** Unique across processes and machines (a UUID), not the driver's own run id. */
  readonly runId: string;
  readonly project: string;
  /** ms since the epoch. */
  readonly startedAt: number;
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, ValueSummary>>;
  readonly nodes: readonly PlannedNode[];
  /** Where the run is tracked from; without it the run is never read as lost. */
  readonly process?: RunProcess;
}

/** A node has finished (or, at the end of a failed run, was skipped). */
export interface NodeFinishedEvent {
  readonly kind: 'node-finished';
  readonly runId: string;
  readonly name: string;
  readonly status: NodeStatus;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly summary?: ValueSummary;
  readonly error?: RecordedError;
  /** The cache's status for the node (`hit`, `miss`, `recompute`, ...) when the cache is on. */
  readonly cacheStatus?: string;
  /** For a node run once per item of a Parallelizable block: how many times it ran. */
  readonly executions?: number;
  /**
   * The order the node finished in within its run, from 1 (skipped nodes come last). A store orders
   * nodes by it, and recognises a batch written twice by its first `seq`.
   */
  readonly seq?: number;
}

/** A run has ended. */
export interface RunFinishedEvent {
  readonly kind: 'run-finished';
  readonly runId: string;
  readonly status: Exclude<RunStatus, 'running'>;
  readonly durationMs: number;
  readonly error?: RecordedError;
}

/** A node running at the moment of a heartbeat; `startedAt` is its (earliest) call's start, ms since the epoch. */
export interface InFlightNode {
  readonly name: string;
  readonly startedAt: number;
}

/**
 * A run is still going: the store notes the time (its own clock) as the run's last report, and the
 * nodes running at that moment, which are failed rather than left unfinished if the process dies.
 */
export interface RunHeartbeatEvent {
  readonly kind: 'heartbeat';
  readonly runId: string;
  readonly inFlight: readonly InFlightNode[];
}

export type TrackingEvent = RunStartedEvent | NodeFinishedEvent | RunFinishedEvent | RunHeartbeatEvent;

/** An entry of `GET /api/runs` (the shape is fixed by the public contract). */
export interface RunListItem {
  readonly id: string;
  readonly project: string;
  readonly status: RunStatus;
  /** ISO 8601. */
  readonly startedAt: string;
  /** null while running. */
  readonly durationMs: number | null;
  readonly nodeCount: number;
}

/** A node of `GET /api/runs/:id` (the shape is fixed by the public contract). */
export interface RunNode {
  readonly name: string;
  readonly status: NodeStatus;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly type: string;
  readonly doc: string;
  readonly tags: Readonly<Record<string, string | readonly string[]>>;
  readonly error?: RecordedError;
  readonly summary?: ValueSummary;
  readonly cacheStatus?: string;
  /** How many times the node ran: above 1 for a node of a Parallelizable block (its duration is the sum). */
  readonly executions?: number;
  /** The start in ms since the epoch, with the sub-millisecond part `startedAt` loses (for a waterfall). */
  readonly startedAtMs?: number;
  /** Where the node's code lives (`Class.method`). */
  readonly location?: string;
}

/** `GET /api/runs/:id` (the shape is fixed by the public contract). */
export interface RunDetail {
  readonly id: string;
  readonly project: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly durationMs: number | null;
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, ValueSummary>>;
  readonly error?: RecordedError;
  /** The computed nodes the run planned, as in the runs list (the stores always give it). */
  readonly nodeCount?: number;
  /** Finished nodes, in the order they finished; skipped ones after them. */
  readonly nodes: readonly RunNode[];
}

/** Filters and paging of the runs list. */
export interface RunQuery {
  readonly project?: string;
  readonly status?: RunStatus;
  /** At most this many (default 50, at most 500). */
  readonly limit?: number;
  readonly offset?: number;
}
