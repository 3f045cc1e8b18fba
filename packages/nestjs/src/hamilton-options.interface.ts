import type { GraphAdapter, HamiltonModule as HamiltonModules } from '@hamilton-ts/core';
import type { Type } from '@nestjs/common';

/**
 * An adapter of a Nest-managed driver: an adapter object, or an adapter class that Nest creates
 * with dependency injection (so it can inject a logger), or finds when it is already a provider.
 */
export type HamiltonAdapter = GraphAdapter | Type<GraphAdapter>;

/** The options of `HamiltonModule.forRoot(...)`, or what the factory of `forRootAsync(...)` returns. */
export interface HamiltonModuleOptions {
  /** The driver's config: it feeds same-named parameters and chooses `config.when` variants. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** One adapter or several: lifecycle adapters, an engine, at most one result builder. */
  readonly adapter?: HamiltonAdapter | readonly HamiltonAdapter[];
  /** Only these `@Pipeline()` classes join this driver's DAG; by default every one in the application does. */
  readonly pipelines?: readonly Type<object>[];
  /**
   * Plain modules (classes, or instances) added to the DAG beside the pipelines, for nodes that need
   * no injection. A class given here can run on the worker-threads engine, which imports the module
   * by URL and cannot take a Nest-managed instance's state with it.
   */
  readonly modules?: HamiltonModules;
  /** With `async: true`, how many nodes may be awaited at once (default: unlimited). */
  readonly maxConcurrency?: number;
  /** When two pipelines define the same node, the later one wins instead of failing bootstrap. */
  readonly allowModuleOverrides?: boolean;
}

/** What is fixed when the module is imported, for `forRoot` and `forRootAsync` alike. */
export interface HamiltonModuleExtras {
  /** Several drivers need a name each; inject one with `@InjectDriver(name)`. Unnamed: inject `Driver`. */
  readonly name?: string;
  /** An `AsyncDriver` (independent async nodes run concurrently), injectable as `AsyncDriver` when unnamed. */
  readonly async?: boolean;
  /** Registers the module globally, so every module can inject the driver. */
  readonly isGlobal?: boolean;
}
