// Runs in the child that bench/run.ts starts: finds the scenarios, runs them one after another,
// prints each figure as it is measured, and with --write regenerates BENCHMARKS.md.
import { writeFile } from 'node:fs/promises';
import { parseArgs, USAGE } from './harness/cli-args.js';
import { printHeader, printMetric, printScenarioStart, printSkip, printSummary } from './harness/console-report.js';
import { discoverScenarios } from './harness/discover.js';
import { machineInfo } from './harness/machine.js';
import { renderMarkdown } from './harness/markdown-report.js';
import { collectGarbage } from './harness/measure.js';
import type { Metric, Scenario, ScenarioOutcome } from './harness/scenario.js';

const BENCHMARKS_MD = new URL('../BENCHMARKS.md', import.meta.url);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void console.log(USAGE);
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function')
    console.warn('warning: run with --expose-gc (npm run bench does) — memory figures need forced collections');
  const all = await discoverScenarios();
  const selected = args.only.length ? all.filter((s) => args.only.some((part) => s.id.includes(part))) : all;
  if (selected.length === 0) throw new Error(`no scenario id contains ${args.only.join(' or ')}; ids: ${all.map((s) => s.id).join(', ')}`);
  const machine = machineInfo();
  printHeader(machine, args.quick);
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of selected) outcomes.push(await runScenario(scenario, args.quick));
  printSummary(outcomes);
  if (args.write) {
    await writeFile(BENCHMARKS_MD, renderMarkdown(outcomes, machine, args.quick));
    console.log('\nwrote BENCHMARKS.md');
  }
  if (outcomes.some((o) => o.error)) process.exitCode = 1;
}

async function runScenario(scenario: Scenario, quick: boolean): Promise<ScenarioOutcome> {
  printScenarioStart(scenario);
  const metrics: Metric[] = [];
  let skipped: string | undefined;
  let error: string | undefined;
  const started = performance.now();
  collectGarbage();
  try {
    await scenario.run({
      quick,
      record: (metric) => {
        metrics.push(metric);
        printMetric(metric);
      },
      skip: (reason) => {
        skipped = reason;
        printSkip(reason);
      },
      log: (line) => console.error(`  … ${line}`),
    });
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    console.error(`  failed: ${error}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.error(`  (${seconds.toFixed(1)} s)`);
  return { scenario, metrics, skipped, error, seconds };
}

// Tells the launcher the outcome once everything is printed and written (stdout and stderr are
// synchronous on Linux); the launcher then ends this process, see bench/run.ts.
main().then(
  () => report(Number(process.exitCode ?? 0)),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    report(1);
  },
);

function report(exitCode: number): void {
  if (process.send) process.send({ exitCode });
  else process.exit(exitCode);
}
