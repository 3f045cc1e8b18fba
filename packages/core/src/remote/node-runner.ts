import type { HamiltonModule } from '../builder/collect-methods.js';
import { buildGraph } from '../builder/graph-builder.js';
import { argsOf } from '../execution/node-invoker.js';
import { HookSet } from '../lifecycle/hook-set.js';

/** Runs single nodes of a graph by name, outside any driver: what a worker of an engine needs. */
export interface NodeRunner {
  /** The computed node's dependency names in parameter order; `undefined` when no computed node has that name. */
  dependenciesOf(name: string): readonly string[] | undefined;
  /** `Class.method` that defines the computed node (as `Variable.origin` reads), if known. */
  originOf(name: string): string | undefined;
  /** Runs the node (modifiers applied) on dependency values by name; absent optional ones get their defaults. */
  run(name: string, kwargs: Readonly<Record<string, unknown>>): unknown;
}

/**
 * Builds the graph of `modules` under `config` with the same builder as the Driver (so `config.when`,
 * modifiers and every check apply alike; a `GraphBuildError` reports problems) and returns a runner of
 * its nodes. Several modules defining one node name are resolved as `allowModuleOverrides` does, the
 * later module winning, since a worker cannot know how the driver was told to resolve them.
 *
 * @example
 * const runner = buildNodeRunner(modulesOfExports(await import(url)), config);
 * runner.run('spendPerSignup', { spendUsd, signups });
 */
export function buildNodeRunner(modules: HamiltonModule, config: Readonly<Record<string, unknown>>): NodeRunner {
  const graph = buildGraph(modules, { ...config }, { allowModuleOverrides: true, hooks: new HookSet([]) });
  const computed = (name: string) => {
    const node = graph.nodes.get(name);
    return node?.kind === 'function' ? node : undefined;
  };
  return {
    dependenciesOf: (name) => computed(name)?.deps.map((d) => d.name),
    originOf: (name) => {
      const origin = computed(name)?.origin;
      return origin && `${origin.className}.${origin.method}`;
    },
    run: (name, kwargs) => {
      const node = computed(name);
      if (!node) throw new Error(`no computed node named "${name}"`);
      return node.call!(argsOf(node, kwargs));
    },
  };
}
