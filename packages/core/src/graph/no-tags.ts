/**
 * Shared by every node without tags (most of them): one object less per node in large graphs.
 * Frozen, as modifiers copy tags and never mutate them.
 */
export const NO_TAGS: Readonly<Record<string, never>> = Object.freeze({});
