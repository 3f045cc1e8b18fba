// Entry point of `npm run bench`. The scenarios run in a child process: after a full run V8 can
// keep a background thread busy for many minutes (measured: ~13 min after the last 100k-node
// scenario), and neither a natural exit nor process.exit() returns before it is done. The child
// reports its exit code when every figure is printed, and is then stopped.
import { fork } from 'node:child_process';

const child = fork(new URL('./run-scenarios.ts', import.meta.url), process.argv.slice(2), { execArgv: process.execArgv });
child.on('message', (message) => {
  const exitCode = (message as { exitCode?: unknown }).exitCode;
  if (typeof exitCode !== 'number') return;
  process.exitCode = exitCode;
  child.kill('SIGKILL');
});
child.on('exit', (code, signal) => {
  if (signal !== 'SIGKILL') process.exitCode = code ?? 1;
});
