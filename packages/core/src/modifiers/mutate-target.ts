import { Conditional, type ConditionalSettings } from './conditional.js';

/**
 * One target of `mutate` with bindings of its own (Hamilton's `apply_to`). Immutable: `named` and
 * `when*` return a new target; by default its node is `${target}.${method}`. Nothing is checked
 * here; the graph builder reports misuse.
 */
export class MutateTarget extends Conditional<MutateTarget> {
  constructor(
    readonly target: unknown,
    readonly bindings: unknown,
    settings: ConditionalSettings = { conditions: [] },
  ) {
    super(settings);
  }

  protected withSettings(settings: ConditionalSettings): MutateTarget {
    return new MutateTarget(this.target, this.bindings, settings);
  }
}

/**
 * A target of `mutate` with its own bindings for the mutator's other parameters (`value(x)` /
 * `source('node')`), and optionally `.when({...})` or `.named('x')`.
 *
 * @example
 * @mutate(applyTo('spend', { cap: value(100) }), applyTo('fees', { cap: source('feeCap') }).when({ region: 'EU' }))
 * clip(xs: Float64Array, cap: number): Float64Array { return xs.map((x) => Math.min(x, cap)); }
 */
export function applyTo(target: string, bindings?: Readonly<Record<string, unknown>>): MutateTarget {
  return new MutateTarget(target, bindings);
}
