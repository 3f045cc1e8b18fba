import type { GraphView, Variable } from '@hamilton-ts/core';
import type { PlannedNode } from '../store/records.js';

const TYPE_LABELS = new Map<unknown, string>([
  [Number, 'number'],
  [String, 'string'],
  [Boolean, 'boolean'],
  [BigInt, 'bigint'],
  [Symbol, 'symbol'],
  [Object, 'any'],
]);

/** The name of a node's type as the page shows it: `number`, `Float64Array`, `any`, ... */
export function typeLabel(type: Function | undefined): string {
  return TYPE_LABELS.get(type) ?? (type?.name || 'any');
}

/** What a run was given: values that stand for nodes (inputs, overrides) and the graph's config. */
export interface RunFeeds {
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly outputs: readonly string[];
}

// Plans are cached by the driver and hand the same `plannedNodes` list to every run of one shape
// (same outputs, same input and override names), so the nodes are described once per shape.
const described = new WeakMap<readonly string[], readonly PlannedNode[]>();

/**
 * The nodes of a run, as planned: every computed node it will run, then the values it is given that
 * they read (inputs, overrides, config), marked `isInput`. An optional input that was not given is left out.
 */
export function describePlannedNodes(graph: GraphView, plannedNodes: readonly string[], feeds: RunFeeds): readonly PlannedNode[] {
  let nodes = described.get(plannedNodes);
  if (!nodes) {
    nodes = Object.freeze(describe(graph, plannedNodes, feeds));
    described.set(plannedNodes, nodes);
  }
  return nodes;
}

function describe(graph: GraphView, plannedNodes: readonly string[], feeds: RunFeeds): PlannedNode[] {
  const planned = new Set(plannedNodes);
  const given = (name: string) =>
    (Object.hasOwn(feeds.inputs, name) && feeds.inputs[name] !== undefined) ||
    Object.hasOwn(feeds.overrides, name) ||
    Object.hasOwn(graph.config, name);
  const nodes: PlannedNode[] = [];
  const fed = new Set<string>();
  const feed = (name: string) => {
    if (planned.has(name) || fed.has(name) || !given(name)) return;
    fed.add(name);
    const variable = graph.get(name);
    // Given, not computed: nothing upstream of it is part of the run.
    const base = variable ? describeVariable(variable) : { name, type: 'any', doc: '', tags: {} };
    nodes.push({ ...base, dependencies: [], isInput: true });
  };
  for (const name of plannedNodes) {
    const variable = graph.get(name);
    if (!variable) continue;
    nodes.push(describeVariable(variable));
  }
  const computed = nodes.length;
  for (let i = 0; i < computed; i++) for (const dep of nodes[i].dependencies) feed(dep);
  for (const output of feeds.outputs) feed(output);
  // An optional dependency nobody gave is no node of the run: no edge to it.
  const names = new Set(nodes.map((n) => n.name));
  for (let i = 0; i < computed; i++)
    if (!nodes[i].dependencies.every((d) => names.has(d)))
      nodes[i] = { ...nodes[i], dependencies: nodes[i].dependencies.filter((d) => names.has(d)) };
  return nodes;
}

function describeVariable(variable: Variable): PlannedNode {
  const dependencies = variable.optionalDependencies.length
    ? [...variable.requiredDependencies, ...variable.optionalDependencies]
    : variable.requiredDependencies;
  return {
    name: variable.name,
    type: typeLabel(variable.type),
    doc: variable.documentation,
    tags: variable.tags,
    dependencies,
    ...(variable.origin ? { location: variable.origin } : {}),
  };
}
