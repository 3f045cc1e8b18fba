// Loads the pipeline a command line names and builds its driver. The commands import this file on
// demand, so `hamilton-ts --help` and `worker` do not pay for loading the core (about 0.4 s).
import { fileURLToPath } from 'node:url';
import { importModule } from '@hamilton-ts/adapters/module-loader';
import { Driver, type GraphAdapter, type ModuleClass, modulesOfExports } from '@hamilton-ts/core';
import { CommandError } from '../command.js';
import type { PipelineArguments } from './arguments.js';
import { coerceInputs } from './coerce-inputs.js';
import { buildWithTypedConfig } from './typed-config.js';

/** A built driver and the inputs of the command line, both with values converted to the types its graph declares. */
export interface OpenPipeline {
  /** Its results are the default result builder's (an arquero table): `adapters` add no result builder. */
  readonly driver: Driver<unknown>;
  readonly inputs: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Imports the MODULE files, builds the driver over their node classes with `adapters`, and types the
 * config and the inputs. A file that fails to import or has no node class, or a config value that
 * does not convert to its declared type, is a CommandError naming it; a graph that cannot be built
 * throws the core's GraphBuildError.
 */
export async function openPipeline(args: PipelineArguments, prefix: string, adapters: readonly GraphAdapter[] = []): Promise<OpenPipeline> {
  const modules = await loadNodeClasses(args.modules, prefix);
  const driver = buildWithTypedConfig(
    (config) => buildDriver(modules, config, adapters),
    (config) => buildDriver(modules, config, []),
    args.config,
    prefix,
  );
  return { driver, inputs: args.inputs && coerceInputs(args.inputs, inputTypes(driver)) };
}

/**
 * The one place the pipeline commands construct their driver: an option that changes how a run goes
 * (the progress bar today, materializers later) passes its adapters here.
 */
export function buildDriver(
  modules: readonly ModuleClass[],
  config: Readonly<Record<string, unknown>>,
  adapters: readonly GraphAdapter[],
): Driver<unknown> {
  return new Driver(config, [...modules], { adapter: adapters });
}

/** The node classes each file exports, in the order given; a class exported by two files counts once. */
async function loadNodeClasses(modules: readonly URL[], prefix: string): Promise<ModuleClass[]> {
  const namespaces = await Promise.all(
    modules.map(async (url) => {
      try {
        return await importModule(url.href, (href, reason) => `${prefix}: cannot import MODULE ${fileURLToPath(href)}: ${reason}`);
      } catch (error) {
        throw new CommandError((error as Error).message);
      }
    }),
  );
  const classes: ModuleClass[] = [];
  namespaces.forEach((namespace, i) => {
    const found = modulesOfExports(namespace);
    if (found.length === 0)
      throw new CommandError(
        `${prefix}: MODULE ${fileURLToPath(modules[i]!)} exports no class with @node methods; export the pipeline classes (export class Features { @node() ... }) or give another file`,
      );
    for (const nodeClass of found) if (!classes.includes(nodeClass)) classes.push(nodeClass);
  });
  return classes;
}

/** Each external input's type, as the graph declares it. */
function inputTypes(driver: Driver<unknown>): (name: string) => Function | undefined {
  const types = new Map(driver.listAvailableVariables().flatMap((v) => (v.isExternalInput ? [[v.name, v.type] as const] : [])));
  return (name) => types.get(name);
}
