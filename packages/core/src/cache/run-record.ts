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

  constructor(readonly runId: string) {}

  add(name: string, record: CacheNodeRecord): void {
    const before = this.nodes[name];
    if (!before) {
      this.nodes[name] = record;
      return;
    }
    const items = [...(before.items ?? [before])];
    items.push(record);
    this.nodes[name] = { ...record, status: combined(items), items };
  }

  /** Replaces the latest record of a node (a stored result that could not be read, then recomputed). */
  amend(name: string, record: CacheNodeRecord): void {
    const before = this.nodes[name];
    if (before?.items) {
      const items = [...before.items];
      items[items.length - 1] = record;
      this.nodes[name] = { ...record, status: combined(items), items };
    } else this.nodes[name] = record;
  }

  latest(name: string): CacheNodeRecord | undefined {
    const record = this.nodes[name];
    return record?.items ? record.items[record.items.length - 1] : record;
  }

  finish(): CacheRunRecord {
    return { runId: this.runId, nodes: this.nodes };
  }
}

/** A node's status over its items: theirs when they agree, else `miss` (something was computed). */
function combined(items: readonly CacheNodeRecord[]): CacheStatus {
  const first = items[0].status;
  return items.every((i) => i.status === first) ? first : 'miss';
}
