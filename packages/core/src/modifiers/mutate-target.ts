import { Conditional, type StepCondition } from './conditional.js';
import type { StepNamespace } from './pipe-step.js';

/** What `applyTo(...)` was given besides the target; checked by the graph builder. */
interface TargetSettings {
  readonly name?: unknown;
  readonly namespace?: unknown;
  readonly conditions: readonly StepCondition[];
}

/**
 * One target of `mutate` with bindings of its own (Hamilton's `apply_to`). Immutable: `named` and
 * `when*` return a new target. Nothing is checked here; the graph builder reports misuse.
 */
export class MutateTarget extends Conditional<MutateTarget> {
  private readonly settings: TargetSettings;

  constructor(
    readonly target: unknown,
    readonly bindings: unknown,
    settings: TargetSettings = { conditions: [] },
  ) {
    super();
    this.settings = settings;
  }

  get name(): unknown {
    return this.settings.name;
  }

  get namespace(): unknown {
    return this.settings.namespace;
  }

  get conditions(): readonly StepCondition[] {
    return this.settings.conditions;
  }

  /** Names the step's node (default: `${target}.${method}`); with a namespace, `${namespace}.${name}` (`true`: the target's name). */
  named(name: string, namespace?: StepNamespace): MutateTarget {
    return new MutateTarget(this.target, this.bindings, { ...this.settings, name, namespace });
  }

  protected withCondition(condition: StepCondition): MutateTarget {
    return new MutateTarget(this.target, this.bindings, { ...this.settings, conditions: [...this.settings.conditions, condition] });
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
