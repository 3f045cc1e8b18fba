import { addModifier } from '../metadata/method-record.js';
import { PipeModifier } from '../modifiers/pipe.modifier.js';
import type { PipeStep, StepNamespace } from '../modifiers/pipe-step.js';

/** Options of `pipe`, given after the steps. */
export interface PipeOptions {
  /** The parameter whose argument runs through the steps (default: the first). */
  readonly onInput?: string;
  /**
   * Where the steps' nodes are named: a string (`ns.step`), `true` (`node.step`, so two pipes can
   * reuse step names) or `false` (the bare step name). Default: `node.fn` for an unnamed step, the
   * bare name for a named one.
   */
  readonly namespace?: StepNamespace | false;
}

/**
 * Hamilton's `pipe` (`pipe_input`): transforms one argument of the method (the first, or
 * `onInput`) through a chain of steps before the body runs. Each step is a node of its own
 * (`${node}.${fn.name}`, or `.named('x')`); a step with `.when({...})` is left out when config does
 * not match.
 *
 * @example
 * const clip = (xs: number[], hi: number) => xs.map((x) => Math.min(x, hi));
 * const scale = (xs: number[], k: number) => xs.map((x) => x * k);
 * class Features {
 *   @node() @pipe(step(clip, value(100)), step(scale, source('fx')).named('inUsd'))
 *   spend(raw: number[]): number[] { return raw; } // spend = scale(clip(raw, 100), fx)
 *
 *   @node() @pipe(step(clip, value(10)).named('clipped'), { onInput: 'fees', namespace: true })
 *   net(spend: number[], fees: number[]): number[] { ... } // fees runs through node net.clipped
 * }
 */
export function pipe(...steps: PipeStep[]): MethodDecorator;
export function pipe(...stepsAndOptions: [...PipeStep[], PipeOptions]): MethodDecorator;
export function pipe(...stepsAndOptions: unknown[]): MethodDecorator {
  return (target, method) => addModifier(target, method, new PipeModifier(stepsAndOptions));
}
