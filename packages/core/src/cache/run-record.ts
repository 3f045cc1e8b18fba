import type { CacheStatus } from './cache-options.js';

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

/** Collects the records of one run; a node run once per item gets its items listed. */
export class RunRecorder {
  private readonly nodes: Record<string, CacheNodeRecord> = {};
  /** The items of nodes run more than once, kept growing in place (a block may run thousands of items). */
  private readonly items = new Map<string, CacheNodeRecord[]>();

  constructor(readonly runId: string) {}

  add(name: string, record: CacheNodeRecord): void {
    const before = this.nodes[name];
    if (!before) {
      this.nodes[name] = record;
      return;
    }
    let items = this.items.get(name);
    if (!items) {
      items = [before];
      this.items.set(name, items);
    }
    items.push(record);
    // The items agree while each new status equals the one they share; once they differ, it is `miss`.
    this.nodes[name] = { ...record, status: before.status === record.status ? record.status : 'miss', items };
  }

  /** Replaces the latest record of a node (a stored result that could not be read, then recomputed). */
  amend(name: string, record: CacheNodeRecord): void {
    const items = this.items.get(name);
    if (!items) {
      this.nodes[name] = record;
      return;
    }
    items[items.length - 1] = record;
    const first = items[0].status;
    this.nodes[name] = { ...record, status: items.every((i) => i.status === first) ? first : 'miss', items };
  }

  latest(name: string): CacheNodeRecord | undefined {
    return this.items.get(name)?.at(-1) ?? this.nodes[name];
  }

  finish(): CacheRunRecord {
    return { runId: this.runId, nodes: this.nodes };
  }
}
