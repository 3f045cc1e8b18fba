// What a loader or a saver is to the graph builder: a node that reads or writes a file (or a table),
// described by the format package that made it. Core turns these into nodes; it knows no format.

/** What a loader or saver learns about its place in the graph, for its messages. */
export interface IoContext {
  /** The node running the load or save. */
  readonly node: string;
  /**
   * Where a loader tells what it read (path, bytes, rows...), for the metadata `dr.materialize` returns;
   * absent when the run does not collect it. The time taken and the format are filled in for it.
   */
  readonly reportLoad?: (report: LoadReport) => void;
}

/**
 * A loader: a node named `target` whose value is read by `load`. Options are plain values, `value(x)`
 * or `source('node')`; a source becomes a dependency and `load` receives its value under the option's key.
 */
export interface LoaderSpec {
  readonly role: 'loader';
  /** The node the loaded value becomes. */
  readonly target: string;
  /** The format's name, for docs, tags and messages (`csv`). */
  readonly format: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** What is wrong with the options, found when the graph is built (an unknown format, a missing path). */
  problems(): readonly string[];
  /** Reads the value; `options` with every source resolved. */
  load(options: Record<string, unknown>, context: IoContext): unknown;
  /** One line for the node's documentation. */
  readonly doc: string;
}

/**
 * A saver: a node named `id` that receives the values of `dependencies` and writes them with `save`;
 * the node's value is what `save` returns (metadata: path, bytes, time taken...).
 */
export interface SaverSpec {
  readonly role: 'saver';
  readonly id: string;
  readonly format: string;
  /** The nodes whose values are saved, in order. */
  readonly dependencies: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
  problems(): readonly string[];
  /** Writes `values` (dependency name → value); `options` with every source resolved. */
  save(values: Record<string, unknown>, options: Record<string, unknown>, context: IoContext): SaveMetadata | Promise<SaveMetadata>;
  readonly doc: string;
}

/** What a saver's node returns: where and what it wrote, and how long that took. */
export interface SaveMetadata {
  /** The file written (absent for a sink that is not a file, such as a SQL table). */
  readonly path?: string;
  readonly format: string;
  /** Rows and columns, when the value saved was tabular. */
  readonly rows?: number;
  readonly columns?: number;
  /** Bytes written. */
  readonly bytes?: number;
  /** Milliseconds the save took. */
  readonly ms: number;
  /** Anything else the format reports (a SQL table's name, say). */
  readonly [detail: string]: unknown;
}

/** What a loader tells of one read, through `IoContext.reportLoad`. */
export interface LoadReport {
  /** The file read (absent for a source that is not a file, such as a SQL query). */
  readonly path?: string;
  /** Rows and columns, when the value loaded is tabular. */
  readonly rows?: number;
  readonly columns?: number;
  /** Bytes read. */
  readonly bytes?: number;
  /** Anything else the format reports (a SQL query, say). */
  readonly [detail: string]: unknown;
}

/** A loader's entry in `dr.materialize`'s metadata: what it reported, with its format and the time the load took. */
export interface LoadMetadata extends LoadReport {
  readonly format: string;
  /** Milliseconds the load took, reading and parsing. */
  readonly ms: number;
}

/** Options of `dr.materialize`: the run's inputs and overrides, and nodes to return beside the savers' metadata. */
export interface MaterializeOptions {
  /** Nodes whose values are returned in `results`. */
  readonly additionalVars?: readonly string[];
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly overrides?: Readonly<Record<string, unknown>>;
}

/** What `dr.materialize` returns. */
export interface MaterializeResult {
  /** The values of `additionalVars`, by name. */
  readonly results: Record<string, unknown>;
  /**
   * Each saver's metadata by its id, and each loader's by its target, for the loaders that ran (one
   * whose target no output needs, or is overridden, reads nothing). Both are node names of one graph,
   * so a loader's entry never takes a saver's place.
   */
  readonly metadata: Record<string, SaveMetadata | LoadMetadata>;
}

/**
 * A loader or saver given to `dr.materialize(...)`; `from.*` and `to.*` of `@hamilton-ts/io` make them.
 */
export type Materializer = LoaderSpec | SaverSpec;

/** Tag that marks the nodes of loaders and savers: engines run them in the driver's process. */
export const IO_TAG = 'hamilton.io';
/** Tag holding a loader's or saver's format. */
export const FORMAT_TAG = 'hamilton.format';
