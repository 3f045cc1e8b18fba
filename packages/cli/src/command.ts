// What every hamilton-ts command is, and the two ways one fails.

/** Where a command writes; the process's streams in main.ts, buffers in a test that calls runCli. */
export interface CommandContext {
  /** Directory that relative paths on the command line are resolved against. */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where a long run may draw progress (main.ts: process.stderr); drawn only when it is a TTY, never when absent. */
  readonly progressStream?: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** One subcommand, `hamilton-ts <name> ...`. To add one, write a file in commands/ and list it in commands/index.ts. */
export interface Command {
  readonly name: string;
  /** One line, shown in the list of commands. */
  readonly summary: string;
  /** The synopsis after `Usage: hamilton-ts `, e.g. `worker --redis URL ... MODULE...`. */
  readonly synopsis: string;
  /** The rest of `hamilton-ts <name> --help`: what it does, its options and arguments. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves with the process exit code. */
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** Exit code for a bad command line, as most Unix tools use. */
export const USAGE_EXIT_CODE = 2;

/** A bad command line: the message, then the command's usage, are printed and the exit code is 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command that could not do its work (Redis unreachable, a module that fails to load): message only, exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}
