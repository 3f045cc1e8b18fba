// `hamilton-ts validate`: checks that the graph builds and, with --outputs, that a run of them would
// start (known outputs, every input given and of its type), without running a node.
import { parseArgs } from 'node:util';
import type { Driver } from '@hamilton-ts/core';
import { parseOrUsageError } from '../arguments.js';
import type { Command, CommandContext } from '../command.js';
import { PIPELINE_HELP, PIPELINE_OPTIONS, pipelineArguments } from '../pipeline/arguments.js';
import { PROGRAM } from '../usage.js';

const NAME = 'validate';
const EXAMPLE = `${PROGRAM} validate examples/marketing/marketing-features.ts --outputs spendMean --inputs '{"spend": [1, 2, 3]}'`;

/** `hamilton-ts validate MODULE... [--config JSON|FILE] [--inputs JSON|FILE] [--outputs a,b]` */
export const validateCommand: Command = {
  name: NAME,
  summary: 'Check that a pipeline builds and that a run of some outputs would start, running nothing',
  synopsis: `${NAME} MODULE... [--config JSON|FILE] [--inputs JSON|FILE] [--outputs a,b]`,
  help: `Builds the graph of the pipeline modules MODULE... with the config. With --outputs, also checks
the run execute would do (validateExecution): that every output names a node and every input it
needs is given, with the type the graph declares. No node runs.

Prints "ok: ..." and exits with 0, or prints what is wrong and exits with 1.

Options:
${PIPELINE_HELP.config}
${PIPELINE_HELP.inputs}
${PIPELINE_HELP.outputs}
  -h, --help            Show this help

${PIPELINE_HELP.module}

Example:
  ${EXAMPLE}`,
  run: runValidate,
};

async function runValidate(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseOrUsageError(() =>
    parseArgs({ args: [...args], options: PIPELINE_OPTIONS, allowPositionals: true, strict: true }),
  );
  const pipeline = await pipelineArguments(values, positionals, context.cwd, EXAMPLE);
  const { openPipeline } = await import('../pipeline/open-pipeline.js');
  const { driver, inputs } = await openPipeline(pipeline, `${PROGRAM} ${NAME}`);
  // Without outputs the inputs are still checked: one naming a computed node is an error either way.
  driver.validateExecution(pipeline.outputs ?? [], { inputs });
  context.stdout(`ok: ${pipeline.outputs ? runSummary(driver, pipeline.outputs) : graphSummary(driver)}\n`);
  return 0;
}

function runSummary(driver: Driver<unknown>, outputs: readonly string[]): string {
  // Inputs and config are fed, not run; config replaces the nodes it names, so they are not upstream.
  const running = driver.whatIsUpstreamOf(...outputs).filter((v) => !v.isExternalInput).length;
  return `${running} node${running === 1 ? '' : 's'} would run for outputs ${outputs.join(', ')}`;
}

function graphSummary(driver: Driver<unknown>): string {
  const variables = driver.listAvailableVariables();
  const external = variables.filter((v) => v.isExternalInput).length;
  const nodes = variables.length - external;
  return `the graph builds: ${nodes} node${nodes === 1 ? '' : 's'}, ${external} input${external === 1 ? '' : 's'} or config value${external === 1 ? '' : 's'}`;
}
