// @hamilton-ts/cli as a library: run the command line in-process, or list its commands.
export { runCli } from './cli.js';
export type { Command, CommandContext } from './command.js';
export { CommandError, UsageError } from './command.js';
export { commands } from './commands/index.js';
