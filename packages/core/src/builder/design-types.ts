import 'reflect-metadata';
import type { TypeRef } from '../graph/types.js';
import type { MethodSource } from './collect-methods.js';

const PARAM_TYPES = 'design:paramtypes';
const RETURN_TYPE = 'design:returntype';

/** What `emitDecoratorMetadata` recorded about a method; undefined where nothing was recorded. */
export interface DesignTypes {
  readonly params: readonly TypeRef[] | undefined;
  readonly returns: TypeRef;
}

/**
 * The method's `design:paramtypes` and `design:returntype`: each from the method's own prototype
 * when recorded there, else from the nearest prototype up the chain that has it. Compiled
 * TypeScript records both on the method's own prototype, read in two lookups. Without a parameter
 * list there (plain JavaScript, generated classes), the recorded keys are listed instead, own and
 * then inherited: reflect-metadata is slow to report a key that is absent, and each key would
 * otherwise cost two such lookups.
 */
export function designTypes(source: MethodSource): DesignTypes {
  const { prototype, method } = source;
  const params = Reflect.getOwnMetadata(PARAM_TYPES, prototype, method);
  if (params !== undefined) {
    const returns = Reflect.getOwnMetadata(RETURN_TYPE, prototype, method);
    // `void` methods record `undefined` as their return type: only a missing key is looked up the chain.
    return {
      params,
      returns: returns !== undefined || Reflect.hasOwnMetadata(RETURN_TYPE, prototype, method) ? returns : inherited(source, RETURN_TYPE),
    };
  }
  const own = Reflect.getOwnMetadataKeys(prototype, method);
  const parent = Object.getPrototypeOf(prototype) as object | null;
  const up = parent ? Reflect.getMetadataKeys(parent, method) : [];
  // biome-ignore lint/suspicious/noExplicitAny: metadata values are typed by their key (Function or Function[]).
  const read = (key: string): any =>
    own.includes(key)
      ? Reflect.getOwnMetadata(key, prototype, method)
      : up.includes(key)
        ? Reflect.getMetadata(key, parent!, method)
        : undefined;
  return { params: read(PARAM_TYPES), returns: read(RETURN_TYPE) };
}

/** `key` from the prototypes above the method's own. */
function inherited(source: MethodSource, key: string): TypeRef {
  const parent = Object.getPrototypeOf(source.prototype) as object | null;
  return parent ? Reflect.getMetadata(key, parent, source.method) : undefined;
}
