import type { PlannedNode, RunDetail, RunListItem, RunQuery, TrackingEvent } from './records.js';

/**
 * Where runs are kept. One schema, two engines (SQLite for one machine, Postgres for a team); every
 * method is safe to call from several processes writing to one store at once.
 */
export interface RunStore {
  /** Creates the schema or brings it up to date; idempotent and safe to race from several processes. */
  migrate(): Promise<void>;
  /** Writes a batch of events in one transaction. Events of one run arrive in order. */
  write(events: readonly TrackingEvent[]): Promise<void>;
  /** Runs newest first. */
  listRuns(query?: RunQuery): Promise<RunListItem[]>;
  /** The total count matching the filters, for paging. */
  countRuns(query?: Omit<RunQuery, 'limit' | 'offset'>): Promise<number>;
  getRun(id: string): Promise<RunDetail | undefined>;
  /** The planned graph of a run (every node with its dependencies), to draw it. */
  getGraph(id: string): Promise<readonly PlannedNode[] | undefined>;
  /** Every project that has runs, sorted. */
  projects(): Promise<string[]>;
  close(): Promise<void>;
}
