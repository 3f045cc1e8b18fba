import { describeType, messages, subdagMessages as text } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { Dependency, NodeDef } from '../graph/types.js';
import { ValueBinding } from './binding.js';
import type { ModifierContext } from './modifier.js';
import { buildInnerGraph, type CollectedMethods } from './subdag-inner.js';
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
  const inner = buildInnerGraph(plan.methods, options.config, ctx, label);
  if (!inner) return undefined;
  let problems = 0;
  const fail = (message: string): void => {
    problems++;
    ctx.report(message, output.name);
  };
  options.inputs.forEach((binding, name) => {
    const input = inner.nodes.get(name);
    if (!input || input.kind === 'function') fail(text.unknownInput(ctx.where, name, bindableNames(inner.nodes), label));
    else if (binding instanceof ValueBinding && !valueMatchesType(binding.value, input.returnType))
      fail(messages.boundValueType(ctx.where, `${label} inputs`, name, describeType(input.returnType), binding.value));
  });
  const external = externalDeps(output, options.externalInputs, (name) =>
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
    if (!external?.has(dep) && !inner.nodes.has(dep.name)) fail(text.unknownParameter(ctx.where, dep.param, inner.computed, label));
  if (problems) return undefined;
  const scope = namespaceSubdag(inner.nodes, plan.namespace, options.inputs, options.config, output.origin, plan.kind);
  const deps: Dependency[] = [];
  const roots: string[] = [];
  for (const dep of output.deps)
    if (external?.has(dep)) deps.push(dep);
    else {
      const name = scope.resolve(dep.name);
      deps.push({ ...dep, name });
      roots.push(name);
    }
  return { nodes: upstreamIn(scope.nodes, roots), deps };
}

/** The subdag's inputs that can be bound (its config and external nodes): for messages only. */
function bindableNames(inner: ReadonlyMap<string, NodeDef>): string[] {
  const names: string[] = [];
  for (const node of inner.values()) if (node.kind !== 'function') names.push(node.name);
  return names;
}

/**
 * The dependencies `externalInputs` names (by parameter or by dependency name), undefined when it
 * names none; a name matching no dependency is reported.
 */
function externalDeps(output: NodeDef, names: readonly string[] | undefined, unknown: (name: string) => void): Set<Dependency> | undefined {
  if (!names?.length) return undefined;
  const deps = new Set<Dependency>();
  for (const name of names) {
    const matching = output.deps.filter((d) => d.param === name || d.name === name);
    if (matching.length === 0) unknown(name);
    for (const dep of matching) deps.add(dep);
  }
  return deps;
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
