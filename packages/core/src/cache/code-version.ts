import { tagOf } from '../codec/kinds.js';
import type { CodeOrigin, NodeDef } from '../graph/types.js';
import type { Hasher } from './hasher.js';
import { normalizeSource } from './normalize-source.js';

/** Modifiers that only label nodes: changing them changes no value, so no code version. */
const LABELS: ReadonlySet<string> = new Set(['tag', 'tagOutputs', 'cache']);
const MAX_DEPTH = 24;

// Methods and modifier records belong to classes, shared by every driver of the process: each is hashed once.
const sources = new WeakMap<Function, string>();
const records = new WeakMap<object, string>();
// Nodes belong to a driver's graph: each is versioned once, on its first cached run.
const nodes = new WeakMap<NodeDef, string>();
// Every driver built from a class makes new nodes of the same code: their versions are hashed once per process.
const versions = new Map<string, string>();

/**
 * The code version of a node: a hash of its class's name, its method's source (normalised, so comments
 * and formatting do not count), the arguments of the modifiers that shaped it (functions by their
 * source), and which modifier derived it. Labels (`@tag`, `@cache`) are left out.
 */
export function codeVersionOf(node: NodeDef, hasher: Hasher): string {
  let version = nodes.get(node);
  if (version === undefined) {
    version = computeCodeVersion(node, hasher);
    nodes.set(node, version);
  }
  return version;
}

function computeCodeVersion(node: NodeDef, hasher: Hasher): string {
  const origin = node.origin;
  const code = origin?.code;
  if (!origin || !code) return hasher.digest('N', sourceText(node.call ?? (() => undefined)));
  const text = `C${origin.className.length}:${origin.className}M${origin.modifier ?? ''}${methodDigest(code.fn, hasher)}${modifiersDigest(code, hasher)}`;
  let version = versions.get(text);
  if (version === undefined) {
    version = hasher.digest(text);
    versions.set(text, version);
  }
  return version;
}

function methodDigest(fn: Function, hasher: Hasher): string {
  let digest = sources.get(fn);
  if (digest === undefined) {
    digest = hasher.digest(sourceText(fn));
    sources.set(fn, digest);
  }
  return digest;
}

function modifiersDigest(code: CodeOrigin, hasher: Hasher): string {
  const record = code.record;
  let digest = records.get(record);
  if (digest === undefined) {
    const shaping = record.modifiers.filter((m) => !LABELS.has((m as { kind?: string }).kind ?? ''));
    digest = hasher.digest(codeText(shaping, new Set(), 0));
    records.set(record, digest);
  }
  return digest;
}

function sourceText(fn: Function): string {
  return normalizeSource(Function.prototype.toString.call(fn));
}

/**
 * Modifier arguments as text: values canonically, functions and classes by their normalised source,
 * other objects (modifiers, steps, `value(...)` markers) by class name and own fields.
 */
function codeText(value: unknown, seen: Set<object>, depth: number): string {
  switch (typeof value) {
    case 'function':
      return `F${sourceText(value as Function)}`;
    case 'symbol':
      return `Y${String((value as symbol).description)}`;
    case 'string':
      return `s${value.length}:${value}`;
    case 'object':
      break;
    default:
      return Object.is(value, -0) ? 'n-0' : `${(typeof value)[0]}${String(value)}`;
  }
  if (value === null) return 'z';
  const object = value as object;
  if (seen.has(object) || depth > MAX_DEPTH) return 'cycle';
  seen.add(object);
  try {
    if (Array.isArray(object)) return `[${object.map((v) => codeText(v, seen, depth + 1)).join(',')}]`;
    const tag = tagOf(object);
    if (tag === '[object Map]')
      return `m{${[...(object as Map<unknown, unknown>)].map(([k, v]) => `${codeText(k, seen, depth + 1)}=${codeText(v, seen, depth + 1)}`).join(',')}}`;
    if (tag === '[object Set]') return `e[${[...(object as Set<unknown>)].map((v) => codeText(v, seen, depth + 1)).join(',')}]`;
    if (tag !== '[object Object]' || ArrayBuffer.isView(object)) return `${tag}${String(object)}`;
    const fields = Object.keys(object)
      .sort()
      .map((k) => `${k}=${codeText((object as Record<string, unknown>)[k], seen, depth + 1)}`);
    return `${(object.constructor as Function | undefined)?.name ?? ''}{${fields.join(',')}}`;
  } finally {
    seen.delete(object);
  }
}
