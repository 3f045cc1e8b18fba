// Every node of the run in a table sortable by any column; only the rows in view are rendered, so
// 10,000 rows scroll freely.
import { useMemo, useState } from 'preact/hooks';
import { formatDuration } from './format.js';
import type { NodeRow } from './node-rows.js';
import { runHref } from './route.js';
import { StatusBadge } from './status-badge.js';
import { useVirtualRows } from './virtual-rows.js';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
const VISIBLE_ROWS = 18;

type SortKey = 'name' | 'status' | 'offsetMs' | 'durationMs' | 'type';
const COLUMNS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: 'name', label: 'Node' },
  { key: 'status', label: 'Status' },
  { key: 'offsetMs', label: 'Started at' },
  { key: 'durationMs', label: 'Duration' },
  { key: 'type', label: 'Type' },
];

/** Compares by the key; rows without a value (not run yet) sort last either way. */
function compareBy(key: SortKey, descending: boolean): (a: NodeRow, b: NodeRow) => number {
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return sign * (typeof x === 'number' ? x - (y as number) : String(x).localeCompare(String(y)));
  };
}

interface NodeTableProps {
  readonly runId: string;
  readonly rows: readonly NodeRow[];
  readonly selected?: string;
}

export function NodeTable({ runId, rows, selected }: NodeTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'offsetMs', descending: false });
  const sorted = useMemo(() => [...rows].sort(compareBy(sort.key, sort.descending)), [rows, sort]);
  const view = useVirtualRows(sorted.length, ROW_HEIGHT, ROW_HEIGHT * VISIBLE_ROWS);
  // A first click on Duration puts the slowest first: the slow nodes are what one looks for.
  const toggle = (key: SortKey) =>
    setSort(sort.key === key ? { key, descending: !sort.descending } : { key, descending: key === 'durationMs' });
  return (
    <div class="table-scroller" style={{ height: `${view.height + HEADER_HEIGHT}px` }} onScroll={view.onScroll}>
      <table class="node-table" aria-label="nodes" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col class="col-name" />
          <col class="col-status" />
          <col class="col-start" />
          <col class="col-duration" />
          <col class="col-type" />
          <col class="col-cache" />
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th key={key} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" onClick={() => toggle(key)}>
                  {label}
                  {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th>Cache</th>
          </tr>
        </thead>
        <tbody>
          {view.above > 0 && <Spacer height={view.above} />}
          {sorted.slice(view.first, view.last).map((row, i) => (
            <tr key={row.name} class={row.name === selected ? 'selected' : undefined} aria-rowindex={view.first + i + 2}>
              <td class="node-name">
                <a href={runHref(runId, row.name)}>{row.name}</a>
              </td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td class="mono">{row.offsetMs === undefined ? '—' : `+${formatDuration(row.offsetMs)}`}</td>
              <td class="mono">{formatDuration(row.durationMs)}</td>
              <td class="mono type">{row.type}</td>
              <td>{row.cacheStatus ?? ''}</td>
            </tr>
          ))}
          {view.below > 0 && <Spacer height={view.below} />}
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for the rows above or below the rendered ones, so the scrollbar is that of the whole table. */
function Spacer({ height }: { readonly height: number }) {
  return (
    <tr class="spacer" style={{ height: `${height}px` }}>
      <td colSpan={COLUMNS.length + 1} />
    </tr>
  );
}
