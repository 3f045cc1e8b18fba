import type { HamiltonModule, MethodSource } from '../builder/collect-methods.js';
import type { NodeDef } from '../graph/types.js';
import type { InnerGraph } from './subdag-inner.js';

/**
 * An inner graph built from plain methods (no modifiers, no mutators), kept for the other subdags
 * of the same modules in the same build: each of them has an instance of its own, and gets the
 * graph again with every computed node calling that instance. Nothing else depends on the instance,
 * so this is the graph a build from scratch would give.
 */
interface Template {
  /** The config the inner graph was built under (the outer config with the subdag's own over it). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly sources: readonly MethodSource[];
  readonly inner: InnerGraph;
}

/** The templates of the build being run, by the modules value given to the decorator. */
let templates: Map<HamiltonModule, Template[]> | undefined;

/**
 * Runs one graph build, whose subdags may share templates. Builds are synchronous, so the build
 * being run is the innermost call; a Driver made during a build starts a scope of its own.
 */
export function withSubdagTemplates<T>(build: () => T): T {
  const outer = templates;
  templates = new Map();
  try {
    return build();
  } finally {
    templates = outer;
  }
}

/** Keeps `inner` as a template when it was built from plain methods only. */
export function keepTemplate(
  modules: HamiltonModule,
  config: Template['config'],
  sources: readonly MethodSource[],
  inner: InnerGraph,
): void {
  if (!templates || !sources.every((s) => s.record.modifiers.length === 0 && !s.record.mutations)) return;
  for (const node of inner.nodes.values()) if (node.kind === 'function' && !sources.includes(node.origin?.code as MethodSource)) return;
  const kept = templates.get(modules);
  if (kept) kept.push({ config, sources, inner });
  else templates.set(modules, [{ config, sources, inner }]);
}

/** The inner graph of a template built from the same methods under the same config, calling `sources`' instances; else undefined. */
export function fromTemplate(
  modules: HamiltonModule,
  config: Template['config'],
  sources: readonly MethodSource[],
): InnerGraph | undefined {
  const template = templates?.get(modules)?.find((t) => sameRecord(t.config, config) && sameMethods(t.sources, sources));
  if (!template) return undefined;
  const nodes = new Map<string, NodeDef>();
  template.inner.nodes.forEach((node, name) => {
    // Config and external nodes hold no instance: they are shared, as every node is, read only.
    const at = node.kind === 'function' ? template.sources.indexOf(node.origin!.code as MethodSource) : -1;
    nodes.set(name, at < 0 ? node : rebound(node, sources[at]));
  });
  return { nodes, computed: template.inner.computed };
}

/** A method's node calling the method on `source`'s instance, as createFunctionNode makes it. */
function rebound(node: NodeDef, source: MethodSource): NodeDef {
  const { fn, instance } = source;
  return { ...node, call: (args) => fn.apply(instance, args), origin: { ...node.origin!, code: source } };
}

/** The same methods of the same modules: only the instances may differ. */
function sameMethods(a: readonly MethodSource[], b: readonly MethodSource[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.record !== y.record || x.fn !== y.fn || x.prototype !== y.prototype || x.method !== y.method) return false;
    if (x.className !== y.className || x.fromInstance !== y.fromInstance || x.moduleIndex !== y.moduleIndex) return false;
  }
  return true;
}

/** Same own keys with the same values (`Object.is`). */
export function sameRecord(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !Object.is(a[key], b[key])) return false;
  return true;
}
