/** A type as reflected by `design:*` metadata; `undefined` means "any". */
export type TypeRef = Function | undefined;

/** A tag value: a string, or a list of strings for multi-valued tags. */
export type TagValue = string | readonly string[];

/** One positional dependency of a node. */
export interface Dependency {
  /** The upstream node (or external input) it reads. */
  readonly name: string;
  /** The parameter it binds to, for messages (often equal to `name`). */
  readonly param: string;
  readonly type: TypeRef;
  /** Optional: the parameter has a default, which applies when nothing supplies a value. */
  readonly optional: boolean;
}

/** Where a node came from: a class and method, for messages and for re-finding it in another process. */
export interface NodeOrigin {
  readonly className: string;
  readonly method: string;
  /** True when the module was given as an instance rather than a class. */
  readonly fromInstance?: boolean;
  /** The modifier that derived the node from the method (e.g. `parameterize`), for messages. */
  readonly modifier?: string;
  /** The method and the modifiers applied to it: what the cache's code version hashes. */
  readonly code?: CodeOrigin;
}

/** The code a node runs: its method, and the modifiers (with their arguments) that shaped it. */
export interface CodeOrigin {
  readonly fn: Function;
  readonly record: { readonly modifiers: readonly object[] };
}

/** How a node gets its value: computed by a function, fed from outside, or fixed by config. */
export type NodeKind = 'function' | 'external' | 'config';

/** A node of the graph: everything the executor and the queries need. */
export interface NodeDef {
  readonly name: string;
  readonly kind: NodeKind;
  readonly deps: readonly Dependency[];
  /** Computes the value from positional arguments (absent for external and config nodes). */
  readonly call?: (args: unknown[]) => unknown;
  readonly returnType: TypeRef;
  readonly tags: Readonly<Record<string, TagValue>>;
  readonly doc: string;
  readonly origin?: NodeOrigin;
  /** The value of a config node. */
  readonly value?: unknown;
  /** `@parallelizable`: the node's value is an iterable whose items fan out. */
  readonly parallelizable?: boolean;
  /** `@collect`: the dependency whose per-item values this node gathers into an array. */
  readonly collects?: string;
  /** `@cache(...)`: how the cache treats this node, and the format its results are stored in. */
  readonly cache?: NodeCacheSettings;
  /** The end of an output chain (`pipeOutput`, `mutate`): an identity over the chain's last step. */
  readonly pipeEnd?: true;
}

/** What `@cache` says about a node. */
export interface NodeCacheSettings {
  readonly behavior?: 'default' | 'recompute' | 'disable' | 'ignore';
  readonly format?: 'json' | 'arrow' | 'parquet';
}

/** A parallelizable block: the nodes that run once per item between a fan-out and its collect. */
export interface ParallelBlock {
  /** The `@parallelizable` node whose items fan out. */
  readonly parallel: string;
  /** The `@collect` node that gathers them. */
  readonly collect: string;
  /** The collect's dependency whose per-item values are gathered (a body node, or `parallel` itself). */
  readonly gathered: string;
  /** Nodes downstream of `parallel` and not past the collect: they run once per item. */
  readonly body: ReadonlySet<string>;
}

/** The built graph: nodes by name (external inputs included) and the config it was built with. */
export interface Graph {
  readonly nodes: ReadonlyMap<string, NodeDef>;
  readonly config: Readonly<Record<string, unknown>>;
  /** Parallelizable blocks by the name of their collect node. */
  readonly blocks?: ReadonlyMap<string, ParallelBlock>;
}

/** Edges as name → names, the form the pure graph algorithms take. */
export type Adjacency = ReadonlyMap<string, readonly string[]>;
