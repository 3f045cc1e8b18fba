// `hamilton-ts list`: the nodes of a pipeline, one row each, without running anything.
import { parseArgs } from 'node:util';
import type { Variable } from '@hamilton-ts/core';
import { parseOrUsageError } from '../arguments.js';
import type { Command, CommandContext } from '../command.js';
import { PIPELINE_HELP, PIPELINE_OPTIONS, pipelineArguments } from '../pipeline/arguments.js';
import { formatTextTable } from '../text-table.js';
import { PROGRAM } from '../usage.js';

const NAME = 'list';
const EXAMPLE = `${PROGRAM} list examples/marketing/marketing-features.ts`;

/** `hamilton-ts list MODULE... [--config JSON|FILE] [--outputs a,b] [--json]` */
export const listCommand: Command = {
  name: NAME,
  summary: 'List the nodes of a pipeline: name, type, input or not, tags, documentation',
  synopsis: `${NAME} MODULE... [--config JSON|FILE] [--outputs a,b] [--json]`,
  help: `Builds the graph of the pipeline modules MODULE... and prints one row per node (external inputs
and config included): its name, its type, whether it is an input, its tags and its documentation.
Nothing runs.

Options:
${PIPELINE_HELP.config}
  --outputs a,b         Only the nodes these outputs need (themselves included)
  --json                The listAvailableVariables() data as JSON instead of a table
  -h, --help            Show this help

${PIPELINE_HELP.module}

Example:
  ${EXAMPLE}`,
  run: runList,
};

async function runList(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseOrUsageError(() =>
    parseArgs({
      args: [...args],
      options: { config: PIPELINE_OPTIONS.config, outputs: PIPELINE_OPTIONS.outputs, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  const pipeline = await pipelineArguments(values, positionals, context.cwd, EXAMPLE);
  const { openPipeline } = await import('../pipeline/open-pipeline.js');
  const { driver } = await openPipeline(pipeline, `${PROGRAM} ${NAME}`);
  const variables = pipeline.outputs ? driver.whatIsUpstreamOf(...pipeline.outputs) : driver.listAvailableVariables();
  context.stdout(values.json ? `${JSON.stringify(variables.map(jsonOf), null, 2)}\n` : variablesTable(variables));
  return 0;
}

/** A Variable as JSON: its type by name (a constructor has no JSON form). */
function jsonOf(variable: Variable): Record<string, unknown> {
  return { ...variable, type: variable.type.name };
}

function variablesTable(variables: readonly Variable[]): string {
  return formatTextTable([
    { header: 'NAME', cells: variables.map((v) => v.name) },
    { header: 'TYPE', cells: variables.map((v) => v.type.name || '(anonymous)') },
    { header: 'INPUT', cells: variables.map((v) => (v.isExternalInput ? 'yes' : 'no')) },
    { header: 'TAGS', cells: variables.map((v) => tagsText(v.tags)) },
    // Multi-line docs would break the row: the table shows them on one line.
    { header: 'DOCUMENTATION', cells: variables.map((v) => v.documentation.replace(/\s+/g, ' ').trim()) },
  ]);
}

function tagsText(tags: Variable['tags']): string {
  return Object.entries(tags)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : value.join('|')}`)
    .join(',');
}
