// The hamilton-ts executable: bin/hamilton-ts.js imports the compiled file, `npm run hamilton-ts` runs this one from source.
import { runCli } from './cli.js';

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progressStream: process.stderr,
});
process.exitCode = code;
// A command has finished once runCli resolves; a handle a library left open (a Redis reconnect timer)
// must not keep the process alive. Unref'd, so a process with nothing left exits at once, output flushed.
setTimeout(() => process.exit(code), 1_000).unref();
