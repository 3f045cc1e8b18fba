import { addModifier } from '../metadata/method-record.js';
import { PipeModifier } from '../modifiers/pipe.modifier.js';
import type { PipeStep } from '../modifiers/pipe-step.js';

/**
 * Hamilton's `pipe`: transforms the method's FIRST argument through a chain of steps before the
 * body runs. Each step is a node of its own (`${node}.${fn.name}`, or `.named('x')`); a step with
 * `.when({...})` is left out when config does not match.
 *
 * @example
 * const clip = (xs: number[], hi: number) => xs.map((x) => Math.min(x, hi));
 * const scale = (xs: number[], k: number) => xs.map((x) => x * k);
 * class Features {
 *   @node() @pipe(step(clip, value(100)), step(scale, source('fx')).named('inUsd'))
 *   spend(raw: number[]): number[] { return raw; } // spend = scale(clip(raw, 100), fx)
 * }
 */
export function pipe(...steps: PipeStep[]): MethodDecorator {
  return (target, method) => addModifier(target, method, new PipeModifier(steps));
}
