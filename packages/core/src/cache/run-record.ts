import type { ExecutionPlan } from '../execution/execution-plan.js';
import type { CacheStatus } from './cache-options.js';
import type { DeferredResults } from './deferred-results.js';
import { manifestRecord, type RunManifest } from './run-manifest.js';
import { type StepTable, stepNamed } from './step-table.js';

/** What the cache did with one node in a run. */
export interface CacheNodeRecord {
  readonly status: CacheStatus;
  /** The key its result is stored under (absent for ignored nodes). */
  readonly cacheKey?: string;
  /** Its result's content fingerprint (absent for ignored nodes; random for unhashable values). */
  readonly dataVersion?: string;
  readonly codeVersion?: string;
  /** One record per item, for a node of a `@parallelizable` block, in the order the items finished. */
  readonly items?: readonly CacheNodeRecord[];
}

/** What the cache did in a run: `dr.cache.lastRun`. */
export interface CacheRunRecord {
  readonly runId: string;
  readonly nodes: Readonly<Record<string, CacheNodeRecord>>;
}

/** A record as the run keeps it: made, or the index of a deferred result whose key may not be worked out yet. */
export type RawRecord = CacheNodeRecord | number;

/**
 * Collects the records of one run; a node run once per item gets its items listed. A deferred result is
 * kept as its index and becomes a record when read, so a run makes no record object per result. The
 * deferred results of the run's own steps are not even entered here: the step table holds them.
 */
export class RunRecorder {
  /** The latest record of each node, in the order nodes were first recorded. */
  private readonly nodes = new Map<string, RawRecord>();
  /** The items of nodes run more than once, kept growing in place (a block may run thousands of items). */
  private readonly items = new Map<string, RawRecord[]>();
  private steps: StepTable | undefined;
  /** The manifest that answered the run, and the plan whose steps it records: every step a hit. */
  private replay: { readonly plan: ExecutionPlan; readonly manifest: RunManifest } | undefined;

  constructor(
    readonly runId: string,
    private readonly deferred: DeferredResults,
  ) {}

  /** Steps whose deferred results `steps` holds are recorded there. */
  useSteps(steps: StepTable): void {
    this.steps = steps;
  }

  /** The run was answered from `manifest`: each step of `plan` is a hit, made into a record when read. */
  replayed(plan: ExecutionPlan, manifest: RunManifest): void {
    this.replay = { plan, manifest };
  }

  add(name: string, record: RawRecord): void {
    const before = this.nodes.get(name);
    this.nodes.set(name, record);
    if (before === undefined) return;
    let items = this.items.get(name);
    if (!items) {
      items = [before];
      this.items.set(name, items);
    }
    items.push(record);
  }

  /** Replaces the latest record of a node (a stored result that could not be read, then recomputed). */
  amend(name: string, record: CacheNodeRecord): void {
    this.nodes.set(name, record);
    const items = this.items.get(name);
    if (items) items[items.length - 1] = record;
  }

  /** The latest record of step `index` of the run's plan (node `name`), as kept. */
  rawOfStep(index: number, name: string): RawRecord | undefined {
    const deferred = this.steps ? this.steps.deferredOfStep[index] : -1;
    return deferred >= 0 ? deferred : this.nodes.get(name);
  }

  latest(name: string): CacheNodeRecord | undefined {
    const raw = this.nodes.get(name) ?? this.stepRecord(name);
    return raw === undefined ? this.replayRecord(name) : this.made(raw);
  }

  /** The run's record; its nodes' records are made when first read. */
  finish(): CacheRunRecord {
    let nodes: Record<string, CacheNodeRecord> | undefined;
    const recorder = this;
    return {
      runId: this.runId,
      get nodes() {
        nodes ??= recorder.all();
        return nodes;
      },
    };
  }

  private all(): Record<string, CacheNodeRecord> {
    const nodes: Record<string, CacheNodeRecord> = {};
    for (const [name, latest] of this.nodes) {
      const items = this.items.get(name);
      if (!items) {
        nodes[name] = this.made(latest);
        continue;
      }
      const records = items.map((item) => this.made(item));
      // Items agree when every one has the same status; otherwise the node counts as a miss.
      const first = records[0].status;
      nodes[name] = { ...records[records.length - 1], status: records.every((r) => r.status === first) ? first : 'miss', items: records };
    }
    const replay = this.replay;
    if (replay)
      for (let index = 0; index < replay.plan.steps.length; index++)
        nodes[replay.plan.steps[index].node.name] = hit(replay.manifest, index);
    const steps = this.steps;
    if (steps)
      for (let index = 0; index < steps.deferredOfStep.length; index++) {
        const deferred = steps.deferredOfStep[index];
        if (deferred >= 0) nodes[steps.plan.steps[index].node.name] = this.made(deferred);
      }
    return nodes;
  }

  private stepRecord(name: string): number | undefined {
    const steps = this.steps;
    const index = steps ? stepNamed(steps.plan, name) : -1;
    const deferred = index < 0 ? -1 : steps!.deferredOfStep[index];
    return deferred >= 0 ? deferred : undefined;
  }

  private replayRecord(name: string): CacheNodeRecord | undefined {
    const replay = this.replay;
    if (!replay) return undefined;
    const index = stepNamed(replay.plan, name);
    return index < 0 ? undefined : hit(replay.manifest, index);
  }

  private made(raw: RawRecord): CacheNodeRecord {
    if (typeof raw !== 'number') return raw;
    const log = this.deferred;
    return { status: log.statuses[raw], cacheKey: log.key(raw), dataVersion: log.version(raw), codeVersion: log.codeVersions[raw] };
  }
}

function hit(manifest: RunManifest, index: number): CacheNodeRecord {
  const [cacheKey, dataVersion, codeVersion] = manifestRecord(manifest, index);
  return { status: 'hit', cacheKey, dataVersion, codeVersion };
}
