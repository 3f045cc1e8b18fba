import type { MethodSource } from '../builder/collect-methods.js';
import { createFunctionNode, nodeNameOf } from '../builder/create-function-node.js';
import { mutateMessages as text } from '../errors/messages.js';
import { closeMatches } from '../graph/close-matches.js';
import { derivedOrigin } from '../graph/derived-origin.js';
import type { CodeOrigin, NodeDef } from '../graph/types.js';
import { ParameterBinder } from './bind-parameters.js';
import { isPlainRecord } from './binding.js';
import { ConfigConditionModifier } from './config-condition.modifier.js';
import type { ModifierContext } from './modifier.js';
import { MutateTarget } from './mutate-target.js';
import { chainEnd, chainStart } from './step-chain.js';

/** One mutator applied to one target: its step node, still reading its own first parameter. */
interface Mutation {
  readonly where: string;
  readonly step: NodeDef;
  /** Step node name, given the target's name. */
  readonly nameFor: (target: string) => string;
  applied: boolean;
}

/** Target node name → the mutations to apply to it, in declaration order. */
export type MutationIndex = ReadonlyMap<string, readonly Mutation[]>;

/**
 * Reads every `@mutate` method of `sources`, for this config: which targets it applies to, with
 * which bindings. Misuse is reported; a mutator or target whose config condition fails is left out.
 */
export function collectMutations(
  sources: readonly MethodSource[],
  config: Readonly<Record<string, unknown>>,
  report: (message: string, node?: string) => void,
): Map<string, Mutation[]> {
  const index = new Map<string, Mutation[]>();
  for (const source of sources) {
    if (!source.record.mutations) continue;
    const where = `${source.className}.${source.method}`;
    const ctx: ModifierContext = { config, where, instance: source.instance, method: source.fn, report };
    const { modifiers } = source.record;
    const unsupported = modifiers.filter((m) => m.phase !== 'resolve').map((m) => m.kind);
    if (unsupported.length) report(text.unsupportedModifier(where, [...new Set(unsupported)]));
    const included = modifiers.length === 0 || modifiers.filter((m) => m.phase === 'resolve').every((m) => m.include!(ctx));
    const base = createFunctionNode(source, where, report);
    if (!base || unsupported.length || !included) continue;
    if (base.deps.length === 0) {
      report(text.noParameter(where));
      continue;
    }
    const origin = derivedOrigin(base.origin!, 'mutate', mutatorCode(source));
    const binder = new ParameterBinder(base);
    for (const args of source.record.mutations)
      for (const m of mutationsOf(args, base, binder, nodeNameOf(source), ctx))
        push(index, m.target, { ...m.mutation, step: { ...m.mutation.step, origin } });
  }
  return index;
}

/** The targets of one `@mutate(...)`, each with its bound step. */
function mutationsOf(
  args: readonly unknown[],
  base: NodeDef,
  binder: ParameterBinder,
  method: string,
  ctx: ModifierContext,
): Array<{ target: string; mutation: Mutation }> {
  const last = args.at(-1);
  const shared = isPlainRecord(last) ? last : undefined;
  const targets = shared ? args.slice(0, -1) : args;
  if (targets.length === 0) ctx.report(text.noTargets(ctx.where));
  const found: Array<{ target: string; mutation: Mutation }> = [];
  for (let i = 0; i < targets.length; i++) {
    const entry = targets[i];
    // A plain name is a target without settings of its own: no MutateTarget to make for it.
    const spec = entry instanceof MutateTarget ? entry : undefined;
    const target = spec ? spec.target : entry;
    if (typeof target !== 'string' || target === '') {
      ctx.report(text.badTarget(ctx.where, i, target));
      continue;
    }
    const where = `${ctx.where} (@mutate of "${target}")`;
    if (spec && !spec.conditions.every((c) => new ConfigConditionModifier(c.test, c.values).include({ ...ctx, where }))) continue;
    const bindings = spec?.bindings ?? shared ?? {};
    const piped = base.deps[0].param;
    if (isPlainRecord(bindings) && Object.hasOwn(bindings, piped)) {
      ctx.report(text.firstParameterBound(where, piped), target);
      continue;
    }
    const step = binder.bind(bindings, { where: ctx.where, label: `@mutate of "${target}"`, report: (m) => ctx.report(m, target) });
    const nameFor = spec ? stepName(spec, method, ctx) : (name: string) => `${name}.${method}`;
    if (step && nameFor) found.push({ target, mutation: { where: ctx.where, step, nameFor, applied: false } });
  }
  return found;
}

