import { type NodeOptions, updateMethodRecord } from '../metadata/method-record.js';

/**
 * Marks a method as a node. The node's name is the method's name (any `__suffix` removed) unless
 * `name` is given; its dependencies are the parameter names, or those of `@dependsOn`.
 *
 * @example
 * class Features {
 *   @node() spendUsd(spend: Float64Array): Float64Array { return spend.map((s) => s * 1.1); }
 *   @node({ name: 'total', doc: 'Total spend.', returns: Number }) async sum(spendUsd: Float64Array) { ... }
 * }
 */
export function node(options: NodeOptions = {}): MethodDecorator {
  return (target, method) =>
    updateMethodRecord(target, method, (r) => {
      r.isNode = true;
      r.options = { ...r.options, ...options };
    });
}
