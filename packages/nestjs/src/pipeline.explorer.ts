import type { BuildProblem } from '@hamilton-ts/core';
import { Injectable, Scope, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import { messages, type PipelineScopeProblem } from './hamilton.messages.js';
import { Pipeline } from './pipeline.decorator.js';

/** The `@Pipeline()` instances a driver calls, or every problem that keeps it from having them. */
export interface ExploredPipelines {
  readonly instances: object[];
  readonly problems: BuildProblem[];
}

/** Finds the `@Pipeline()` providers of the whole application, once every provider exists. */
@Injectable()
export class PipelineExplorer {
  constructor(private readonly discovery: DiscoveryService) {}

  /** The pipelines of one driver: all of them, or those `listed`; scoped providers are problems. */
  explore(driverName: string | undefined, listed: readonly Type<object>[] | undefined, hasModules = false): ExploredPipelines {
    const wrappers = this.discovery.getProviders({ metadataKey: Pipeline.KEY }).filter((w) => !w.isAlias);
    const chosen = listed ? wrappers.filter((w) => listed.includes(w.metatype as Type<object>)) : wrappers;
    const problems: BuildProblem[] = [];
    for (const type of listed ?? [])
      if (!chosen.some((w) => w.metatype === type)) problems.push({ message: messages.listedPipelineNotFound(type.name, driverName) });
    const instances: object[] = [];
    for (const wrapper of chosen) {
      const scope = scopeProblem(wrapper);
      if (scope) problems.push({ message: messages.scopedPipeline(wrapper.name, scope, driverName) });
      else instances.push(wrapper.instance as object);
    }
    if (chosen.length === 0 && problems.length === 0 && !hasModules)
      problems.push({ message: messages.noPipelines(driverName, listed !== undefined) });
    return { instances, problems };
  }
}

function scopeProblem(wrapper: InstanceWrapper): PipelineScopeProblem | undefined {
  if (wrapper.isTransient) return 'transient';
  if (wrapper.isDependencyTreeStatic()) return undefined;
  return wrapper.scope === Scope.REQUEST ? 'request' : 'request-dependency';
}
