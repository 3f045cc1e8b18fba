// The command line shared by list, view, validate and execute: MODULE... and the options that shape
// the graph and the run. Each command adds options of its own to PIPELINE_OPTIONS.
import { extname } from 'node:path';
import { existingModuleFiles } from '../arguments.js';
import { UsageError } from '../command.js';
import { type JsonOption, readJsonObject } from './json-option.js';

/** util.parseArgs options of every pipeline command; --outputs may be repeated, its lists are joined. */
export const PIPELINE_OPTIONS = {
  config: { type: 'string' },
  inputs: { type: 'string' },
  outputs: { type: 'string', multiple: true },
} as const;

export const CONFIG: JsonOption = { flag: '--config', example: '{"region": "EU"}' };
export const INPUTS: JsonOption = { flag: '--inputs', example: '{"spend": [10, 20, 30]}' };
const OUTPUTS_EXAMPLE = '--outputs spendPerSignup,spendMean';

/** Help lines of the shared options and of MODULE, for each command's --help. */
export const PIPELINE_HELP = {
  config: `  --config JSON|FILE    Config, a JSON object inline or in a file: its keys drive config.when and
                        replace same-named nodes. A value a node takes as a typed array, a Date or a
                        bigint is converted as --inputs are`,
  inputs: `  --inputs JSON|FILE    Input values, a JSON object inline or in a file. An array of numbers given to
                        an input typed Float64Array (or another typed array) becomes one, and an ISO
                        string given to a Date input becomes a Date`,
  outputs: '  --outputs a,b         Nodes to compute, comma-separated; may be given more than once',
  module: `MODULE is a .ts or .js file, absolute or relative to the current directory; every exported class with
@node methods joins the graph. .ts files are compiled with the project's tsconfig.json (they need the
package "typescript").`,
};

/** What the shared part of a pipeline command line says, checked. */
export interface PipelineArguments {
  /** The MODULE files, as file URLs. */
  readonly modules: readonly URL[];
  /** As parsed from JSON: the graph's types are applied while it is built (see typed-config.ts). */
  readonly config: Readonly<Record<string, unknown>>;
  /** As parsed from JSON: the graph's types are applied once it is built (see coerce-inputs.ts). */
  readonly inputs: Readonly<Record<string, unknown>> | undefined;
  /** Undefined when --outputs is absent. */
  readonly outputs: readonly string[] | undefined;
}

/** The parsed values of PIPELINE_OPTIONS. */
export interface PipelineValues {
  config?: string;
  inputs?: string;
  outputs?: string[];
}

/** Checks the shared options and the MODULE files; relative paths resolve against `cwd`. */
export async function pipelineArguments(
  values: PipelineValues,
  positionals: readonly string[],
  cwd: string,
  example: string,
): Promise<PipelineArguments> {
  for (const path of positionals)
    if (!MODULE_EXTENSIONS.has(extname(path)))
      throw new UsageError(`MODULE ${JSON.stringify(path)} is not a .ts or .js file; give the path of a pipeline module, e.g. ${example}`);
  const modules = await existingModuleFiles(positionals, cwd, example);
  return {
    modules,
    config: (await readJsonObject(values.config, CONFIG, cwd)) ?? {},
    inputs: await readJsonObject(values.inputs, INPUTS, cwd),
    outputs: outputList(values.outputs),
  };
}

/** The node names of every --outputs, in order, each once; a list naming none is a usage error. */
export function outputList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  if (names.every((name) => name === ''))
    throw new UsageError(`--outputs ${JSON.stringify(values.join(','))} names no node; give node names, e.g. ${OUTPUTS_EXAMPLE}`);
  return [...new Set(names.filter((name) => name !== ''))];
}

/** The outputs, or a UsageError for a command that cannot do without them. */
export function requiredOutputs(outputs: readonly string[] | undefined, command: string): readonly string[] {
  if (outputs === undefined)
    throw new UsageError(`${command} needs --outputs, the nodes to compute; e.g. ${OUTPUTS_EXAMPLE} (\`hamilton-ts list\` shows them)`);
  return outputs;
}

// ES modules Node can import, TypeScript through the project's loader.
const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);
