import { addModifier } from '../metadata/method-record.js';
import { PipeOutputModifier } from '../modifiers/pipe-output.modifier.js';
import type { PipeStep, StepNamespace } from '../modifiers/pipe-step.js';

/** Options of `pipeOutput`, given after the steps. */
export interface PipeOutputOptions {
  /** The outputs to pipe when the method has several (extractColumns, extractFields, ...); default: all. */
  readonly onOutput?: string | readonly string[];
  /** Where the steps' nodes are named, as for `pipe`: a string, `true` (`node.step`) or `false` (bare names). */
  readonly namespace?: StepNamespace | false;
}

/**
 * Hamilton's `pipe_output`: runs the method's value through a chain of steps after the body. The
 * method's own value becomes node `${node}.raw`; each step is a node (`${node}.${fn.name}`, or
 * `.named('x')`); `${node}` is the end of the chain, so consumers read the transformed value. Steps
 * take `.when({...})` and, for a method with several outputs, `.onOutput('col')`.
 *
 * @example
 * const clip = (xs: Float64Array, hi: number) => xs.map((x) => Math.min(x, hi));
 * class Features {
 *   @node() @pipeOutput(step(clip, value(100)), step(Float64Array.from).named('copied').when({ copy: true }))
 *   spend(raw: Float64Array): Float64Array { return raw; } // nodes spend.raw, spend.clip, spend
 * }
 */
export function pipeOutput(...steps: PipeStep[]): MethodDecorator;
export function pipeOutput(...stepsAndOptions: [...PipeStep[], PipeOutputOptions]): MethodDecorator;
export function pipeOutput(...stepsAndOptions: unknown[]): MethodDecorator {
  return (target, method) => addModifier(target, method, new PipeOutputModifier(stepsAndOptions));
}
