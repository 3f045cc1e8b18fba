// Namespaced reflect-metadata keys of the core, in one place so no two features collide.

/**
 * Per prototype: a `Map` from the name of each of its own methods that carries any hamilton-ts
 * decorator to the `MethodRecord` those decorators add to, in declaration order.
 */
export const DECORATED_METHODS_KEY = '@hamilton-ts/core:decorated-methods';
