import type { NodeDef, TypeRef } from '../graph/types.js';

/** Return types that can never hold columns or fields: a method declaring one cannot be extracted from. */
const PRIMITIVE_TYPES: ReadonlySet<Function> = new Set([Number, String, Boolean, BigInt, Symbol]);

/** Whether a node's declared return type is a primitive. */
export function returnsPrimitive(node: NodeDef): boolean {
  return node.returnType !== undefined && PRIMITIVE_TYPES.has(node.returnType);
}

/** What a derived node reads from the value of the node it is extracted from. */
export interface Extraction {
  readonly name: string;
  readonly modifier: string;
  readonly returnType: TypeRef;
  readonly doc: string;
  readonly read: (value: unknown) => unknown;
}

/** A node that depends on `from` alone and computes a part of its value (a column, a field). */
export function extractedNode(from: NodeDef, part: Extraction): NodeDef {
  return {
    name: part.name,
    kind: 'function',
    deps: [{ name: from.name, param: from.name, type: undefined, optional: false }],
    call: (args) => part.read(args[0]),
    returnType: part.returnType,
    tags: {},
    doc: part.doc,
    ...(from.origin ? { origin: { ...from.origin, modifier: part.modifier } } : {}),
  };
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
