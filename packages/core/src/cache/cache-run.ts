import { randomUUID } from 'node:crypto';
import type { ExecutionPlan } from '../execution/execution-plan.js';
import type { NodeDef } from '../graph/types.js';
import { isThenable } from '../lifecycle/hook-set.js';
import { debugEnabled, getLogger } from '../logging/logger.js';
import type { CacheBehavior, CacheStatus } from './cache-options.js';
import { codeVersionOf } from './code-version.js';
import type { StoredEntry } from './metadata-store.js';
import type { OpenCache } from './open-cache.js';
import { decodeResult, preparedValue, prepareResult } from './result-formats.js';
import { manifestRecords, planSignature } from './run-manifest.js';
import { type CacheNodeRecord, RunRecorder } from './run-record.js';

/** Computes a node from real argument values (the engine, or the node's own call). */
export type ComputeNode = (args: unknown[]) => unknown;

/**
 * A hit whose value has not been read yet. Nodes get real values (a consumer reads it when it is
 * computed, and outputs are read at the end), so a fully cached run reads only the outputs' files.
 */
export class StoredValue {
  loaded: { value: unknown } | undefined;

  constructor(
    readonly key: string,
    readonly entry: StoredEntry,
    /** Computes the node again when its file cannot be read. */
    readonly recompute: () => unknown,
  ) {}
}

/** What a read that may not recompute gives when the file cannot be read. */
const NOT_READ = Symbol('not read');

/** Marks versions that were made up for values with no fingerprint: keys holding one are never stored. */
const FRESH = '~';

/**
 * The cache's part of one run: keys each node from its code version and the data versions of what it
 * receives, loads what was stored, and stores what it computes. Data versions are remembered by object
 * identity for this run only, so a value changed between runs is fingerprinted again.
 *
 * Stores are write-behind (see `ResultWriter`): a result is fingerprinted here, since dependents' keys
 * need its data version, and queued; lookups see queued results before stored ones.
 */
export class CacheRun {
  private readonly versions = new WeakMap<object, string>();
  /** Keys whose files failed to read in this run (their entries are being removed). */
  private readonly unreadable = new Set<string>();
  private readonly debugging = debugEnabled();
  /** The manifest this run will record, when its plan and fed values allow one. */
  private manifest: { key: string; plan: ExecutionPlan; generation: number } | undefined;
  readonly recorder: RunRecorder;

  constructor(
    private readonly cache: OpenCache,
    runId: string,
    /** Hits may stay unread (no adapter observes values). */
    private readonly lazy: boolean,
  ) {
    this.recorder = new RunRecorder(runId);
  }

  /** Runs `node` through the cache; `compute` runs it for real. May return a `StoredValue` when lazy. */
  invoke(node: NodeDef, args: unknown[], compute: ComputeNode): unknown {
    const behavior = this.cache.behaviors.of(node.name);
    const codeVersion = codeVersionOf(node, this.cache.hasher);
    if (behavior === 'ignore')
      return this.after(this.computeWith(args, compute), (value) => {
        this.note(node.name, { status: 'ignored', codeVersion });
        return value;
      });
    const key = this.keyOf(node, args, codeVersion);
    if (behavior === 'default' && !key.startsWith(FRESH)) {
      const entry = this.unreadable.has(key) ? undefined : this.lookup(key);
      if (entry) {
        this.note(node.name, { status: 'hit', cacheKey: key, dataVersion: entry.dataVersion, codeVersion });
        const stored = new StoredValue(key, entry, () => this.compute(node, args, compute, key, behavior, codeVersion, true));
        return this.lazy && !this.cache.eager.has(node.name) ? stored : this.read(stored);
      }
    }
    return this.compute(node, args, compute, key, behavior, codeVersion, false);
  }

  /** The value of an argument or output: a stored value is read (or, when unreadable, computed again). */
  valueOf(value: unknown): unknown {
    return value instanceof StoredValue ? this.read(value) : value;
  }

