import { HamiltonError } from '@hamilton-ts/result-builders';
import type { HamiltonModule } from '../builder/collect-methods.js';
import { Driver } from '../driver/driver.js';
import { narrowerType } from '../graph/type-compat.js';
import { boundaryEdges, testableNode } from './method-boundary.js';
import type { TestNodeOptions } from './test-node.js';
import { testingMessages } from './testing-messages.js';

/** One value `testNode` needs for a node. */
export interface NodeInput {
  readonly name: string;
  /** The parameter's `design:paramtypes` constructor (e.g. `Float64Array`); `Object` means any value. */
  readonly type: Function;
  /** True when every parameter it feeds has a default, so it may be left out. */
  readonly optional: boolean;
}

/**
 * The values `testNode(module, name, values, options)` needs: the dependencies of the node and of
 * the nodes its own method made for it (by modifiers), as testNode checks them. Values that
 * `options.config` supplies are not listed. Throws `UnknownNodeError` for a name that is not a
 * computed node, as testNode does.
 *
 * @example
 * inputsOf(SpendFeatures, 'spendPerSignup');
 * // [{ name: 'spendUsd', type: Float64Array, optional: false }, { name: 'signups', type: Float64Array, optional: false }]
 */
export function inputsOf(module: HamiltonModule, name: string, options: TestNodeOptions = {}): NodeInput[] {
  if (typeof name !== 'string') throw new HamiltonError(testingMessages.inputsOfName(name));
  const { graph } = new Driver(options.config ?? {}, module);
  const inputs = new Map<string, NodeInput>();
  for (const { dep, upstream } of boundaryEdges(graph, testableNode(graph, name), () => false)) {
    if (upstream.kind === 'config') continue;
    const seen = inputs.get(dep.name);
    // Several parameters may read one value: it must fit the narrowest, and is optional only if all are.
    const type = seen ? (narrowerType(seen.type, dep.type) ?? seen.type) : dep.type;
    inputs.set(dep.name, { name: dep.name, type: type ?? Object, optional: (seen?.optional ?? true) && dep.optional });
  }
  return [...inputs.values()];
}
