// Requests to the server's JSON API, with the bearer token when this tab has one.
import type { RunGraph } from '../src/server/run-graph.js';
import type { RunDetail, RunListItem, RunStatus } from '../src/store/records.js';
import { storedToken } from './token.js';

/** A request the server answered with an error status; `message` is the server's own. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_NEEDED =
  'This server needs a token. Open the address `hamilton-ts ui --token …` printed: it ends in ?token=…, which this tab then keeps.';

async function request(path: string): Promise<Response> {
  const token = storedToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: unknown };
    const message = typeof body.message === 'string' ? body.message : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, response.status === 401 ? TOKEN_NEEDED : message);
  }
  return response;
}

/** One page of the runs list and the count of all runs the filters match. */
export interface RunsPage {
  readonly runs: RunListItem[];
  readonly total: number;
}

/** `GET /api/runs`. */
export async function fetchRuns(filters: { project?: string; status?: RunStatus; limit: number; offset: number }): Promise<RunsPage> {
  const params = new URLSearchParams({ limit: String(filters.limit), offset: String(filters.offset) });
  if (filters.project) params.set('project', filters.project);
  if (filters.status) params.set('status', filters.status);
  const response = await request(`/api/runs?${params}`);
  const runs = (await response.json()) as RunListItem[];
  return { runs, total: Number(response.headers.get('X-Total-Count') ?? runs.length) };
}

/** `GET /api/projects`. */
export async function fetchProjects(): Promise<string[]> {
  return (await request('/api/projects')).json() as Promise<string[]>;
}

/** `GET /api/runs/:id`. */
export async function fetchRun(id: string): Promise<RunDetail> {
  return (await request(`/api/runs/${encodeURIComponent(id)}`)).json() as Promise<RunDetail>;
}

/** `GET /api/runs/:id/graph`. */
export async function fetchGraph(id: string): Promise<RunGraph> {
  return (await request(`/api/runs/${encodeURIComponent(id)}/graph`)).json() as Promise<RunGraph>;
}