  /**
   * Answers the run from a manifest when one records these very nodes, code and fed values: the
   * outputs' stored values go into their slots, every node is recorded as a hit, and the walk can be
   * skipped. `false` (walk as usual) when there is none, or an output's file cannot be read.
   */
  replay(plan: ExecutionPlan, values: unknown[]): boolean {
    if (!this.lazy) return false;
    const signature = planSignature(plan, this.cache);
    if (signature === null) return false;
    const parts = [signature];
    for (const feed of plan.feeds) parts.push(this.versionOf(values[feed.slot]));
    if (parts.some((p) => p.startsWith(FRESH))) return false;
    const { metadata, writer } = this.cache;
    this.manifest = { key: this.cache.hasher.digest(parts.join('\u0000')), plan, generation: metadata.generation() };
    const found = writer.manifest(this.manifest.key) ?? metadata.manifest(this.manifest.key);
    if (!found || found.generation !== this.manifest.generation || found.records.length !== plan.steps.length) return false;
    const outputs = new Map<number, unknown>();
    for (const slot of plan.outputSlots) {
      const step = plan.stepOfSlot[slot];
      if (step < 0 || outputs.has(slot)) continue; // fed values are in their slots already
      const [key, dataVersion] = found.records[step];
      const entry = this.lookup(key);
      if (!entry || entry.dataVersion !== dataVersion) return false;
      const value = this.read(new StoredValue(key, entry, () => NOT_READ));
      if (value === NOT_READ) return false;
      outputs.set(slot, value);
    }
    for (const [slot, value] of outputs) values[slot] = value;
    for (let i = 0; i < plan.steps.length; i++) {
      const [cacheKey, dataVersion, codeVersion] = found.records[i];
      this.recorder.add(plan.steps[i].node.name, { status: 'hit', cacheKey, dataVersion, codeVersion });
    }
    this.manifest = undefined;
    return true;
  }

  /** Queues the run's manifest after its results and sends them to the writer, without waiting for the writes. */
  finish(succeeded: boolean): Promise<void> {
    const { writer } = this.cache;
    const manifest = this.manifest;
    const records = succeeded && manifest ? manifestRecords(manifest.plan, (name) => this.recorder.latest(name)) : undefined;
    if (manifest && records) writer.addManifest(manifest.key, { generation: manifest.generation, records });
    writer.send();
    return Promise.resolve();
  }

  /** The entry under `key`: one still being written, else a stored one. */
  private lookup(key: string): StoredEntry | undefined {
    return this.cache.writer.entry(key) ?? this.cache.metadata.get(key);
  }

  private keyOf(node: NodeDef, args: readonly unknown[], codeVersion: string): string {
    const parts = [`${node.name.length}:${node.name}`, codeVersion];
    let fresh = false;
    for (let i = 0; i < node.deps.length; i++) {
      const dep = node.deps[i].name;
      if (this.cache.behaviors.isIgnored(dep)) continue;
      const version = this.versionOf(args[i]);
      fresh ||= version.startsWith(FRESH);
      parts.push(`${dep.length}:${dep}=${version}`);
    }
    const key = this.cache.hasher.digest(parts.join('\u0000'));
    return fresh ? FRESH + key : key;
  }

  private versionOf(value: unknown): string {
    if (value instanceof StoredValue) return value.entry.dataVersion;
    const object = value !== null && (typeof value === 'object' || typeof value === 'function');
    if (object) {
      const known = this.versions.get(value as object);
      if (known !== undefined) return known;
    }
    const version = this.cache.fingerprints.of(value) ?? FRESH + randomUUID();
    if (object) this.versions.set(value as object, version);
    return version;
  }

  private compute(
    node: NodeDef,
    args: unknown[],
    compute: ComputeNode,
    key: string,
    behavior: CacheBehavior,
    codeVersion: string,
    again: boolean,
  ): unknown {
    return this.after(this.computeWith(args, compute), (value) => {
      const dataVersion = this.cache.fingerprints.of(value);
      const record = (status: CacheStatus, v: string): CacheNodeRecord => ({ status, cacheKey: key, dataVersion: v, codeVersion });
      let entry: CacheNodeRecord;
      let room: Promise<void> | undefined;
      if (dataVersion === undefined) {
        const made = FRESH + randomUUID();
        this.remember(value, made);
        entry = record('unhashable', made);
      } else {
        this.remember(value, dataVersion);
        entry = record(behavior === 'recompute' ? 'recompute' : behavior === 'disable' ? 'disabled' : 'miss', dataVersion);
        if (behavior !== 'disable' && !key.startsWith(FRESH)) room = this.store(node, key, codeVersion, dataVersion, value);
      }
      if (again) this.recorder.amend(node.name, entry);
      else this.note(node.name, entry);
      return room ? room.then(() => value) : value;
    });
  }

