import type { Summary } from './stats.js';

/** One figure a scenario reports. */
export interface Metric {
  /** What was measured, e.g. `execute, chain, 10k nodes`. */
  readonly label: string;
  /** The headline figure (a median unless the label says otherwise). */
  readonly value: number;
  readonly unit: string;
  /** Min and max of the samples behind `value`, when there were several. */
  readonly spread?: Pick<Summary, 'min' | 'max'>;
  /** Id of the target (see targets.ts) this figure is judged against. */
  readonly target?: string;
  /** A short remark shown beside the figure (e.g. the hand-written time it was compared with). */
  readonly note?: string;
}

/** What a scenario gets while it runs. */
export interface ScenarioContext {
  /** `--quick`: fewer sizes or samples, so the whole suite runs in about 30 s. */
  readonly quick: boolean;
  /** Records a figure (printed at once, and kept for BENCHMARKS.md). */
  record(metric: Metric): void;
  /** Marks the scenario as not runnable here, with the reason (e.g. a feature not exported yet). */
  skip(reason: string): void;
  /** A progress line on stderr. */
  log(line: string): void;
}

/**
 * A benchmark scenario. Each file in bench/scenarios/ default-exports one (or an array), and the
 * runner finds them by listing that folder: a new engine's benchmark is just a new file there.
 */
export interface Scenario {
  /** Kebab-case id, matched by `--only`. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences on what is measured and against what. */
  readonly description: string;
  /** Position in the report; lower runs first. */
  readonly order?: number;
  run(ctx: ScenarioContext): Promise<void>;
}

/** What the runner keeps of one scenario's run. */
export interface ScenarioOutcome {
  readonly scenario: Scenario;
  readonly metrics: readonly Metric[];
  readonly skipped?: string;
  readonly error?: string;
  readonly seconds: number;
}
