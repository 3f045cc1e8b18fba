// The query string of `GET /api/runs`, checked: a typo or a bad value is a 400 naming the parameter and
// the value, never a silently ignored filter.
import type { RunQuery, RunStatus } from '../store/records.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './ui.constants.js';
import { uiMessages } from './ui.messages.js';

const PARAMETERS = ['project', 'status', 'limit', 'offset'] as const;
const STATUSES: readonly RunStatus[] = ['running', 'success', 'failure'];

/** A query string that cannot be answered; the controller turns it into a 400 with this message. */
export class RunQueryError extends Error {
  override readonly name = 'RunQueryError';
}

/**
 * Parses the query object Express gives (`?status=a&status=b` arrives as an array) into a RunQuery with
 * limit and offset filled in.
 *
 * @example
 * parseRunQuery({ project: 'marketing', limit: '20' }); // { project: 'marketing', limit: 20, offset: 0 }
 */
export function parseRunQuery(query: Readonly<Record<string, unknown>>): RunQuery & { limit: number; offset: number } {
  for (const name of Object.keys(query))
    if (!(PARAMETERS as readonly string[]).includes(name)) throw new RunQueryError(uiMessages.unknownParameter(name, PARAMETERS));
  const project = single(query, 'project');
  const status = single(query, 'status');
  if (project === '') throw new RunQueryError(uiMessages.emptyProject());
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw new RunQueryError(uiMessages.badStatus(status));
  return {
    ...(project !== undefined && { project }),
    ...(status !== undefined && { status: status as RunStatus }),
    limit: integer(query, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
    offset: integer(query, 'offset', 0) ?? 0,
  };
}

function single(query: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new RunQueryError(uiMessages.repeatedParameter(name));
  return value;
}

function integer(query: Readonly<Record<string, unknown>>, name: string, min: number, max?: number): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min) || (max !== undefined && value > max)) throw new RunQueryError(uiMessages.badInteger(name, text, min, max));
  return value;
}
