import type { NodeDef } from '../graph/types.js';

/**
 * When a modifier applies. Phases run in this order whatever order the decorators are written in:
 * config resolution → node creation → expansion → transforms → metadata.
 */
export type ModifierPhase = 'resolve' | 'expand' | 'transform' | 'metadata';

/** The phases in the order they apply. */
export const MODIFIER_PHASES: readonly ModifierPhase[] = ['resolve', 'expand', 'transform', 'metadata'];

/** What a modifier sees while it turns one method into nodes. */
export interface ModifierContext {
  readonly config: Readonly<Record<string, unknown>>;
  /** `Class.method`, for messages. */
  readonly where: string;
  /** The instance the method is called on. */
  readonly instance: object;
  /** The original method. */
  readonly method: Function;
  /** Reports misuse; every report ends up in one `GraphBuildError`. */
  report(message: string, node?: string): void;
}

/**
 * A function modifier as a decorator records it: raw arguments plus the code that applies them.
 * Decorators only construct these; the graph builder applies them, phase by phase, and collects
 * every problem they report.
 */
export interface Modifier {
  readonly phase: ModifierPhase;
  /** Position inside its phase; lower applies first. */
  readonly order: number;
  /** Name used in messages, e.g. `config.when`. */
  readonly kind: string;
  /** `resolve` phase: whether the method contributes nodes under this config. */
  include?(ctx: ModifierContext): boolean;
  /** Other phases: the method's nodes so far → its nodes after this modifier. */
  apply?(nodes: NodeDef[], ctx: ModifierContext): NodeDef[];
}

/**
 * `modifiers` in the order they apply: by phase, then by order inside the phase, stable. A list
 * already in that order (one or two decorators, usually) is returned as it is.
 */
export function inApplyOrder(modifiers: readonly Modifier[]): readonly Modifier[] {
  let sorted = true;
  for (let i = 1; i < modifiers.length && sorted; i++) sorted = compareModifiers(modifiers[i - 1], modifiers[i]) <= 0;
  if (sorted) return modifiers;
  // Insertion sort: a handful of items, and Array.prototype.sort allocates a work array per call.
  const ordered = modifiers.slice();
  for (let i = 1; i < ordered.length; i++) {
    const modifier = ordered[i];
    let j = i - 1;
    for (; j >= 0 && compareModifiers(ordered[j], modifier) > 0; j--) ordered[j + 1] = ordered[j];
    ordered[j + 1] = modifier;
  }
  return ordered;
}

/** Negative when `a` applies before `b`: by phase, then by order inside the phase. */
export function compareModifiers(a: Pick<Modifier, 'phase' | 'order'>, b: Pick<Modifier, 'phase' | 'order'>): number {
  return MODIFIER_PHASES.indexOf(a.phase) - MODIFIER_PHASES.indexOf(b.phase) || a.order - b.order;
}

/** Nodes of one method that no other node of that method consumes: what transforms act on. */
export function sinksOf(nodes: readonly NodeDef[]): NodeDef[] {
  // One node (most methods): a sink unless it reads itself, and no set to build.
  if (nodes.length === 1) return readsItself(nodes[0]) ? [] : [nodes[0]];
  const consumed = new Set<string>();
  for (const n of nodes) for (const d of n.deps) consumed.add(d.name);
  return nodes.filter((n) => !consumed.has(n.name));
}

/** `nodes` without `removed`, some of them: a method's sinks, which are usually all its nodes. */
export function withoutNodes(nodes: readonly NodeDef[], removed: readonly NodeDef[]): NodeDef[] {
  if (removed.length === nodes.length) return [];
  const set = new Set(removed);
  return nodes.filter((n) => !set.has(n));
}

function readsItself(node: NodeDef): boolean {
  for (let i = 0; i < node.deps.length; i++) if (node.deps[i].name === node.name) return true;
  return false;
}
