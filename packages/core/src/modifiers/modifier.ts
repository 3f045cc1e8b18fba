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

/** Nodes of one method that no other node of that method consumes: what transforms act on. */
export function sinksOf(nodes: readonly NodeDef[]): NodeDef[] {
  const consumed = new Set<string>();
  for (const n of nodes) for (const d of n.deps) consumed.add(d.name);
  return nodes.filter((n) => !consumed.has(n.name));
}
