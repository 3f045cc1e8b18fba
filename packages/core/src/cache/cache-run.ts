import { randomUUID } from 'node:crypto';
import type { ExecutionPlan, PlanStep } from '../execution/execution-plan.js';
import type { InvokeNode } from '../execution/executor.js';
import type { NodeDef } from '../graph/types.js';
import { isThenable } from '../lifecycle/hook-set.js';
import { debugEnabled, getLogger } from '../logging/logger.js';
import type { CacheBehavior, CacheStatus } from './cache-options.js';
import { DeferredResults, deferrableType, type VersionRef } from './deferred-results.js';
import type { StoredEntry } from './metadata-store.js';
import { cacheKeyOf, FRESH, type NodeKeying } from './node-keys.js';
import type { OpenCache } from './open-cache.js';
import { decodeResult, preparedValue, prepareResult } from './result-formats.js';
import { manifestLength, manifestRecord, manifestRecords, planSignature } from './run-manifest.js';
import { type CacheNodeRecord, RunRecorder } from './run-record.js';
import { DEFERRED, KEYED, StepTable, UNDECIDED } from './step-table.js';

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

/**
 * The cache's part of one run: keys each node from its code version and the data versions of what it
 * receives, loads what was stored, and stores what it computes. Data versions are remembered by object
 * identity for this run only, so a value changed between runs is fingerprinted again.
 *
 * Stores are write-behind (see `ResultWriter`); lookups see queued results before stored ones. A node
 * with nothing stored yet (and a `recompute` node) needs no key before it runs: when it returns a typed
 * array, the result is only copied here, and the writer thread fingerprints and keys it (see
 * `DeferredResults`). Otherwise the result is fingerprinted here, since a lookup needs the key.
 */
