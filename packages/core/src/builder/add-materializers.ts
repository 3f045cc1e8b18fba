import type { NodeDef } from '../graph/types.js';
import { loaderNode, saverNode } from '../materialize/io-node.js';
import type { Materializer } from '../materialize/io-spec.js';

/**
 * Adds the nodes of `dr.materialize`'s loaders and savers to the modules' nodes. A loader's target
 * must be a name the modules leave unproduced (it feeds that input); a saver's id must be new.
 */
export function addMaterializers(
  nodes: Map<string, NodeDef>,
  materializers: readonly Materializer[],
  report: (message: string, node?: string) => void,
): void {
  const added = new Set<string>();
  for (const [index, materializer] of materializers.entries()) {
    const name = materializer.role === 'loader' ? materializer.target : materializer.id;
    const label = describe(materializer, index, name);
    const problem = nameProblem(materializer, name, added, nodes);
    if (problem) {
      report(`${label}: ${problem}`, typeof name === 'string' ? name : undefined);
      continue;
    }
    added.add(name);
    const made = materializer.role === 'loader' ? loaderNode(materializer, name) : saverNode(materializer, name);
    for (const message of made.problems) report(`${label}: ${message}`, name);
    if (made.node) nodes.set(name, made.node);
  }
}

function nameProblem(
  materializer: Materializer,
  name: unknown,
  added: ReadonlySet<string>,
  nodes: ReadonlyMap<string, NodeDef>,
): string | undefined {
  const field = materializer.role === 'loader' ? 'target' : 'id';
  if (typeof name !== 'string' || name === '') return `${field} ${JSON.stringify(name)} is not a node name; give a non-empty string`;
  if (added.has(name)) return `another materializer already makes a node "${name}"; give each its own ${field}`;
  if (!nodes.has(name)) return undefined;
  return materializer.role === 'loader'
    ? `target "${name}" is computed by the modules; a loader feeds an input, so name one the modules leave unproduced (or override the node instead)`
    : `id "${name}" is already a node of the modules; give the saver another id`;
}

function describe(materializer: Materializer, index: number, name: unknown): string {
  const node = typeof name === 'string' && name !== '' ? `, node "${name}"` : '';
  return `materializer #${index} (${materializer.role === 'loader' ? 'from' : 'to'}.${materializer.format}${node})`;
}
