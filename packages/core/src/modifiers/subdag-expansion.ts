import { addExternalNodes } from '../builder/add-external-nodes.js';
import { assembleNodes } from '../builder/assemble-nodes.js';
import { collectMethods, type HamiltonModule, type MethodSource } from '../builder/collect-methods.js';
import { describeType, messages, subdagMessages as text } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { Dependency, NodeDef } from '../graph/types.js';
import { ValueBinding } from './binding.js';
import type { ModifierContext } from './modifier.js';
import { namespaceSubdag, upstreamIn } from './subdag-namespace.js';
import type { ParsedSubdagOptions } from './subdag-options.js';

/** One subdag to build for a method's node: what `subdag` gives once and `parameterizedSubdag` once per entry. */
export interface SubdagPlan {
  /** The subdag's methods, collected once per method (see `collectSubdagMethods`). */
  readonly methods: CollectedMethods;
  readonly options: ParsedSubdagOptions;
  readonly namespace: string;
  /** The modifier, recorded as the origin of the subdag's nodes. */
  readonly kind: string;
  /** The use, for messages: `@subdag` or `@parameterizedSubdag entry "v1"`. */
  readonly label: string;
}

/** The subdag's nodes that the method's node needs, and that node's dependencies rewritten to read them. */
export interface ExpandedSubdag {
  readonly nodes: NodeDef[];
  readonly deps: Dependency[];
}

/**
 * Builds the subdag's methods as a node set of their own (config merged over the outer config), checks the
 * input bindings and the method's parameters against it, and namespaces it. A parameter listed in
 * `externalInputs` keeps reading the outer graph by its own name; every other parameter must name a
 * subdag node. Undefined after reporting, when anything is wrong.
 */
export function expandSubdag(output: NodeDef, plan: SubdagPlan, ctx: ModifierContext): ExpandedSubdag | undefined {
  const { options, label } = plan;
  let problems = 0;
  const innerReport = (message: string, node?: string): void => {
    problems++;
    ctx.report(text.inner(ctx.where, message, label), node);
  };
  const fail = (message: string): void => {
    problems++;
    ctx.report(message, output.name);
  };
  if (!plan.methods.ok) problems++;
  const config = { ...ctx.config, ...options.config };
  const inner = assembleNodes(plan.methods.sources, config, false, innerReport);
  const computed = [...inner.values()].filter((n) => n.kind === 'function').map((n) => n.name);
  addExternalNodes(inner, config, innerReport);
  if (problems) return undefined;
  const bindable = [...inner.values()].filter((n) => n.kind !== 'function').map((n) => n.name);
  for (const [name, binding] of options.inputs) {
    const input = inner.get(name);
    if (!input || input.kind === 'function') fail(text.unknownInput(ctx.where, name, bindable, label));
    else if (binding instanceof ValueBinding && !valueMatchesType(binding.value, input.returnType))
      fail(messages.boundValueType(ctx.where, `${label} inputs`, name, describeType(input.returnType), binding.value));
  }
  const external = externalDeps(output, options.externalInputs ?? [], (name) =>
    fail(
      text.unknownExternalInput(
        ctx.where,
        name,
        output.deps.map((d) => d.param),
        label,
      ),
    ),
  );
  for (const dep of output.deps)
    if (!external.has(dep) && !inner.has(dep.name)) fail(text.unknownParameter(ctx.where, dep.param, computed, label));
  if (problems) return undefined;
  const scope = namespaceSubdag(inner, plan.namespace, options.inputs, options.config, output.origin, plan.kind);
  const deps = output.deps.map((d) => (external.has(d) ? d : { ...d, name: scope.resolve(d.name) }));
  const roots = deps.filter((_, i) => !external.has(output.deps[i])).map((d) => d.name);
  return { nodes: upstreamIn(scope.nodes, roots), deps };
}

/** The dependencies `externalInputs` names (by parameter or by dependency name); a name matching none is reported. */
function externalDeps(output: NodeDef, names: readonly string[], unknown: (name: string) => void): Set<Dependency> {
  const deps = new Set<Dependency>();
  for (const name of names) {
    const matching = output.deps.filter((d) => d.param === name || d.name === name);
    if (matching.length === 0) unknown(name);
    for (const dep of matching) deps.add(dep);
  }
  return deps;
}

/** A subdag's methods, and whether collecting them reported a problem (a value that is not a module). */
export interface CollectedMethods {
  readonly sources: readonly MethodSource[];
  readonly ok: boolean;
}

/**
 * Collects the subdag's methods, once for all the subdags of a method (`parameterizedSubdag` builds one
 * per entry): a bad module is reported once, prefixed with `label`.
 */
export function collectSubdagMethods(modules: HamiltonModule, ctx: ModifierContext, label: string): CollectedMethods {
  let ok = true;
  const sources = collectMethods(modules, (message) => {
    ok = false;
    ctx.report(text.inner(ctx.where, message, label));
  });
  return { sources, ok };
}

/** Subdags being built right now, to catch one that contains itself. */
const building = new Set<object>();

/** Runs `build` for `modifier` unless that modifier is already being built (a subdag inside itself): then undefined. */
export function buildOnce<T>(modifier: object, build: () => T): T | undefined {
  if (building.has(modifier)) return undefined;
  building.add(modifier);
  try {
    return build();
  } finally {
    building.delete(modifier);
  }
}
