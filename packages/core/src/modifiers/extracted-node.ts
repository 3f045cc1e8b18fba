import { derivedOrigin } from '../graph/derived-origin.js';
import { NO_TAGS } from '../graph/no-tags.js';
import type { Dependency, NodeDef, TypeRef } from '../graph/types.js';

/** Return types that can never hold columns or fields: a method declaring one cannot be extracted from. */
const PRIMITIVE_TYPES: ReadonlySet<Function> = new Set([Number, String, Boolean, BigInt, Symbol]);

/** Whether a node's declared return type is a primitive. */
export function returnsPrimitive(node: NodeDef): boolean {
  return node.returnType !== undefined && PRIMITIVE_TYPES.has(node.returnType);
}

/** A part of a node's value (a column, a field) as a node of its own. */
export interface Extraction {
  readonly name: string;
  readonly returnType: TypeRef;
  readonly doc: string;
  /** Computes the part from its one argument, the value of the node it is extracted from. */
  readonly call: (args: unknown[]) => unknown;
}

/**
 * Makes the nodes that depend on `from` alone and compute parts of its value. They share one
 * dependency list and one origin, made once for all the parts of `from` (both are never mutated).
 */
export function extractor(from: NodeDef, modifier: string): (part: Extraction) => NodeDef {
  const deps: readonly Dependency[] = [{ name: from.name, param: from.name, type: undefined, optional: false }];
  const origin = from.origin && derivedOrigin(from.origin, modifier);
  return (part) => ({
    name: part.name,
    kind: 'function',
    deps,
    call: part.call,
    returnType: part.returnType,
    tags: NO_TAGS,
    doc: part.doc,
    origin,
  });
}

/** An own key, or one a class defines (a getter), but not one every object inherits (`toString`). */
export function hasKey(object: object, key: string): boolean {
  return Object.hasOwn(object, key) || (key in object && !(key in Object.prototype));
}

/**
 * The doc of an extracted node: the method's own doc, as Hamilton gives every extracted node, or the
 * generated line (e.g. `Column "spend" of marketing.`) when the method has none.
 */
export function extractedDoc(methodDoc: string, generated: string): string {
  return methodDoc === '' ? generated : methodDoc;
}
