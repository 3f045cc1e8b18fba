// The page's places, kept in the URL's hash so a link to a run or a node can be shared and the server
// needs only one HTML file: `#/` (runs list), `#/runs/ID`, `#/runs/ID/nodes/NAME`.
import { useEffect, useState } from 'preact/hooks';
import type { RunStatus } from '../src/store/records.js';

/** The runs list with its filters and page (0-based). */
export interface RunsRoute {
  readonly view: 'runs';
  readonly project?: string;
  readonly status?: RunStatus;
  readonly page: number;
}

/** One run, and optionally the node shown beside it. */
export interface RunRoute {
  readonly view: 'run';
  readonly id: string;
  readonly node?: string;
}

export type Route = RunsRoute | RunRoute;

const STATUSES: readonly string[] = ['running', 'success', 'failure'];

/** Reads a hash such as `#/runs/abc/nodes/spend%20mean` or `#/?project=x&page=2`. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeComponent);
  if (parts[0] === 'runs' && parts[1] !== undefined)
    return parts[2] === 'nodes' && parts[3] !== undefined ? { view: 'run', id: parts[1], node: parts[3] } : { view: 'run', id: parts[1] };
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    view: 'runs',
    ...(params.get('project') && { project: params.get('project')! }),
    ...(STATUSES.includes(status) && { status: status as RunStatus }),
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  };
}

/** The link to the runs list with these filters (page shown 1-based). */
export function runsHref(route: Omit<RunsRoute, 'view'>): string {
  const params = new URLSearchParams();
  if (route.project) params.set('project', route.project);
  if (route.status) params.set('status', route.status);
  if (route.page > 0) params.set('page', String(route.page + 1));
  const search = params.toString();
  return search ? `#/?${search}` : '#/';
}

/** The link to a run, or to one of its nodes. */
export function runHref(id: string, node?: string): string {
  const run = `#/runs/${encodeURIComponent(id)}`;
  return node === undefined ? run : `${run}/nodes/${encodeURIComponent(node)}`;
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function decodeComponent(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
