import { addModifier } from '../metadata/method-record.js';
import { ParallelizableModifier } from '../modifiers/parallel.modifier.js';

/**
 * Fans out: the node returns an iterable (array, Set, generator, async iterable), and the nodes
 * downstream of it, up to a `@collect`, run once per item. Edges from it carry `itemType`
 * (default: any), since the method's own return type is the collection.
 *
 * @example
 * @node() @parallelizable(String) files(dir: string): string[] { return readdirSync(dir); }
 * @node() size(files: string): number { return statSync(files).size; }
 * @node() @collect('size') total(size: number[]): number { return size.reduce((a, b) => a + b, 0); }
 */
export function parallelizable(itemType?: Function): MethodDecorator {
  return (target, method) => addModifier(target, method, new ParallelizableModifier(itemType));
}
