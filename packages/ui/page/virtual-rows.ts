// Which rows of a long list are in view: the table and the waterfall render only those (plus a margin),
// so a run of 10,000 nodes costs what 30 rows cost.
import { useState } from 'preact/hooks';

/** Rows drawn beyond the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN = 8;

/** The slice to render and what the scrolling element needs. */
export interface VirtualRows {
  /** Index of the first row to render. */
  readonly first: number;
  /** One past the last row to render. */
  readonly last: number;
  /** The scroller's height in px: the rows', up to the maximum. */
  readonly height: number;
  /** Space in px above and below the rendered rows, standing in for the rows not rendered. */
  readonly above: number;
  readonly below: number;
  readonly onScroll: (event: { currentTarget: HTMLElement }) => void;
}

/** The rows of `count` (each `rowHeight` px) to render in a scroller at most `maxHeight` px tall. */
export function useVirtualRows(count: number, rowHeight: number, maxHeight: number): VirtualRows {
  const [scrollTop, setScrollTop] = useState(0);
  const height = Math.min(maxHeight, count * rowHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return {
    first,
    last,
    height,
    above: first * rowHeight,
    below: (count - last) * rowHeight,
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
  };
}
