import 'reflect-metadata';
import { collect, node, parallelizable } from '@hamilton-ts/core';

/** A dependency of a generated node: an earlier node or an external input, maybe with a default. */
export interface DepSpec {
  readonly name: string;
  /** The parameter's default value: the dependency is optional. */
  readonly fallback?: number;
}

/** One generated node. Values are numbers (or arrays of them, out of a collect). */
export interface NodeSpec {
  readonly name: string;
  readonly deps: readonly DepSpec[];
  readonly async: boolean;
  /** Throws when the sum of its arguments is a multiple of 5. */
  readonly fragile: boolean;
  readonly role: 'plain' | 'parallel' | 'collect';
  /** For a collect: the dependency it gathers. */
  readonly collects?: string;
}

/** A generated pipeline: its nodes, dependencies before dependents. */
export interface DagSpec {
  readonly nodes: readonly NodeSpec[];
}

const sum = (values: readonly unknown[]): number =>
  values.reduce<number>((total, v) => total + (Array.isArray(v) ? sum(v) : typeof v === 'number' ? v : 0), 0);

/** What every generated node computes: deterministic in its arguments, whatever runs it. */
function compute(spec: NodeSpec, args: readonly unknown[]): unknown {
  const total = sum(args);
  if (spec.fragile && total % 5 === 0) throw new Error(`${spec.name} refused ${total}`);
  if (spec.role === 'parallel') return Array.from({ length: Math.abs(total) % 4 }, (_, j) => total + j);
  let hash = 7;
  for (const c of spec.name) hash = (hash * 31 + c.charCodeAt(0)) % 1009;
  return (total * 3 + hash) % 100_003;
}

/**
 * The pipeline class of a spec: real parameter lists (defaults included) and decorators applied as compiled code does.
 * `className` names the class: workers find a driver's classes by name, so pipelines sharing a module need their own.
 */
export function dagFromSpec(spec: DagSpec, className = 'RandomDag'): new () => object {
  if (!/^[A-Za-z_$][\w$]*$/.test(className)) throw new Error(`not a class name: ${JSON.stringify(className)}`);
  const methods = spec.nodes.map((n, i) => {
    const params = n.deps.map((d) => (d.fallback === undefined ? d.name : `${d.name} = ${d.fallback}`)).join(', ');
    const call = `run(${i}, [${n.deps.map((d) => d.name).join(', ')}])`;
    return n.async ? `async ${n.name}(${params}) { await pause(${i}); return ${call}; }` : `${n.name}(${params}) { return ${call}; }`;
  });
  const run = (i: number, args: unknown[]) => compute(spec.nodes[i], args);
  // Async nodes settle in an order that varies with their position, so concurrent engines interleave.
  const pause = (i: number) => new Promise((resolve) => setTimeout(resolve, i % 3));
  const cls = new Function('run', 'pause', `return class ${className} {\n${methods.join('\n')}\n};`)(run, pause) as new () => object;
  for (const n of spec.nodes) {
    const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, n.name)!;
    node()(cls.prototype, n.name, descriptor);
    if (n.role === 'parallel') parallelizable()(cls.prototype, n.name, descriptor);
    if (n.role === 'collect') collect(n.collects!)(cls.prototype, n.name, descriptor);
  }
  return cls;
}

/** The spec carried in this module's URL (`random-dag.ts?spec=...`), so a worker thread rebuilds the same class. */
function specOfUrl(): DagSpec | undefined {
  const encoded = new URL(import.meta.url).searchParams.get('spec');
  return encoded ? (JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as DagSpec) : undefined;
}

const fromUrl = specOfUrl();

/** The pipeline of the spec in this module's URL, when there is one. */
export const RandomDag = fromUrl ? dagFromSpec(fromUrl) : undefined;

/** This module's URL carrying `spec`. */
export function urlOf(spec: DagSpec): URL {
  const url = new URL(import.meta.url);
  url.search = `?spec=${Buffer.from(JSON.stringify(spec)).toString('base64url')}`;
  return url;
}
