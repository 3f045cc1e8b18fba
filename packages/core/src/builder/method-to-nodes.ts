import type { NodeDef } from '../graph/types.js';
import { MODIFIER_PHASES, type ModifierContext } from '../modifiers/modifier.js';
import type { MethodSource } from './collect-methods.js';
import { createFunctionNode } from './create-function-node.js';

/**
 * Applies a method's modifiers in phase order — config resolution, node creation, expansion,
 * transforms, metadata — whatever order the decorators were written in.
 */
export function methodToNodes(
  source: MethodSource,
  config: Readonly<Record<string, unknown>>,
  report: (message: string, node?: string) => void,
): NodeDef[] {
  const where = `${source.className}.${source.method}`;
  if (source.record.modifiers.length === 0) {
    // Most methods have no modifiers: no phases to sort and no context to build (a hot path at 100k nodes).
    const base = createFunctionNode(source, where, report);
    return base ? [base] : [];
  }
  const ctx: ModifierContext = { config, where, instance: source.instance, method: source.fn, report };
  const modifiers = [...source.record.modifiers].sort(
    (a, b) => MODIFIER_PHASES.indexOf(a.phase) - MODIFIER_PHASES.indexOf(b.phase) || a.order - b.order,
  );
  const included = modifiers.filter((m) => m.phase === 'resolve').map((m) => m.include!(ctx));
  if (!included.every(Boolean)) return [];
  const base = createFunctionNode(source, where, (m) => report(m));
  if (!base) return [];
  let nodes = [base];
  for (const modifier of modifiers) if (modifier.phase !== 'resolve') nodes = modifier.apply!(nodes, ctx);
  return nodes;
}
