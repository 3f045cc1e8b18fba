// Entry point of `npm run bench`. Every scenario runs in a child process of its own, for two reasons
// measured here: after a 100k-node scenario V8 keeps a background thread compiling for many
// minutes (~13 min), and neither a natural exit nor process.exit() returns before it is done; and
// while such a compile runs, Node holds every worker thread's event loop in `DrainTasks`, so a
// later worker-threads scenario in the same process stalls. A fresh process per scenario also
// keeps one scenario's JIT state out of the next one's figures. Each child reports its outcome
// when every figure is printed, and is then stopped.
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { parseArgs, USAGE } from './harness/cli-args.js';
import { printHeader, printSummary } from './harness/console-report.js';
import { discoverScenarios } from './harness/discover.js';
import { machineInfo } from './harness/machine.js';
import { renderMarkdown } from './harness/markdown-report.js';
import type { Scenario, ScenarioOutcome } from './harness/scenario.js';
import type { ChildReport } from './run-scenario.js';

const BENCHMARKS_MD = new URL('../BENCHMARKS.md', import.meta.url);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void console.log(USAGE);
  const all = await discoverScenarios();
  const selected = args.only.length ? all.filter((s) => args.only.some((part) => s.id.includes(part))) : all;
  if (selected.length === 0) throw new Error(`no scenario id contains ${args.only.join(' or ')}; ids: ${all.map((s) => s.id).join(', ')}`);
  const machine = machineInfo();
  printHeader(machine, args.quick);
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of selected) outcomes.push(await runInChild(scenario, args.quick));
  printSummary(outcomes);
  if (args.write) {
    await writeFile(BENCHMARKS_MD, renderMarkdown(outcomes, machine, args.quick));
    console.log('\nwrote BENCHMARKS.md');
  }
  if (outcomes.some((o) => o.error)) process.exitCode = 1;
}

function runInChild(scenario: Scenario, quick: boolean): Promise<ScenarioOutcome> {
  const argv = [scenario.id, ...(quick ? ['--quick'] : [])];
  const child = fork(new URL('./run-scenario.ts', import.meta.url), argv, { execArgv: process.execArgv });
  return new Promise((resolve) => {
    let reported = false;
    child.on('message', (message: ChildReport) => {
      reported = true;
      resolve({ scenario, ...message });
      child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (!reported)
        resolve({ scenario, metrics: [], seconds: 0, error: `the scenario's process ended (${signal ?? `exit code ${code}`})` });
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
