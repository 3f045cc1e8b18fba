#!/usr/bin/env node
// The `hamilton-ts` command. Installed, it runs the compiled entry point. In a clone of the repository
// before `npm run build` there is no dist/: it then runs src/ through the repository's TypeScript
// loader, with the @hamilton-ts/* packages resolved to their src/ too (the `@hamilton-ts/source`
// condition), as `npm run hamilton-ts` and the tests do.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/main.js', import.meta.url);
const source = new URL('../src/main.ts', import.meta.url);

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
  await import(loader.href);
  await import(source.href);
}
