// One run: its state, errors, picture, waterfall and node table; the node view beside them. While the run
// is going the page asks again every second; a run whose process stopped reporting, every few seconds (it
// shows as running again should the process report again).
import { useMemo } from 'preact/hooks';
import { PROCESS_LOST, type RunDetail } from '../src/store/records.js';
import { type ApiError, fetchGraph, fetchRun } from './api.js';
import { DagPicture } from './dag-picture.js';
import { ErrorBlock } from './error-block.js';
import { formatDuration, formatTime } from './format.js';
import { countStatuses, type NodeRow, nodeRows } from './node-rows.js';
import { NodeTable } from './node-table.js';
import { NodeView } from './node-view.js';
import { runsHref } from './route.js';
import { StatusBadge } from './status-badge.js';
import { SummaryView } from './summary-view.js';
import { useResource } from './use-resource.js';
import { Waterfall } from './waterfall.js';

const POLL_MS = 1000;
const LOST_POLL_MS = 5000;
/** Errors listed in full; the rest are in the node table. */
const MAX_ERRORS = 10;

export function RunPage({ id, node }: { readonly id: string; readonly node?: string }) {
  const run = useResource(
    `run:${id}`,
    () => fetchRun(id),
    (r) => (r.status === 'running' ? POLL_MS : isLost(r) ? LOST_POLL_MS : undefined),
  );
  const graph = useResource(`graph:${id}`, () => fetchGraph(id));
  const rows = useMemo(() => (run.data ? nodeRows(run.data, graph.data?.nodes) : []), [run.data, graph.data]);

  if (run.error && !run.data) return <Failure error={run.error} />;
  if (!run.data) return <p class="muted">Loading the run…</p>;
  const detail = run.data;
  return (
    <div class={node ? 'run-page with-node' : 'run-page'}>
      <main>
        <RunHeader run={detail} rows={rows} />
        {run.error && <p class="notice">Could not refresh: {run.error.message}</p>}
        <section>
          <h2>Graph</h2>
          {graph.error && <p class="notice">The graph could not be loaded: {graph.error.message}</p>}
          {!graph.data && !graph.error && <p class="muted">Loading the graph…</p>}
          {graph.data && 'svg' in graph.data.picture && (
            <DagPicture runId={id} svg={graph.data.picture.svg} planned={graph.data.nodes} rows={rows} selected={node} />
          )}
          {graph.data && 'notDrawn' in graph.data.picture && <p class="notice not-drawn">{graph.data.picture.notDrawn}</p>}
        </section>
        <Errors run={detail} rows={rows} />
        <section>
          <h2>Timing</h2>
          <Waterfall runId={id} rows={rows} spanMs={detail.durationMs} />
        </section>
        <section>
          <h2>Nodes</h2>
          <NodeTable runId={id} rows={rows} selected={node} />
        </section>
        <Inputs run={detail} />
      </main>
      {node !== undefined && <NodeView runId={id} name={node} rows={rows} />}
    </div>
  );
}

function RunHeader({ run, rows }: { readonly run: RunDetail; readonly rows: readonly NodeRow[] }) {
  const counts = countStatuses(rows);
  return (
    <header class="run-header">
      <p class="crumbs">
        <a href={runsHref({ page: 0 })}>Runs</a> / <a href={runsHref({ project: run.project, page: 0 })}>{run.project}</a>
      </p>
      <h1>
        <StatusBadge status={run.status} /> <span class="mono">{run.id}</span>
        {run.status === 'running' && <span class="live">live · updating every second</span>}
      </h1>
      <p class="facts-line">
        started {formatTime(run.startedAt)} · {run.status === 'running' ? 'running' : `took ${formatDuration(run.durationMs)}`} ·{' '}
        {counts.success} succeeded · {counts.failure} failed · {counts.skipped} skipped
        {counts.pending > 0 && ` · ${counts.pending} pending`}
      </p>
      <p class="facts-line">
        outputs: <span class="mono">{run.outputs.join(', ') || '—'}</span>
      </p>
    </header>
  );
}

function Errors({ run, rows }: { readonly run: RunDetail; readonly rows: readonly NodeRow[] }) {
  const failed = rows.filter((r) => r.status === 'failure' && r.error);
  if (!run.error && failed.length === 0) return null;
  // A run that failed in a node carries that node's error wrapped: the node's own, with the stack that
  // points into the node's code, says it better. The run's is shown only when no node has one, or when
  // the run is lost: its error says which process stopped reporting, and when.
  return (
    <section class="errors">
      <h2>Errors</h2>
      {run.error && (failed.length === 0 || isLost(run)) && <ErrorBlock error={run.error} title="The run failed" />}
      {failed.slice(0, MAX_ERRORS).map((r) => (
        <ErrorBlock key={r.name} error={r.error!} title={`node ${r.name}`} />
      ))}
      {failed.length > MAX_ERRORS && <p class="muted">and {failed.length - MAX_ERRORS} more failed nodes (see the table).</p>}
    </section>
  );
}

/** A run read as failed because its process stopped reporting. */
function isLost(run: RunDetail): boolean {
  return run.error?.type === PROCESS_LOST;
}

function Inputs({ run }: { readonly run: RunDetail }) {
  const inputs = Object.entries(run.inputs);
  if (inputs.length === 0) return null;
  return (
    <section>
      <h2>Inputs</h2>
      <div class="inputs">
        {inputs.map(([name, summary]) => (
          <div class="input-card" key={name}>
            <h3 class="mono">{name}</h3>
            <SummaryView summary={summary} />
          </div>
        ))}
      </div>
    </section>
  );
}

function Failure({ error }: { readonly error: ApiError }) {
  return (
    <div class="notice">
      <p>{error.status === 404 ? 'There is no such run in this store.' : error.message}</p>
      <p>
        <a href={runsHref({ page: 0 })}>All runs</a>
      </p>
    </div>
  );
}
