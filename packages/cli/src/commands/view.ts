// `hamilton-ts view`: the graph of a pipeline as DOT, Mermaid or SVG; with --outputs, what a run of
// those outputs would execute.
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from '@hamilton-ts/core';
import { parseOrUsageError } from '../arguments.js';
import { type Command, type CommandContext, CommandError, UsageError } from '../command.js';
import { PIPELINE_HELP, PIPELINE_OPTIONS, pipelineArguments } from '../pipeline/arguments.js';
import { PROGRAM } from '../usage.js';

const NAME = 'view';
const PREFIX = `${PROGRAM} ${NAME}`;
const EXAMPLE = `${PROGRAM} view examples/marketing/marketing-features.ts --format svg -o dag.svg`;
const FORMATS = ['dot', 'mermaid', 'svg'] as const;
type Format = (typeof FORMATS)[number];
/** The format a file name asks for when --format is not given. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, Format>> = { '.svg': 'svg', '.mmd': 'mermaid', '.mermaid': 'mermaid' };

/** `hamilton-ts view MODULE... [--format dot|mermaid|svg] [-o FILE] [--config JSON|FILE] [--outputs a,b [--inputs JSON|FILE]]` */
export const viewCommand: Command = {
  name: NAME,
  summary: 'Draw the graph of a pipeline, or what a run of some outputs executes (DOT, Mermaid, SVG)',
  synopsis: `${NAME} MODULE... [--format dot|mermaid|svg] [-o FILE] [--config JSON|FILE] [--outputs a,b [--inputs JSON|FILE]]`,
  help: `Builds the graph of the pipeline modules MODULE... and draws every node (displayAllFunctions), or with
--outputs the nodes a run of those outputs executes and the values it is fed (visualizeExecution),
checked as execute would check them. Nothing runs.

Options:
  --format dot|mermaid|svg
                        What to write (default: dot, or what the -o file name ends in: .svg, .mmd).
                        svg needs the package @viz-js/viz
  -o, --output FILE     Write to FILE instead of stdout
${PIPELINE_HELP.config}
${PIPELINE_HELP.outputs}
  --inputs JSON|FILE    With --outputs, the input values of that run, as execute takes them
  -h, --help            Show this help

${PIPELINE_HELP.module}

Example:
  ${EXAMPLE}`,
  run: runView,
};

async function runView(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseOrUsageError(() =>
    parseArgs({
      args: [...args],
      options: { ...PIPELINE_OPTIONS, format: { type: 'string' }, output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  const format = viewFormat(values.format, values.output);
  const pipeline = await pipelineArguments(values, positionals, context.cwd, EXAMPLE);
  if (pipeline.inputs && !pipeline.outputs)
    throw new UsageError(
      '--inputs draws a run, so it needs --outputs too; e.g. --outputs spendPerSignup, or leave --inputs out to draw the whole graph',
    );
  const { openPipeline } = await import('../pipeline/open-pipeline.js');
  const { driver, inputs } = await openPipeline(pipeline, PREFIX);
  const picture = await draw(driver, format, pipeline.outputs, inputs);
  const text = picture.endsWith('\n') ? picture : `${picture}\n`;
  if (values.output === undefined) context.stdout(text);
  else await writeOutput(resolve(context.cwd, values.output), values.output, text);
  return 0;
}

/** The whole graph, or the run of `outputs`; svg is rendered asynchronously (graphviz in wasm). */
function draw(
  driver: Driver<unknown>,
  format: Format,
  outputs: readonly string[] | undefined,
  inputs: Readonly<Record<string, unknown>> | undefined,
): string | Promise<string> {
  // Two calls per branch, as the overloads type svg apart from the text formats.
  if (format === 'svg') return outputs ? driver.visualizeExecution(outputs, { format, inputs }) : driver.displayAllFunctions({ format });
  return outputs ? driver.visualizeExecution(outputs, { format, inputs }) : driver.displayAllFunctions({ format });
}

function viewFormat(format: string | undefined, output: string | undefined): Format {
  if (format === undefined) return (output !== undefined && FORMAT_OF_EXTENSION[extname(output).toLowerCase()]) || 'dot';
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UsageError(`--format ${JSON.stringify(format)} is not a format of view; give dot, mermaid or svg, e.g. --format mermaid`);
}

async function writeOutput(absolute: string, given: string, text: string): Promise<void> {
  try {
    await writeFile(absolute, text);
  } catch (error) {
    throw new CommandError(
      `${PREFIX}: cannot write -o ${JSON.stringify(given)} (${absolute}): ${(error as Error).message}; give a file in an existing, writable directory`,
    );
  }
}