/** How the step is named for a target: `${target}.${method}` by default, or as `.named(name, namespace)` says. */
function stepName(spec: MutateTarget, method: string, ctx: ModifierContext): ((target: string) => string) | undefined {
  const { name, namespace } = spec;
  if (name !== undefined && (typeof name !== 'string' || name === '' || name.endsWith('__')))
    return void ctx.report(text.badStepName(ctx.where, name));
  if (namespace !== undefined && namespace !== true && (typeof namespace !== 'string' || namespace === ''))
    return void ctx.report(text.badNamespace(ctx.where, 'mutate', namespace, true));
  if (name === undefined) return (target) => `${target}.${method}`;
  if (namespace === undefined) return () => name;
  return (target) => `${namespace === true ? target : namespace}.${name}`;
}

/**
 * Appends the mutations of each targeted node to its output chain (after any `pipeOutput` steps):
 * `x` → `x.raw`, one step per mutator, then `x` as the chain's end typed as the last mutator returns.
 */
export function applyMutations(nodes: NodeDef[], index: MutationIndex): NodeDef[] {
  if (!targetsAny(nodes, index)) return nodes;
  const result: NodeDef[] = [];
  for (const node of nodes) {
    const mutations = index.get(node.name);
    if (mutations) result.push(...mutatedChain(node, mutations));
    else result.push(node);
  }
  return result;
}

/** `node` as `${node}.raw` (or its existing chain), one step per mutation, and the chain's end under its name. */
function mutatedChain(node: NodeDef, mutations: readonly Mutation[]): NodeDef[] {
  const start = chainStart(node);
  const chain = start.nodes;
  let head = start.head;
  let step: NodeDef | undefined;
  for (const m of mutations) {
    m.applied = true;
    const { deps } = m.step;
    step = { ...m.step, name: m.nameFor(node.name), deps: [{ ...deps[0], name: head.name }, ...deps.slice(1)] };
    chain.push(step);
    head = { name: step.name, param: 'value', type: step.returnType, optional: false };
  }
  chain.push(chainEnd(node, head, step!.returnType));
  return chain;
}

/** Whether a mutation targets one of `nodes`: asked for every modified method of a graph with mutators. */
function targetsAny(nodes: readonly NodeDef[], index: MutationIndex): boolean {
  for (let i = 0; i < nodes.length; i++) if (index.has(nodes[i].name)) return true;
  return false;
}

/** Reports mutations whose target no node of the graph has. */
export function reportUnappliedMutations(
  index: MutationIndex,
  names: Iterable<string>,
  report: (message: string, node?: string) => void,
): void {
  let known: string[] | undefined; // listed for close matches only when a target is unknown
  for (const [target, mutations] of index)
    for (const m of mutations) {
      if (m.applied) continue;
      known ??= [...names];
      report(text.unknownTarget(m.where, target, closeMatches(target, known)), target);
    }
}

function push(index: Map<string, Mutation[]>, target: string, mutation: Mutation): void {
  const list = index.get(target);
  if (list) list.push(mutation);
  else index.set(target, [mutation]);
}

// The cache's code version hashes a node's method and its record's modifiers; a mutator's targets
// and bindings live beside them, so they join the record it sees. One object per mutator, hashed once.
const codeOrigins = new WeakMap<MethodSource['record'], CodeOrigin>();
function mutatorCode(source: MethodSource): CodeOrigin {
  let code = codeOrigins.get(source.record);
  if (!code) {
    code = { fn: source.fn, record: { modifiers: [...source.record.modifiers, { kind: 'mutate', targets: source.record.mutations }] } };
    codeOrigins.set(source.record, code);
  }
  return code;
}
