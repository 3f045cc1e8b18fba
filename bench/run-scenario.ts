// Runs one scenario in the child process that bench/run.ts starts (`run-scenario.ts <id> [--quick]`),
// prints each figure as it is measured, and sends the outcome back to the launcher.
import { printMetric, printScenarioStart, printSkip } from './harness/console-report.js';
import { discoverScenarios } from './harness/discover.js';
import { collectGarbage } from './harness/measure.js';
import type { Metric, Scenario, ScenarioOutcome } from './harness/scenario.js';

/** What the child sends back: the outcome without the scenario, which the launcher has already. */
export type ChildReport = Omit<ScenarioOutcome, 'scenario'>;

async function main(): Promise<ChildReport> {
  const [id, ...flags] = process.argv.slice(2);
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function')
    console.warn('warning: run with --expose-gc (npm run bench does) — memory figures need forced collections');
  const scenario = (await discoverScenarios()).find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario has the id "${id}"`);
  return runScenario(scenario, flags.includes('--quick'));
}

async function runScenario(scenario: Scenario, quick: boolean): Promise<ChildReport> {
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
  return { metrics, skipped, error, seconds };
}

// stdout and stderr are synchronous on Linux, so everything is printed when the report is sent;
// the launcher then ends this process (see bench/run.ts for why it does not exit by itself).
main().then(
  (report) => process.send?.(report),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.send?.({ metrics: [], seconds: 0, error: String(error) } satisfies ChildReport);
  },
);
