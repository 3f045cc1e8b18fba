import { formatSpread, formatValue, verdict } from './format.js';
import type { MachineInfo } from './machine.js';
import type { Metric, Scenario, ScenarioOutcome } from './scenario.js';
import { TARGETS, targetById } from './targets.js';

const write = (line: string): void => void process.stdout.write(`${line}\n`);

export function printHeader(machine: MachineInfo, quick: boolean): void {
  write(`hamilton-ts benchmarks${quick ? ' (quick)' : ''} — ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.date}`);
}

export function printScenarioStart(scenario: Scenario): void {
  write(`\n## ${scenario.title} [${scenario.id}]`);
}

/** One line per figure, as soon as it is measured. */
export function printMetric(metric: Metric): void {
  const spread = formatSpread(metric);
  const judged = verdict(metric);
  const target = metric.target
    ? `  ${judged === 'pass' ? 'PASS' : 'MISS'} (≤ ${formatValue(targetById(metric.target).max, metric.unit)})`
    : '';
  const note = metric.note ? `  — ${metric.note}` : '';
  write(
    `  ${metric.label.padEnd(52)} ${formatValue(metric.value, metric.unit).padStart(14)}${spread ? `  [${spread}]` : ''}${target}${note}`,
  );
}

export function printSkip(reason: string): void {
  write(`  skipped: ${reason}`);
}

/** Pass / miss per target over all scenarios that ran. */
export function printSummary(outcomes: readonly ScenarioOutcome[]): void {
  write('\n## Targets');
  const metrics = outcomes.flatMap((o) => o.metrics);
  for (const target of TARGETS) {
    const judged = metrics.filter((m) => m.target === target.id);
    if (judged.length === 0) {
      write(`  ----  ${target.text} (not measured in this run)`);
      continue;
    }
    const worst = judged.reduce((a, b) => (b.value > a.value ? b : a));
    write(
      `  ${judged.every((m) => verdict(m) === 'pass') ? 'PASS' : 'MISS'}  ${target.text}: ${formatValue(worst.value, worst.unit)} (${worst.label})`,
    );
  }
  for (const o of outcomes) if (o.error) write(`  ERROR in ${o.scenario.id}: ${o.error}`);
}
