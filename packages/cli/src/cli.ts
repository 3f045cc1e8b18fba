// Dispatches `hamilton-ts [options] <command> [arguments]` to the registered commands.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseOrUsageError } from './arguments.js';
import { type Command, type CommandContext, CommandError, USAGE_EXIT_CODE, UsageError } from './command.js';
import { commands as registeredCommands } from './commands/index.js';
import { isHamiltonError } from './hamilton-error.js';
import { commandSynopsis, commandUsage, PROGRAM, programUsage } from './usage.js';

/**
 * Runs the command line `argv` (without node and the script) and resolves with the exit code: 0 on
 * success, 1 when a command fails, 2 for a bad command line. Never throws; every failure is written to
 * `context.stderr`: a usage error with the usage, a CommandError or a HamiltonError (a graph, input or
 * node failure) as its message alone, anything else with its stack.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), stdout, stderr });
 */
export async function runCli(
  argv: readonly string[],
  context: CommandContext,
  commands: readonly Command[] = registeredCommands,
): Promise<number> {
  try {
    return await dispatch(argv, context, commands);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`${PROGRAM}: ${error.message}\n\n${programUsage(commands)}`);
      return USAGE_EXIT_CODE;
    }
    context.stderr(`${PROGRAM}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], context: CommandContext, commands: readonly Command[]): Promise<number> {
  // Options before the command are the program's own; the rest belong to the command's parser.
  const commandAt = argv.findIndex((arg) => !arg.startsWith('-'));
  const globalArgs = commandAt < 0 ? argv : argv.slice(0, commandAt);
  const [name, ...args] = commandAt < 0 ? [] : argv.slice(commandAt);
  const { values } = parseOrUsageError(() =>
    parseArgs({
      args: [...globalArgs],
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: true,
    }),
  );
  if (values.version) {
    context.stdout(`${await version()}\n`);
    return 0;
  }
  if (values.help || name === 'help') {
    const topic = name === 'help' ? args[0] : name;
    context.stdout(topic === undefined ? programUsage(commands) : commandUsage(find(topic, commands)));
    return 0;
  }
  if (name === undefined) throw new UsageError('no command given; name one of the commands below');
  const command = find(name, commands);
  if (asksForHelp(args)) {
    context.stdout(commandUsage(command));
    return 0;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`${PROGRAM} ${command.name}: ${error.message}\n\n${commandSynopsis(command)}`);
      return USAGE_EXIT_CODE;
    }
    if (error instanceof CommandError) {
      context.stderr(`${error.message}\n`);
      return 1;
    }
    if (isHamiltonError(error)) {
      context.stderr(`${PROGRAM} ${command.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function find(name: string, commands: readonly Command[]): Command {
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const known = [...commands.map((c) => c.name), 'help'].join(', ');
    throw new UsageError(`unknown command ${JSON.stringify(name)}; the commands are ${known}`);
  }
  return command;
}

/** `-h`/`--help` anywhere before a `--`, which ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

async function version(): Promise<string> {
  // package.json is one level up from both src/ and dist/.
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
