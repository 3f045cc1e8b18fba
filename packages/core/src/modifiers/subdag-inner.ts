import { addExternalNodes } from '../builder/add-external-nodes.js';
import { assembleNodes } from '../builder/assemble-nodes.js';
import { collectMethods, type HamiltonModule, type MethodSource } from '../builder/collect-methods.js';
import { subdagMessages as text } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import type { ModifierContext } from './modifier.js';
import { fromTemplate, keepTemplate, sameRecord } from './subdag-template.js';

/** A subdag's modules built as a node set of their own: computed, config and external nodes. */
export interface InnerGraph {
  /** Read only: every use namespaces copies of these nodes. */
  readonly nodes: ReadonlyMap<string, NodeDef>;
  /** Names of the computed nodes, for messages. */
  readonly computed: readonly string[];
}

/**
 * A subdag's methods, collected once for all the subdags of a method (`parameterizedSubdag` builds one
 * per entry), so they share one instance of each module; and the inner graphs already built from them.
 */
export interface CollectedMethods {
  /** The modules as the decorator was given them. */
  readonly modules: HamiltonModule;
  readonly sources: readonly MethodSource[];
  /** False when collecting them reported a problem (a value that is not a module). */
  readonly ok: boolean;
  /** Inner graphs built without a problem, by the subdag config they were built under. */
  readonly built: Array<{ readonly config: Readonly<Record<string, unknown>>; readonly inner: InnerGraph }>;
}

/** Collects the subdag's methods; a bad module is reported once, prefixed with `label`. */
export function collectSubdagMethods(modules: HamiltonModule, ctx: ModifierContext, label: string): CollectedMethods {
  let ok = true;
  const sources = collectMethods(modules, (message) => {
    ok = false;
    ctx.report(text.inner(ctx.where, message, label));
  });
  return { modules, sources, ok, built: [] };
}

/**
 * The methods built as a node set of their own, with `config` merged over the outer config; inner
 * problems are reported prefixed with `label`, and then the result is undefined. Entries of one
 * method whose configs are equal share one build: same instance, same config, same nodes (config
 * conditions are functions of the config). Other subdags of the same plain modules in this build
 * share it as a template, rebound to their own instance. Only a build without problems is shared,
 * so every use of a broken subdag still reports under its own label.
 */
export function buildInnerGraph(
  methods: CollectedMethods,
  config: Readonly<Record<string, unknown>>,
  ctx: ModifierContext,
  label: string,
): InnerGraph | undefined {
  for (const earlier of methods.built) if (sameRecord(earlier.config, config)) return earlier.inner;
  const merged = { ...ctx.config, ...config };
  const shared = methods.ok ? fromTemplate(methods.modules, merged, methods.sources) : undefined;
  const inner = shared ?? buildAlone(methods, merged, ctx, label);
  if (!inner) return undefined;
  methods.built.push({ config, inner });
  if (!shared) keepTemplate(methods.modules, merged, methods.sources, inner);
  return inner;
}

/** The inner graph built from scratch; undefined after reporting its problems. */
function buildAlone(
  methods: CollectedMethods,
  config: Readonly<Record<string, unknown>>,
  ctx: ModifierContext,
  label: string,
): InnerGraph | undefined {
  let problems = methods.ok ? 0 : 1;
  const report = (message: string, node?: string): void => {
    problems++;
    ctx.report(text.inner(ctx.where, message, label), node);
  };
  const nodes = assembleNodes(methods.sources, config, false, report);
  const computed: string[] = [];
  for (const node of nodes.values()) if (node.kind === 'function') computed.push(node.name);
  addExternalNodes(nodes, config, report);
  return problems ? undefined : { nodes, computed };
}
