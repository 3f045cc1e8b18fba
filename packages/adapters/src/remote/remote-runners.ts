import { buildNodeRunner, type ModuleClass, modulesOfExports, type NodeRunner } from '@hamilton-ts/core';
import { importModule } from './module-loader.js';
import { remoteMessages as text } from './remote-messages.js';

/** What a worker (thread or process) is told about the node it must run: names and facts, never code. */
export interface RemoteNode {
  /** File URLs of the pipeline modules the worker imports. */
  readonly modules: readonly string[];
  /** Classes the driver's graph takes its nodes from; `null`: every exported class with `@node` methods. */
  readonly classes: readonly string[] | null;
  /** Identifies the driver's config, so a worker builds one graph per driver and config. */
  readonly configKey: string;
  readonly node: string;
  /** `Class.method` that defines the node in the driver, if known. */
  readonly origin: string | undefined;
  /** The node's dependency names in parameter order, as the driver's graph has them. */
  readonly dependencies: readonly string[];
}

/** Graphs kept per worker; a worker serving many drivers drops the oldest beyond this. */
const MAX_GRAPHS = 256;

/**
 * The graphs a worker has built from its modules, one per driver config, and the checks that the node
 * it is asked to run is the driver's node. `place` names the modules in messages ("the thread modules").
 */
export class RemoteRunners {
  private readonly runners = new Map<string, Promise<NodeRunner>>();
  private readonly exportedClasses = new Set<string>();

  constructor(
    private readonly place: string,
    private readonly who: string,
  ) {}

  /** The runner of the driver's graph; `config` is only decoded when this worker has not built it yet. */
  runnerFor(
    task: RemoteNode,
    config: () => Readonly<Record<string, unknown>> | Promise<Readonly<Record<string, unknown>>>,
  ): Promise<NodeRunner> {
    const key = `${task.configKey}\n${task.classes?.join(',') ?? '*'}\n${task.modules.join('\n')}`;
    let runner = this.runners.get(key);
    if (!runner) {
      runner = this.build(task, config);
      this.runners.set(key, runner);
      runner.catch(() => this.runners.delete(key));
      if (this.runners.size > MAX_GRAPHS) this.runners.delete(this.runners.keys().next().value!);
    }
    return runner;
  }

  /** Throws when the worker's node is missing or is not the driver's (another origin, other dependencies). */
  check(runner: NodeRunner, task: RemoteNode): void {
    const dependencies = runner.dependenciesOf(task.node);
    if (!dependencies) throw new Error(text.notInModules(task.node, this.place, task.modules, this.missingClass(task)));
    const origin = runner.originOf(task.node);
    if (task.origin !== undefined && origin !== task.origin)
      throw new Error(text.originDiffers(task.node, this.place, task.modules, task.origin, origin));
    if (dependencies.length !== task.dependencies.length || dependencies.some((d, i) => d !== task.dependencies[i]))
      throw new Error(text.dependenciesDiffer(task.node, this.place, task.modules, task.dependencies, dependencies));
  }

  private async build(
    task: RemoteNode,
    config: () => Readonly<Record<string, unknown>> | Promise<Readonly<Record<string, unknown>>>,
  ): Promise<NodeRunner> {
    const namespaces = await Promise.all(
      task.modules.map((href) => importModule(href, (url, reason) => text.importFailed(url, this.who, reason))),
    );
    const classes: ModuleClass[] = [];
    for (const namespace of namespaces)
      for (const module of modulesOfExports(namespace)) {
        this.exportedClasses.add(module.name);
        if (!classes.includes(module) && (task.classes === null || task.classes.includes(module.name))) classes.push(module);
      }
    return buildNodeRunner(classes, await config());
  }

  /** The driver's class of the node, when no module of this worker exports it. */
  private missingClass(task: RemoteNode): string | undefined {
    const className = task.origin?.slice(0, task.origin.indexOf('.'));
    return className && !this.exportedClasses.has(className) ? className : undefined;
  }
}

/** Runs the node; a generator's items are collected, since a generator cannot be sent back. */
export async function runRemoteNode(runner: NodeRunner, node: string, kwargs: Readonly<Record<string, unknown>>): Promise<unknown> {
  const value = await runner.run(node, kwargs);
  return isIterator(value) ? Array.from(value) : value;
}

function isIterator(value: unknown): value is IterableIterator<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Iterator<unknown>).next === 'function' &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}
