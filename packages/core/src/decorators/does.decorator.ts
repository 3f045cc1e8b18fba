import { addModifier } from '../metadata/method-record.js';
import { DoesModifier } from '../modifiers/does.modifier.js';

/**
 * Replaces the method's body with `fn`, keeping its signature (dependencies and types). `fn` is
 * called with one record of the dependency values keyed by parameter name; `mapping`
 * (`{ fnKey: 'methodParam' }`) passes a parameter under another key. The method's own body never
 * runs, so any placeholder will do.
 *
 * @example
 * const sumAll = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
 * @node() @does(sumAll) total(spend: number, fees: number): number { return undefined!; }
 */
export function does<D extends object>(fn: (deps: D) => unknown, mapping?: Record<string, string>): MethodDecorator {
  return (target, method) => addModifier(target, method, new DoesModifier(fn, mapping));
}
