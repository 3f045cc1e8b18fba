import type { TagValue } from '../graph/types.js';

/**
 * Selects nodes by tags: every key must match (AND). A string value must equal the tag (or be one
 * of a multi-valued tag's values); an array matches any of its values; `null` only asks that the
 * tag exists.
 */
export type TagFilter = Readonly<Record<string, string | readonly string[] | null>>;

/** Whether tags pass a filter. */
export function matchesTagFilter(tags: Readonly<Record<string, TagValue>>, filter: TagFilter): boolean {
  for (const key in filter) {
    if (!Object.hasOwn(tags, key)) return false; // own keys: `constructor` is no tag
    const wanted = filter[key];
    if (wanted === null) continue;
    const have = tags[key];
    const haveList = typeof have === 'string' ? [have] : have;
    const wantedList = typeof wanted === 'string' ? [wanted] : wanted;
    if (!wantedList.some((w) => haveList.includes(w))) return false;
  }
  return true;
}
