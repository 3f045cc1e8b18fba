import type { HamiltonModule } from '../builder/collect-methods.js';
import { checkTestNodeArguments } from '../driver/check-arguments.js';
import { Driver } from '../driver/driver.js';
import type { NodeTypes } from '../driver/typed-outputs.js';
import { type InputProblem, InputValidationError } from '../errors/input-validation-error.js';
import { describeType, messages } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { Graph, NodeDef } from '../graph/types.js';
import type { GraphAdapter } from '../lifecycle/hooks.js';
import { boundaryEdges, testableNode } from './method-boundary.js';

/** Options of `testNode`. */
export interface TestNodeOptions {
  /** The config the module is built under (it chooses `config.when` variants). */
  readonly config?: Readonly<Record<string, unknown>>;
}

/**
 * Runs one node alone with the given dependency values, each type-checked against the parameter
 * it feeds. Nodes that the same method created for it (through modifiers) run too; every other
 * dependency must be in `values` (which may be left out for a node without dependencies).
 * The result is typed as the method's awaited return type where the module's types show it.
 *
 * @example
 * const perSignup = await testNode(SpendFeatures, 'spendPerSignup', { spendUsd, signups });
 */
export function testNode<const M extends HamiltonModule, const K extends string>(
  module: M,
  name: K,
  values?: Readonly<Record<string, unknown>>,
  options?: TestNodeOptions,
): Promise<(NodeTypes<M> & Record<string, unknown>)[K]>;
/** A type argument gives the node's type where the module's types cannot see it (renamed nodes, nodes made by modifiers). */
export function testNode<T>(
  module: HamiltonModule,
  name: string,
  values?: Readonly<Record<string, unknown>>,
  options?: TestNodeOptions,
): Promise<T>;
export async function testNode(
  module: HamiltonModule,
  name: string,
  values: Readonly<Record<string, unknown>> = {},
  options: TestNodeOptions = {},
): Promise<unknown> {
  checkTestNodeArguments(name, values, options);
  // Every value goes in as an override: checkBoundary checks it against the parameter it feeds,
  // whereas the driver's check would apply the type of the node it replaces (for an external
  // input, the narrowest type of every consumer in the module), so the driver accepts it as is.
  const driver = new Driver(options.config ?? {}, module, { adapter: new BoundaryChecked(values) });
  const target = testableNode(driver.graph, name);
  const problems = checkBoundary(driver.graph, target, values);
  if (problems.length) throw new InputValidationError(problems);
  const overrides = Object.fromEntries(Object.entries(values).filter(([key]) => driver.graph.nodes.has(key)));
  const result = await driver.rawExecute([name], { overrides });
  return result[name];
}

/** Checks the values crossing the method's boundary against the parameters they feed; names those missing. */
function checkBoundary(graph: Graph, target: NodeDef, values: Readonly<Record<string, unknown>>): InputProblem[] {
  const problems: InputProblem[] = [];
  const missing: string[] = [];
  for (const { consumer, dep, upstream } of boundaryEdges(graph, target, (name) => Object.hasOwn(values, name))) {
    if (Object.hasOwn(values, dep.name)) {
      if (!valueMatchesType(values[dep.name], dep.type))
        problems.push({
          input: dep.name,
          neededBy: [consumer.name],
          message: messages.inputType(dep.name, describeType(dep.type), values[dep.name], [consumer.name]),
        });
    } else if (upstream.kind !== 'config' && !dep.optional && !missing.includes(dep.name)) missing.push(dep.name);
  }
  if (missing.length)
    problems.push({ input: missing[0], neededBy: [target.name], message: messages.testNodeMissing(target.name, missing) });
  return problems;
}

/** Accepts the values testNode has checked itself; leaves anything else to the built-in check. */
class BoundaryChecked implements GraphAdapter {
  constructor(private readonly values: Readonly<Record<string, unknown>>) {}

  validateInput({ name }: { name: string }): boolean | undefined {
    return Object.hasOwn(this.values, name) ? true : undefined;
  }
}
