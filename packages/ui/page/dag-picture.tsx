// The run's graph as graphviz drew it on the server, each node filled by its status and shaded by its
// duration. The SVG is rebuilt by sanitizeSvg, then only attributes are set on it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PlannedNode } from '../src/store/records.js';
import type { NodeRow } from './node-rows.js';
import { longestDuration } from './node-rows.js';
import { runHref } from './route.js';
import { sanitizeSvg } from './sanitize-svg.js';
import { statusFill } from './status-colour.js';

interface DagPictureProps {
  readonly runId: string;
  readonly svg: string;
  /** In the order the server drew them: node `i` is the SVG group with id `hn{i}`. */
  readonly planned: readonly PlannedNode[];
  readonly rows: readonly NodeRow[];
  readonly selected?: string;
}

/** Graphviz sizes the SVG in points ("123.45pt"); CSS pixels are 4/3 of a point. */
function pointsToPixels(size: string | null): number {
  const value = Number.parseFloat(size ?? '');
  return Number.isFinite(value) ? Math.round(size?.endsWith('pt') ? (value * 4) / 3 : value) : 300;
}

/** The picture, fitted to the page's width or at its own size. */
export function DagPicture({ runId, svg, planned, rows, selected }: DagPictureProps) {
  const host = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(true);
  const picture = useMemo(() => sanitizeSvg(svg), [svg]);

  useEffect(() => {
    host.current?.replaceChildren(...(picture ? [picture] : []));
  }, [picture]);

  // Fitted: as wide as the page and at most 45% of the window's height, never larger than drawn.
  useEffect(() => {
    if (!picture) return;
    const width = pointsToPixels(picture.getAttribute('width'));
    const height = pointsToPixels(picture.getAttribute('height'));
    picture.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    picture.style.width = fit ? `min(100%, ${width}px)` : `${width}px`;
    picture.style.height = fit ? `min(45vh, ${height}px)` : `${height}px`;
  }, [picture, fit]);

  useEffect(() => {
    if (!picture) return;
    const byName = new Map(rows.map((row) => [row.name, row]));
    const longest = longestDuration(rows);
    planned.forEach((node, index) => {
      const group = picture.getElementById(`hn${index}`);
      const shape = group?.querySelector('path, polygon, ellipse');
      const row = byName.get(node.name);
      if (!group || !shape || !row) return;
      shape.setAttribute('fill', statusFill(row.status, row.durationMs, longest));
      shape.setAttribute('stroke', row.status === 'failure' ? '#b91c1c' : node.name === selected ? '#1d4ed8' : '#374151');
      shape.setAttribute('stroke-width', row.status === 'failure' || node.name === selected ? '2.5' : '1');
      group.setAttribute('data-status', row.status);
      group.setAttribute('data-name', node.name);
      // Reachable by keyboard too: Tab to a node, Enter opens it.
      group.setAttribute('tabindex', '0');
      group.setAttribute('role', 'link');
      group.setAttribute('aria-label', `${node.name}: ${row.status}`);
    });
  }, [picture, planned, rows, selected]);

  // A click on a node opens its view; the name comes from the planned list, never from the SVG's text.
  const open = (event: Event) => {
    const group = (event.target as Element).closest('g.node');
    const index = group ? /^hn(\d+)$/.exec(group.id)?.[1] : undefined;
    const node = index === undefined ? undefined : planned[Number(index)];
    if (node) location.hash = runHref(runId, node.name);
  };

  if (!picture) return <p class="notice">The picture could not be read (the server sent an SVG that does not parse).</p>;
  return (
    <div class="picture">
      <div class="picture-tools">
        <button type="button" onClick={() => setFit(!fit)}>
          {fit ? 'Actual size' : 'Fit to width'}
        </button>
        <span class="legend">
          <i class="swatch success" /> success <i class="swatch failure" /> failure <i class="swatch skipped" /> skipped{' '}
          <i class="swatch pending" /> pending <i class="swatch input" /> input · darker = slower
        </span>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: delegation: the node groups inside are the links (role, tabindex, label set above). */}
      <div
        class={fit ? 'picture-canvas fit' : 'picture-canvas'}
        ref={host}
        onClick={open}
        onKeyDown={(event) => event.key === 'Enter' && open(event)}
      />
    </div>
  );
}
