import { lostRunSql } from './lost-runs.js';
import type { RunQuery, RunStatus } from './records.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const STATUSES: ReadonlySet<string> = new Set<RunStatus>(['running', 'success', 'failure']);

/** A runs-list query with its paging made safe: limit 1..500 (50 when absent or not a number), offset ≥ 0. */
export interface NormalizedQuery {
  readonly project?: string;
  readonly status?: RunStatus;
  readonly limit: number;
  readonly offset: number;
}

/** Clamps paging and drops filters that are not strings (a status no run can have still filters everything out). */
export function normalizeQuery(query: RunQuery = {}): NormalizedQuery {
  const limit = Number.isFinite(query.limit) ? Math.min(MAX_LIMIT, Math.max(1, Math.trunc(query.limit!))) : DEFAULT_LIMIT;
  const offset = Number.isFinite(query.offset) ? Math.max(0, Math.trunc(query.offset!)) : 0;
  return {
    ...(typeof query.project === 'string' ? { project: query.project } : {}),
    ...(typeof query.status === 'string' ? { status: query.status } : {}),
    limit,
    offset,
  };
}

/** True for the statuses a run can have. */
export function isRunStatus(value: unknown): value is RunStatus {
  return typeof value === 'string' && STATUSES.has(value);
}

/**
 * The WHERE clause of the filters, with `placeholder(i)` giving the engine's i-th parameter (from 1).
 * A lost run (see lost-runs.ts) is a failure, not running: `clock` is the engine's STORE_CLOCK.
 */
export function filterClause(query: Pick<NormalizedQuery, 'project' | 'status'>, placeholder: (index: number) => string, clock: string) {
  const conditions: string[] = [];
  const params: string[] = [];
  if (query.project !== undefined) {
    params.push(query.project);
    conditions.push(`project = ${placeholder(params.length)}`);
  }
  if (query.status === 'running') conditions.push(`status = 'running' AND NOT ${lostRunSql(clock)}`);
  else if (query.status === 'failure') conditions.push(`(status = 'failure' OR ${lostRunSql(clock)})`);
  else if (query.status !== undefined) {
    params.push(query.status);
    conditions.push(`status = ${placeholder(params.length)}`);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
