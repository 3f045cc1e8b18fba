import { updateMethodRecord } from '../metadata/method-record.js';

/**
 * Names a node's dependencies explicitly, one per parameter, in order. It wins over the parameter
 * names read from source, and is required where those cannot be read (destructuring, rest, minified code).
 *
 * @example
 * @node() @dependsOn('spendUsd', 'signups')
 * perSignup(s: Float64Array, n: Float64Array) { return s.map((v, i) => v / n[i]); }
 */
export function dependsOn(...names: string[]): MethodDecorator {
  return (target, method) =>
    updateMethodRecord(target, method, (r) => {
      r.dependsOn = names;
    });
}
