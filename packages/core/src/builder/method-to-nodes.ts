import type { NodeDef } from '../graph/types.js';
import { MODIFIER_PHASES, type Modifier, type ModifierContext } from '../modifiers/modifier.js';
import { applyMutations, type MutationIndex } from '../modifiers/mutations.js';
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
  mutations?: MutationIndex,
): NodeDef[] {
  const where = `${source.className}.${source.method}`;
  if (source.record.modifiers.length === 0) {
    // Most methods have no modifiers: no phases to sort and no context to build (a hot path at 100k nodes).
    const base = createFunctionNode(source, where, report);
    return !base ? [] : mutations?.has(base.name) ? applyMutations([base], mutations) : [base];
  }
  const ctx: ModifierContext = { config, where, instance: source.instance, method: source.fn, report };
  const own = mutations ? [...source.record.modifiers, mutationStep(mutations)] : source.record.modifiers;
  const modifiers = [...own].sort((a, b) => MODIFIER_PHASES.indexOf(a.phase) - MODIFIER_PHASES.indexOf(b.phase) || a.order - b.order);
  const included = modifiers.filter((m) => m.phase === 'resolve').map((m) => m.include!(ctx));
  if (!included.every(Boolean)) return [];
  const base = createFunctionNode(source, where, (m) => report(m));
  if (!base) return [];
  let nodes = [base];
  for (const modifier of modifiers) if (modifier.phase !== 'resolve') nodes = modifier.apply!(nodes, ctx);
  return nodes;
}

/**
 * Other methods' `@mutate` steps, as a transform of this method's nodes: after `pipeOutput` (5), so
 * they append to its chain, and before `checkOutput` (10), so validators see the mutated value.
 */
function mutationStep(mutations: MutationIndex): Modifier {
  return { phase: 'transform', order: 6, kind: 'mutate', apply: (nodes) => applyMutations(nodes, mutations) };
}
