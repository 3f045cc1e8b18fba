// The runs of the store, newest first: filtered by project and status, a page at a time. While a run
// shown is going the list asks again every 1.5 s, otherwise every 10 s (to show new runs).
import type { RunStatus } from '../src/store/records.js';
import { fetchProjects, fetchRuns } from './api.js';
import { formatDuration, formatTime, shortId } from './format.js';
import { type RunsRoute, runHref, runsHref } from './route.js';
import { StatusBadge } from './status-badge.js';
import { useResource } from './use-resource.js';

const PAGE_SIZE = 50;
const STATUSES: readonly RunStatus[] = ['running', 'success', 'failure'];

export function RunsList({ route }: { readonly route: RunsRoute }) {
  const { project, status, page } = route;
  const projects = useResource('projects', fetchProjects);
  const runs = useResource(
    `runs:${project}:${status}:${page}`,
    () => fetchRuns({ project, status, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
    (data) => (data.runs.some((r) => r.status === 'running') ? 1500 : 10_000),
  );
  const go = (change: Partial<Omit<RunsRoute, 'view'>>) => {
    location.hash = runsHref({ project, status, page: 0, ...change });
  };
  const total = runs.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <main class="runs-list">
      <h1>Runs</h1>
      <div class="filters">
        <label>
          Project{' '}
          <select value={project ?? ''} onChange={(e) => go({ project: e.currentTarget.value || undefined })}>
            <option value="">all projects</option>
            {(projects.data ?? (project ? [project] : [])).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select value={status ?? ''} onChange={(e) => go({ status: (e.currentTarget.value || undefined) as RunStatus | undefined })}>
            <option value="">any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {runs.error && <p class="notice">{runs.error.message}</p>}
      {runs.data && runs.data.runs.length === 0 && (
        <p class="notice">
          {project || status
            ? 'No run matches these filters.'
            : 'No runs yet: a driver with a TrackingAdapter writing to this store records them.'}
        </p>
      )}
      {runs.data && runs.data.runs.length > 0 && (
        <table class="runs">
          <thead>
            <tr>
              <th>Status</th>
              <th>Run</th>
              <th>Project</th>
              <th>Started</th>
              <th>Duration</th>
              <th>Nodes</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.runs.map((run) => (
              <tr key={run.id}>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td class="mono">
                  <a href={runHref(run.id)} title={run.id}>
                    {shortId(run.id)}
                  </a>
                </td>
                <td>{run.project}</td>
                <td>{formatTime(run.startedAt)}</td>
                <td class="mono">{run.status === 'running' ? 'running…' : formatDuration(run.durationMs)}</td>
                <td class="mono">{run.nodeCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runs.data && total > 0 && (
        <nav class="pager" aria-label="pages">
          <button type="button" disabled={page === 0} onClick={() => go({ page: page - 1 })}>
            ← Newer
          </button>
          <span>
            {(page * PAGE_SIZE + 1).toLocaleString('en-US')}–{Math.min(total, (page + 1) * PAGE_SIZE).toLocaleString('en-US')} of{' '}
            {total.toLocaleString('en-US')} · page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => go({ page: page + 1 })}>
            Older →
          </button>
        </nav>
      )}
    </main>
  );
}
