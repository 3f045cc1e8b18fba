import type { NodeDef } from '../graph/types.js';
import { compareModifiers, inApplyOrder, type Modifier, type ModifierContext } from '../modifiers/modifier.js';
import { applyMutations, type MutationIndex } from '../modifiers/mutations.js';
import type { MethodSource } from './collect-methods.js';
import { createFunctionNode } from './create-function-node.js';

/**
 * Where other methods' `@mutate` steps join a method's modifiers: in the transform phase after
 * `pipeOutput` (5), so they append to its chain, and before `checkOutput` (10), so validators see
 * the mutated value.
 */
const MUTATION_STEP: Pick<Modifier, 'phase' | 'order'> = { phase: 'transform', order: 6 };

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
  const modifiers = inApplyOrder(source.record.modifiers);
  // Every condition is asked, even after one fails, so each reports its own misuse.
  let included = true;
  for (const modifier of modifiers) if (modifier.phase === 'resolve' && !modifier.include!(ctx)) included = false;
  if (!included) return [];
  const base = createFunctionNode(source, where, report);
  if (!base) return [];
  let nodes = [base];
  let pending = mutations; // the build's @mutate steps, applied once, at their place in the order
  for (const modifier of modifiers) {
    if (modifier.phase === 'resolve') continue;
    if (pending && compareModifiers(MUTATION_STEP, modifier) < 0) {
      nodes = applyMutations(nodes, pending);
      pending = undefined;
    }
    nodes = modifier.apply!(nodes, ctx);
  }
  return pending ? applyMutations(nodes, pending) : nodes;
}
