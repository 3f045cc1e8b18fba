/**
 * A test for "is this error one of these types": `error instanceof T`, or an error whose `name` is
 * `T.name`, since errors that come back from worker threads or other processes are rebuilt and keep
 * only their name. Without types, every thrown value matches.
 *
 * @example
 * const matches = errorMatcher([RangeError]);
 * matches(new RangeError('x')); // true
 * matches(Object.assign(new Error('x'), { name: 'RangeError' })); // true: rebuilt in another thread
 * matches(new TypeError('x')); // false
 */
export function errorMatcher(types: readonly Function[] | undefined): (error: unknown) => boolean {
  if (types === undefined) return () => true;
  return (error) => types.some((type) => error instanceof type || (hasName(error) && type.name !== '' && error.name === type.name));
}

function hasName(error: unknown): error is { name: unknown } {
  return typeof error === 'object' && error !== null && 'name' in error;
}
