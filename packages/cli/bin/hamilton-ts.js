#!/usr/bin/env node
// The `hamilton-ts` command. Installed, it runs the compiled entry point. In a clone of the repository
// before `npm run build` there is no dist/: it then runs src/ through the repository's TypeScript
// loader, with the @hamilton-ts/* packages resolved to their src/ too (the `@hamilton-ts/source`
// condition), as `npm run hamilton-ts` and the tests do.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/main.js', import.meta.url);
const source = new URL('../src/main.ts', import.meta.url);

/** Commands that build a pipeline's graph, and so load the core and arquero. */
const PIPELINE_COMMANDS = new Set(['list', 'view', 'validate', 'execute', 'worker']);

/**
 * Whether the command line runs a pipeline command rather than asking for help or the version. Read
 * as the dispatcher reads it (the command is the first argument not starting with "-"); a wrong guess
 * only costs or saves time.
 */
function runsPipeline(args) {
  const options = args.indexOf('--') < 0 ? args : args.slice(0, args.indexOf('--'));
  if (options.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg))) return false;
  return PIPELINE_COMMANDS.has(args.find((arg) => !arg.startsWith('-')));
}

if (existsSync(compiled) || !existsSync(source)) {
  await import(compiled.href);
} else {
  const loader = new URL('../../../scripts/register-ts.js', import.meta.url);
  if (!existsSync(loader)) {
    process.stderr.write(
      `hamilton-ts: ${compiled.pathname} is missing and this is not the hamilton-ts repository (no ${loader.pathname}); build the package (npm run build) or install a published @hamilton-ts/cli\n`,
    );
    process.exit(1);
  }
  // Loaded before the TypeScript loader, by Node itself: once the loader is registered every module
  // costs two round trips to the loader's thread, and arquero is 166 modules (a quarter of a second
  // of a 0.8 s `list`). The modules that import it later find it loaded. Without it, they load it.
  if (runsPipeline(process.argv.slice(2))) await import('arquero').catch(() => undefined);
  await import(loader.href);
  await import(source.href);
}