export class CacheRun {
  /** Data versions by value: a string, or the index of a deferred result of this run. */
  private readonly versions = new WeakMap<object, VersionRef>();
  /** This run's results left to the writer thread to fingerprint and key. */
  private readonly deferred: DeferredResults;
  private knownRead = false;
  /** The steps of the plan this run walks, once `stepInvoker` made it. */
  private steps: StepTable | undefined;
  /** Set once the run finished: a result arriving later (from a node nobody awaits) is keyed here, as its log is closed. */
  private ended = false;
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
    this.deferred = new DeferredResults(cache);
    this.recorder = new RunRecorder(runId, this.deferred);
  }

  /**
   * Runs `node` through the cache; `compute` runs it for real (the node's own call when absent). May
   * return a `StoredValue` when lazy.
   */
  invoke(node: NodeDef, args: unknown[], compute?: ComputeNode): unknown {
    const keying = this.cache.keys.of(node);
    const { behavior, codeVersion } = keying;
    if (behavior === 'ignore')
      return this.after(this.computeWith(node, args, compute), (value) => {
        this.note(node.name, { status: 'ignored', codeVersion });
        return value;
      });
    if (this.defers(keying, node.name)) {
      const refs = this.refsOf(keying, args);
      if (refs) return this.computeDeferred(node, keying, refs, args, compute);
    }
    const key = this.keyOf(keying, args);
    if (behavior === 'default' && !key.startsWith(FRESH)) {
      const entry = this.unreadable.has(key) ? undefined : this.lookup(key, node.name);
      if (entry) {
        this.note(node.name, { status: 'hit', cacheKey: key, dataVersion: entry.dataVersion, codeVersion });
        const stored = new StoredValue(key, entry, () => this.compute(node, args, compute, key, behavior, codeVersion, true));
        return this.lazy && !this.cache.eager.has(node.name) ? stored : this.read(stored);
      }
    }
    return this.compute(node, args, compute, key, behavior, codeVersion, false);
  }

  /**
   * The invoker of a walk of `plan` that no adapter observes: the plan's own steps are tracked by index
   * (`StepTable`), so a cold run's work per node is its copy and a few typed-array stores.
   */
  stepInvoker(plan: ExecutionPlan): InvokeNode {
    const steps = new StepTable(plan, this.cache.keys.ofPlan(plan));
    this.steps = steps;
    this.recorder.useSteps(steps);
    return (step, args) => this.invokeStep(steps, step, args);
  }

  private invokeStep(steps: StepTable, step: PlanStep, args: unknown[]): unknown {
    const index = steps.indexOf(step);
    if (index < 0) return this.invoke(step.node, args);
    const keying = steps.keyings[index];
    let mode = steps.modes[index];
    if (mode === UNDECIDED) {
      mode = this.defers(keying, step.node.name) ? DEFERRED : KEYED;
      steps.modes[index] = mode;
    }
    if (mode === DEFERRED) {
      const refs = this.refsOf(keying, args, steps, index);
      if (refs) return this.computeDeferred(step.node, keying, refs, args, undefined, steps, index);
    }
    // A keyed node finds the versions of deferred arguments by identity, as every other node does.
    for (let k = 0; k < args.length; k++) {
      const deferred = steps.deferredArgument(index, k);
      if (deferred >= 0) this.versions.set(args[k] as object, deferred);
    }
    return this.invoke(step.node, args);
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
    if (!found || found.generation !== this.manifest.generation || manifestLength(found) !== plan.steps.length) return false;
    const outputs = new Map<number, unknown>();
    for (const slot of plan.outputSlots) {
      const step = plan.stepOfSlot[slot];
      if (step < 0 || outputs.has(slot)) continue; // fed values are in their slots already
      const [key, dataVersion] = manifestRecord(found, step);
      const entry = this.lookup(key, plan.steps[step].node.name);
      if (!entry || entry.dataVersion !== dataVersion) return false;
      const value = this.read(new StoredValue(key, entry, () => NOT_READ));
      if (value === NOT_READ) return false;
      outputs.set(slot, value);
    }
    for (const [slot, value] of outputs) values[slot] = value;
    this.recorder.replayed(plan, found);
    this.manifest = undefined;
    return true;
  }

  /** Queues the run's manifest after its results and sends them to the writer, without waiting for the writes. */
  finish(succeeded: boolean): Promise<void> {
    const { writer } = this.cache;
    const manifest = this.manifest;
    const records =
      succeeded && manifest
        ? manifestRecords(manifest.plan, (index, name) => this.recorder.rawOfStep(index, name), this.deferred)
        : undefined;
    if (this.steps) this.cache.known.addSteps(this.steps);
    if (manifest && records) writer.addManifest(manifest.key, { generation: manifest.generation, records }, this.deferred);
    this.ended = true;
    writer.endLog(this.deferred);
    writer.send();
    return Promise.resolve();
  }

  /** Whether the directory holds (or this process is writing) results of `name`: else no lookup can hit. */
  private isKnown(name: string): boolean {
    const { known, metadata } = this.cache;
    if (!this.knownRead) {
      known.refresh(metadata);
      this.knownRead = true;
    }
    return known.has(name);
  }

  /** The entry under `key`: one still being written, else a stored one. */
  private lookup(key: string, node: string): StoredEntry | undefined {
    return this.cache.writer.entry(key, this.cache.known.queuedHere(node)) ?? this.cache.metadata.get(key);
  }

  private keyOf(keying: NodeKeying, args: readonly unknown[]): string {
    const versions: string[] = new Array(keying.keyed.length);
    for (let k = 0; k < keying.keyed.length; k++) versions[k] = this.versionOf(args[keying.keyed[k]]);
    return cacheKeyOf(this.cache.hasher, keying.digest, versions);
  }

  /** Whether the node runs without a key: a `recompute` node, or a `default` one with nothing stored. */
  private defers(keying: NodeKeying, name: string): boolean {
    return keying.behavior === 'recompute' || (keying.behavior === 'default' && !this.isKnown(name));
  }

  /**
   * What the node's key takes from its arguments, deferred results left as indices; `undefined` when one
   * has no fingerprint. For step `index` of `steps`, an argument deferred in this run is found by its slot.
   */
  private refsOf(keying: NodeKeying, args: readonly unknown[], steps?: StepTable, index = -1): VersionRef[] | undefined {
    const refs: VersionRef[] = new Array(keying.keyed.length);
    for (let k = 0; k < keying.keyed.length; k++) {
      const position = keying.keyed[k];
      const deferred = steps ? steps.deferredArgument(index, position) : -1;
      const ref = deferred >= 0 ? deferred : this.refOf(args[position]);
      if (typeof ref === 'string' && ref.startsWith(FRESH)) return undefined;
      refs[k] = ref;
    }
    return refs;
  }

  private versionOf(value: unknown): string {
    return this.versionOfRef(this.refOf(value));
  }

  /** A data version from a ref: a deferred result's is worked out here if the thread has not answered yet. */
  private versionOfRef(ref: VersionRef): string {
    return typeof ref === 'string' ? ref : this.deferred.version(ref);
  }

  private refOf(value: unknown): VersionRef {
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

  /** Computes a node without a key (`computed` takes its result); no closure for a node that returns at once, as every node of a cold run. */
  private computeDeferred(
    node: NodeDef,
    keying: NodeKeying,
    refs: readonly VersionRef[],
    args: unknown[],
    compute: ComputeNode | undefined,
    steps?: StepTable,
    step = -1,
  ): unknown {
    const value = this.computeWith(node, args, compute);
    return isThenable(value)
      ? Promise.resolve(value).then((v) => this.computed(node, keying, refs, v, steps, step))
      : this.computed(node, keying, refs, value, steps, step);
  }

  /**
   * A node computed without a key. A typed array result is copied and queued for the writer thread, which
   * fingerprints and keys it; any other result is fingerprinted and keyed here. The deferred result of
   * step `step` of `steps` is recorded in the step table only.
   */
  private computed(node: NodeDef, keying: NodeKeying, refs: readonly VersionRef[], value: unknown, steps?: StepTable, step = -1): unknown {
    const index = this.defer(node, keying, refs, value);
    if (index < 0) return this.settleComputed(node, keying, refs, value);
    if (steps) steps.setDeferred(step, index);
    else {
      this.versions.set(value as object, index);
      this.recorder.add(node.name, index);
      this.cache.known.add(node.name);
    }
    const room = this.cache.writer.addDeferred(this.deferred, index);
    return room ? room.then(() => value) : value;
  }

  /**
   * Copies a typed array result into shared memory and enters it in the run's deferred log, its key's
   * dependencies being `refs`; gives its index. -1 when it must be keyed here: another type, a result
   * arriving after the run ended, or a node stored as Parquet.
   */
  private defer(node: NodeDef, keying: NodeKeying, refs: readonly VersionRef[], value: unknown): number {
    const type = deferrableType(value);
    if (type === undefined || this.ended || (node.cache?.format === 'parquet' && this.cache.parquet)) return -1;
    const log = this.deferred;
    const array = value as ArrayBufferView;
    for (let r = 0; r < refs.length; r++) log.refs.push(refs[r]);
    this.cache.writer.staging.copyInto(array, log);
    const index = log.add(
      node.name,
      keying.digest,
      keying.codeVersion,
      keying.behavior === 'recompute' ? 'recompute' : 'miss',
      type,
      array.byteLength,
    );
    if (this.debugging)
      getLogger().debug!(`hamilton-ts cache: ${log.statuses[index]} ${node.name} (keyed by the writer thread)`, { node: node.name });
    return index;
  }

  /** A node computed without a key whose result is keyed here, from `refs`. */
  private settleComputed(node: NodeDef, keying: NodeKeying, refs: readonly VersionRef[], value: unknown): unknown {
    const versions = refs.map((ref) => this.versionOfRef(ref));
    return this.settle(node, value, cacheKeyOf(this.cache.hasher, keying.digest, versions), keying.behavior, keying.codeVersion, false);
  }

  private compute(
    node: NodeDef,
    args: unknown[],
    compute: ComputeNode | undefined,
    key: string,
    behavior: CacheBehavior,
    codeVersion: string,
    again: boolean,
  ): unknown {
    return this.after(this.computeWith(node, args, compute), (value) => this.settle(node, value, key, behavior, codeVersion, again));
  }

  /** Records a computed result under `key`, fingerprinted here, and queues it unless its behavior or an unhashable value forbids. */
  private settle(node: NodeDef, value: unknown, key: string, behavior: CacheBehavior, codeVersion: string, again: boolean): unknown {
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
  }

  /** Reads arguments that are stored values, then computes (by `compute`, else the node's own call). */
  private computeWith(node: NodeDef, args: unknown[], compute: ComputeNode | undefined): unknown {
    let pending = false;
    let real = args;
    for (let i = 0; i < args.length; i++) {
      if (!(args[i] instanceof StoredValue)) continue;
      if (real === args) real = args.slice();
      real[i] = this.read(args[i] as StoredValue);
      pending ||= isThenable(real[i]);
    }
    const run = compute ?? node.call!;
    if (!pending) return run(real);
    return Promise.all(real).then(run);
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
    this.cache.known.add(node.name);
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
