// When each node ran, on the run's time axis: one bar per finished node, in start order.
import { useMemo } from 'preact/hooks';
import { formatDuration } from './format.js';
import { longestDuration, type NodeRow } from './node-rows.js';
import { runHref } from './route.js';
import { statusFill } from './status-colour.js';
import { useVirtualRows } from './virtual-rows.js';

const ROW_HEIGHT = 22;
const VISIBLE_ROWS = 16;

interface WaterfallProps {
  readonly runId: string;
  readonly rows: readonly NodeRow[];
  /** The axis' length: the run's duration, or the latest end so far while it runs. */
  readonly spanMs: number | null;
}

export function Waterfall({ runId, rows, spanMs }: WaterfallProps) {
  const timed = useMemo(
    () => rows.filter((r) => r.offsetMs !== undefined && r.durationMs !== undefined).sort((a, b) => a.offsetMs! - b.offsetMs!),
    [rows],
  );
  const longest = useMemo(() => longestDuration(timed), [timed]);
  const lastEnd = useMemo(() => timed.reduce((end, r) => Math.max(end, r.offsetMs! + r.durationMs!), 0), [timed]);
  const axis = Math.max(spanMs ?? 0, lastEnd, 1);
  const view = useVirtualRows(timed.length, ROW_HEIGHT, ROW_HEIGHT * VISIBLE_ROWS);
  if (timed.length === 0) return <p class="muted">No node has finished yet.</p>;
  return (
    <div class="waterfall">
      <div class="waterfall-axis">
        <span>0</span>
        <span>{formatDuration(axis / 2)}</span>
        <span>{formatDuration(axis)}</span>
      </div>
      <div class="waterfall-rows" style={{ height: `${view.height}px` }} onScroll={view.onScroll}>
        <div style={{ paddingTop: `${view.above}px`, paddingBottom: `${view.below}px` }}>
          {timed.slice(view.first, view.last).map((row) => (
            <a
              key={row.name}
              class="waterfall-row"
              href={runHref(runId, row.name)}
              title={`${row.name}: ${formatDuration(row.durationMs)}`}
            >
              <span class="waterfall-name">{row.name}</span>
              <span class="waterfall-track">
                <span
                  class="waterfall-bar"
                  style={{
                    left: `${(row.offsetMs! / axis) * 100}%`,
                    width: `max(2px, ${(row.durationMs! / axis) * 100}%)`,
                    background: statusFill(row.status, row.durationMs, longest),
                  }}
                />
              </span>
              <span class="waterfall-time">{formatDuration(row.durationMs)}</span>
            </a>
          ))}
        </div>
      </div>
    </div>
  );
}
