// The help texts, built from the registered commands so a new command shows up without editing them.
import type { Command } from './command.js';

export const PROGRAM = 'hamilton-ts';

/** `hamilton-ts --help`: the commands with their summaries, and the global options. */
export function programUsage(commands: readonly Command[]): string {
  const width = Math.max('help'.length, ...commands.map((c) => c.name.length)) + 2;
  const rows = [...commands.map((c) => [c.name, c.summary]), ['help', `Show this help, or a command's: ${PROGRAM} help <command>`]];
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...rows.map(([name, summary]) => `  ${name!.padEnd(width)}${summary}`),
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Print the version of @hamilton-ts/cli',
    '',
    `Run \`${PROGRAM} <command> --help\` for the options of a command.`,
    '',
  ].join('\n');
}

/** Printed after a bad command line: the synopsis, and where the full help is. */
export function commandSynopsis(command: Command): string {
  return `Usage: ${PROGRAM} ${command.synopsis}\nRun \`${PROGRAM} ${command.name} --help\` for what it does and its options.\n`;
}

/** `hamilton-ts <command> --help`. */
export function commandUsage(command: Command): string {
  return `Usage: ${PROGRAM} ${command.synopsis}\n\n${command.help.trimEnd()}\n`;
}