  /** Reads arguments that are stored values, then computes. */
  private computeWith(args: unknown[], compute: ComputeNode): unknown {
    let pending = false;
    let real = args;
    for (let i = 0; i < args.length; i++) {
      if (!(args[i] instanceof StoredValue)) continue;
      if (real === args) real = args.slice();
      real[i] = this.read(args[i] as StoredValue);
      pending ||= isThenable(real[i]);
    }
    if (!pending) return compute(real);
    return Promise.all(real).then(compute);
  }

  private remember(value: unknown, version: string): void {
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) this.versions.set(value as object, version);
  }

  /**
   * The stored value read and checked against its data version; when that fails, a warning and a
   * recompute. A result still being written is read from the writer's copy, made from the very bytes
   * that were fingerprinted, so it needs no check.
   */
  private read(stored: StoredValue): unknown {
    if (stored.loaded) return stored.loaded.value;
    const { entry } = stored;
    const { results, fingerprints, parquet, writer } = this.cache;
    const pending = writer.result(entry.dataVersion);
    let value: unknown;
    if (pending) {
      value = preparedValue(pending, parquet);
      this.remember(value, entry.dataVersion);
      stored.loaded = { value };
      return value;
    }
    try {
      value = decodeResult(results.read(entry.dataVersion, entry.format), entry, parquet);
      if (fingerprints.of(value) !== entry.dataVersion) throw new Error('its content does not match its data version');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      getLogger().warn(
        `hamilton-ts cache: the stored result of node "${entry.node}" (${results.pathOf(entry.dataVersion, entry.format)}) could not be read (${reason}); computing it again`,
        { node: entry.node, cacheKey: stored.key },
      );
      results.discard(entry.dataVersion, entry.format);
      this.unreadable.add(stored.key);
      writer.forget(stored.key, entry.dataVersion);
      return this.after(stored.recompute(), (recomputed) => {
        stored.loaded = { value: recomputed };
        return recomputed;
      });
    }
    this.remember(value, entry.dataVersion);
    stored.loaded = { value };
    return value;
  }

  /** Queues the result for the writer; a promise when the run must wait for it (too many bytes pending). */
  private store(node: NodeDef, key: string, codeVersion: string, dataVersion: string, value: unknown): Promise<void> | undefined {
    const { writer, parquet } = this.cache;
    let prepared: ReturnType<typeof prepareResult>;
    try {
      prepared = prepareResult(value, node.cache?.format, parquet);
    } catch (error) {
      getLogger().warn(
        `hamilton-ts cache: the result of node "${node.name}" cannot be stored (${error instanceof Error ? error.message : String(error)}); it will be computed in every run`,
      );
      return;
    }
    if (!prepared) {
      getLogger().debug?.(`hamilton-ts cache: not storing node "${node.name}": a grouped table would lose its grouping`);
      return;
    }
    const entry: StoredEntry = {
      dataVersion,
      format: prepared.format,
      shape: prepared.shape,
      ...(prepared.typed ? { typed: prepared.typed } : {}),
      node: node.name,
      codeVersion,
      storedAt: Date.now(),
    };
    return writer.add(key, entry, prepared);
  }

  private note(name: string, record: CacheNodeRecord): void {
    this.recorder.add(name, record);
    if (this.debugging)
      getLogger().debug!(`hamilton-ts cache: ${record.status} ${name}${record.cacheKey ? ` key=${record.cacheKey}` : ''}`, record);
  }

  private after(value: unknown, next: (value: unknown) => unknown): unknown {
    return isThenable(value) ? Promise.resolve(value).then(next) : next(value);
  }
}
