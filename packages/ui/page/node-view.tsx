// One node: what it is (doc, type, tags, code location, dependencies) and what it did (status, timing,
// value summary, error).
import { useMemo } from 'preact/hooks';
import { ErrorBlock } from './error-block.js';
import { formatDuration } from './format.js';
import type { NodeRow } from './node-rows.js';
import { runHref } from './route.js';
import { StatusBadge } from './status-badge.js';
import { SummaryView } from './summary-view.js';

interface NodeViewProps {
  readonly runId: string;
  readonly name: string;
  readonly rows: readonly NodeRow[];
}

export function NodeView({ runId, name, rows }: NodeViewProps) {
  const row = rows.find((r) => r.name === name);
  const usedBy = useMemo(() => rows.filter((r) => r.planned?.dependencies.includes(name)).map((r) => r.name), [rows, name]);
  return (
    <aside class="node-view" aria-label={`node ${name}`}>
      <div class="node-view-head">
        <h2>{name}</h2>
        <a class="close" href={runHref(runId)} aria-label="close the node view">
          ✕
        </a>
      </div>
      {row === undefined ? (
        <p class="notice">This run has no node of that name.</p>
      ) : (
        <>
          <p>
            <StatusBadge status={row.status} /> {row.durationMs !== undefined && <>in {formatDuration(row.durationMs)}</>}
            {row.offsetMs !== undefined && <span class="muted"> · started +{formatDuration(row.offsetMs)}</span>}
            {row.cacheStatus && <span class="muted"> · cache {row.cacheStatus}</span>}
          </p>
          {row.doc ? <p class="doc">{row.doc}</p> : <p class="muted">No doc.</p>}
          <table class="facts">
            <tbody>
              <tr>
                <th>type</th>
                <td class="mono">{row.type}</td>
              </tr>
              <tr>
                <th>code</th>
                <td class="mono">{row.planned?.location ?? '—'}</td>
              </tr>
              <tr>
                <th>tags</th>
                <td>
                  <Tags tags={row.tags} />
                </td>
              </tr>
              <tr>
                <th>depends on</th>
                <td>
                  <NodeLinks runId={runId} names={row.planned?.dependencies ?? []} />
                </td>
              </tr>
              <tr>
                <th>used by</th>
                <td>
                  <NodeLinks runId={runId} names={usedBy} />
                </td>
              </tr>
            </tbody>
          </table>
          {row.error && <ErrorBlock error={row.error} />}
          <h3>Value</h3>
          {row.summary ? <SummaryView summary={row.summary} /> : <p class="muted">No summary recorded.</p>}
        </>
      )}
    </aside>
  );
}

function Tags({ tags }: { readonly tags: NodeRow['tags'] }) {
  const entries = Object.entries(tags);
  if (entries.length === 0) return <span class="muted">none</span>;
  return (
    <ul class="tags">
      {entries.map(([key, value]) => (
        <li key={key}>
          <span class="tag-key">{key}</span>
          <span class="tag-value">{typeof value === 'string' ? value : value.join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}

function NodeLinks({ runId, names }: { readonly runId: string; readonly names: readonly string[] }) {
  if (names.length === 0) return <span class="muted">none</span>;
  return (
    <span class="node-links">
      {names.map((n) => (
        <a key={n} href={runHref(runId, n)}>
          {n}
        </a>
      ))}
    </span>
  );
}
