import { AsyncDriver, type BuildProblem, Driver, type GraphAdapter, GraphBuildError } from '@hamilton-ts/core';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { bindDriverSlot, fillDriverSlot } from './driver-slot.js';
import { DRIVER_SETTINGS, DRIVER_SLOT } from './hamilton.constants.js';
import { messages } from './hamilton.messages.js';
import { MODULE_OPTIONS_TOKEN } from './hamilton.module-definition.js';
import type { HamiltonAdapter, HamiltonModuleExtras, HamiltonModuleOptions } from './hamilton-options.interface.js';
import { PipelineExplorer } from './pipeline.explorer.js';

/**
 * One per imported `HamiltonModule`: builds its driver when the module initialises (so a graph
 * problem fails bootstrap) or on first use if that comes earlier (a testing module that was
 * compiled but not initialised), and closes its adapters when the module is destroyed.
 */
@Injectable()
export class DriverHost implements OnModuleInit, OnModuleDestroy {
  private adapters: GraphAdapter[] | undefined;
  private built = false;

  constructor(
    @Inject(MODULE_OPTIONS_TOKEN) private readonly options: HamiltonModuleOptions,
    @Inject(DRIVER_SETTINGS) private readonly settings: HamiltonModuleExtras,
    @Inject(DRIVER_SLOT) private readonly slot: Driver<unknown>,
    private readonly explorer: PipelineExplorer,
    private readonly moduleRef: ModuleRef,
  ) {
    bindDriverSlot(slot, () => this.build());
  }

  async onModuleInit(): Promise<void> {
    if (this.built) return;
    this.adapters = await Promise.all(adapterList(this.options).map((a) => this.resolveAdapter(a)));
    this.build();
  }

  async onModuleDestroy(): Promise<void> {
    const closable = (this.adapters ?? []).filter(
      (a): a is GraphAdapter & { close(): unknown } => typeof (a as { close?: unknown }).close === 'function',
    );
    await Promise.all(closable.map((a) => a.close()));
  }

  /** Builds the driver into its slot; synchronous, since a driver's first use may be synchronous. */
  build(): void {
    if (this.built) return;
    const { name, async } = this.settings;
    const { instances, problems } = this.explorer.explore(name, this.options.pipelines, this.options.modules !== undefined);
    this.adapters ??= adapterList(this.options).map((a) => this.findAdapter(a, problems));
    if (problems.length) throw new GraphBuildError(problems);
    const options = { adapter: this.adapters, allowModuleOverrides: this.options.allowModuleOverrides };
    const config = this.options.config ?? {};
    const modules = this.options.modules === undefined ? instances : [...instances, this.options.modules];
    const driver = async
      ? new AsyncDriver(config, modules, { ...options, maxConcurrency: this.options.maxConcurrency })
      : new Driver(config, modules, options);
    fillDriverSlot(this.slot, driver);
    this.built = true;
  }

  /** An adapter class: the provider if there is one, else a new instance made with injection. */
  private async resolveAdapter(adapter: HamiltonAdapter): Promise<GraphAdapter> {
    if (typeof adapter !== 'function') return adapter;
    const existing = this.existingProvider(adapter);
    if (existing) return existing;
    try {
      return await this.moduleRef.create(adapter);
    } catch (error) {
      throw new GraphBuildError([{ message: messages.adapterNotResolvable(adapter.name, this.settings.name, (error as Error).message) }]);
    }
  }

  /** Before initialisation only existing providers can be had: creating one is asynchronous. */
  private findAdapter(adapter: HamiltonAdapter, problems: BuildProblem[]): GraphAdapter {
    if (typeof adapter !== 'function') return adapter;
    const existing = this.existingProvider(adapter);
    if (!existing)
      problems.push({
        message: messages.adapterNotResolvable(
          adapter.name,
          this.settings.name,
          'it is not a provider, and the module was used before it initialised',
        ),
      });
    return existing ?? {};
  }

  private existingProvider(type: Type<GraphAdapter>): GraphAdapter | undefined {
    try {
      return this.moduleRef.get(type, { strict: false });
    } catch {
      return undefined;
    }
  }
}

function adapterList(options: HamiltonModuleOptions): HamiltonAdapter[] {
  const { adapter } = options;
  if (adapter === undefined) return [];
  return Array.isArray(adapter) ? [...adapter] : [adapter as HamiltonAdapter];
}
