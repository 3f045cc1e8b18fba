// `hamilton-ts execute`: runs a pipeline for some outputs and prints them as a table, JSON or CSV.
import { parseArgs } from 'node:util';
import type { GraphAdapter } from '@hamilton-ts/core';
import { parseOrUsageError, positiveInteger } from '../arguments.js';
import { type Command, type CommandContext, UsageError } from '../command.js';
import { isHamiltonError } from '../hamilton-error.js';
import { PIPELINE_HELP, PIPELINE_OPTIONS, pipelineArguments, requiredOutputs } from '../pipeline/arguments.js';
import { type JsonOption, readJsonList } from '../pipeline/json-option.js';
import { type OutputTable, outputsJson, tableText } from '../pipeline/output-values.js';
import { PROGRAM } from '../usage.js';

const NAME = 'execute';
const EXAMPLE = `${PROGRAM} execute examples/marketing/marketing-features.ts --outputs spendMean,spendZeroMean --inputs '{"spend": [10, 20, 30]}'`;
const FORMATS = ['table', 'json', 'csv'] as const;
const MATERIALIZE: JsonOption = {
  flag: '--materialize',
  example:
    '[{"from": "csv", "target": "rows", "path": "in.csv"}, {"to": "parquet", "id": "save", "dependencies": ["score"], "path": "out.parquet"}]',
};
type Format = (typeof FORMATS)[number];

/** `hamilton-ts execute MODULE... --outputs a,b [--inputs JSON|FILE] [--config JSON|FILE] [--format table|json|csv] [--limit N]` */
export const executeCommand: Command = {
  name: NAME,
  summary: 'Run a pipeline for some outputs and print them as a table, JSON or CSV',
  synopsis: `${NAME} MODULE... --outputs a,b [--inputs JSON|FILE] [--config JSON|FILE] [--materialize JSON|FILE] [--format table|json|csv] [--limit N]`,
  help: `Builds the graph of the pipeline modules MODULE... with the config, computes the outputs from the
inputs, and prints them on stdout. On a terminal, a progress bar over the nodes is drawn on stderr.

Options:
${PIPELINE_HELP.outputs} (required)
${PIPELINE_HELP.inputs}
${PIPELINE_HELP.config}
  --format table|json|csv
                        table (default): the outputs combined into one table (arrays as columns,
                        scalars repeated on every row), aligned as text; json: one object of the
                        outputs as they are (typed arrays as arrays); csv: the table as CSV
  --limit N             Print the first N rows of the table or CSV (default: all)
  --materialize JSON|FILE
                        Loaders and savers, a JSON list inline or in a file, e.g.
                        [{"from": "csv", "target": "rows", "path": "in.csv"},
                         {"to": "parquet", "id": "save", "dependencies": ["score"], "path": "out.parquet"}]
                        ("sql": "query"/"table" and "database"; an option {"source": "node"} is read from
                        a node). Every saver runs; a line per loader (what it read) and per saver
                        (what it wrote) goes to stderr; --outputs, when given, are printed as usual
  -h, --help            Show this help

${PIPELINE_HELP.module}

Example:
  ${EXAMPLE}`,
  run: runExecute,
};

async function runExecute(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseOrUsageError(() =>
    parseArgs({
      args: [...args],
      options: { ...PIPELINE_OPTIONS, format: { type: 'string' }, limit: { type: 'string' }, materialize: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  const format = executeFormat(values.format);
  const limit = positiveInteger(values.limit, '--limit', 'the number of rows to print, e.g. --limit 20', Number.MAX_SAFE_INTEGER);
  if (limit !== undefined && format === 'json')
    throw new UsageError('--limit cuts the rows of --format table or csv; --format json prints every output whole, so leave --limit out');
  const pipeline = await pipelineArguments(values, positionals, context.cwd, EXAMPLE);
  const spec = await readJsonList(values.materialize, MATERIALIZE, context.cwd);
  const outputs = spec && pipeline.outputs === undefined ? [] : requiredOutputs(pipeline.outputs, NAME);
  const { openPipeline } = await import('../pipeline/open-pipeline.js');
  const { driver, inputs } = await openPipeline(pipeline, `${PROGRAM} ${NAME}`, await progressAdapters(context));
  let computed: Record<string, unknown> | undefined;
  if (spec) {
    const { materializeAndReport } = await import('../pipeline/materialize.js');
    computed = await materializeAndReport(driver, spec, outputs, inputs, context);
    if (outputs.length === 0) return 0;
  }
  if (format === 'json') {
    context.stdout(`${outputsJson(computed ?? (await driver.rawExecute(outputs, { inputs })))}\n`);
    return 0;
  }
  const { ArqueroTableResult } = await import('@hamilton-ts/result-builders');
  const table = await outputTable(
    computed ? () => new ArqueroTableResult().buildResult(computed) : () => driver.execute(outputs, { inputs }),
  );
  context.stdout(format === 'csv' ? ensureNewline(table.toCSV({ limit })) : tableText(table, limit));
  return 0;
}

/** The outputs combined by the default result builder (an arquero table), by a run or from values computed already. */
async function outputTable(combined: () => unknown): Promise<OutputTable> {
  try {
    return (await combined()) as OutputTable;
  } catch (error) {
    // Outputs that make no table (arrays of different lengths) can still be printed apart.
    if (isHamiltonError(error) && error.name === 'ResultBuildError') error.message += '; or print the outputs apart with --format json';
    throw error;
  }
}

/** A progress bar on stderr when it is a terminal; the adapters (and their dependencies) are loaded only then. */
async function progressAdapters(context: CommandContext): Promise<GraphAdapter[]> {
  if (context.progressStream?.isTTY !== true) return [];
  const { ProgressBar } = await import('@hamilton-ts/adapters');
  return [new ProgressBar({ stream: context.progressStream })];
}

function executeFormat(format: string | undefined): Format {
  if (format === undefined) return 'table';
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UsageError(`--format ${JSON.stringify(format)} is not a format of execute; give table, json or csv, e.g. --format json`);
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
