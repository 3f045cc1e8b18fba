// Namespaced reflect-metadata keys of the core, in one place so no two features collide.

/** Per method: the `MethodRecord` every decorator of that method adds to. */
export const METHOD_RECORD_KEY = '@hamilton-ts/core:method';
/** Per prototype: the names of its own methods that carry any hamilton-ts decorator. */
export const DECORATED_METHODS_KEY = '@hamilton-ts/core:decorated-methods';
