// Types that carry the graph from the modules' classes to the values a driver returns. Decorators
// cannot change a type, so what is visible here is every public method of a module: its name
// (with a `__variant` suffix dropped, as the builder does) and its awaited return type. Names the
// types cannot see (renamed nodes, nodes made by modifiers) fall back to `unknown`.
import type { RecordOfOutputs } from '@hamilton-ts/result-builders';

type AnyMethod = (...args: never[]) => unknown;

/** A module or an array of them, one or two levels deep (deeper nesting still runs, typed `unknown`). */
type ModuleIn<M> = M extends readonly (infer E)[] ? (E extends readonly (infer F)[] ? (F extends readonly unknown[] ? never : F) : E) : M;
type InstanceIn<M> = M extends abstract new (...args: never[]) => infer I ? I : M;
type Instances<M> = InstanceIn<ModuleIn<M>>;
type MethodNames<I> = I extends unknown ? { [K in keyof I]: I[K] extends AnyMethod ? K : never }[keyof I] & string : never;
type NodeNameOf<Method extends string> = Method extends `${infer Base}__${string}` ? Base : Method;
type ReturnsOf<I, Name extends string> = I extends unknown
  ? {
      [P in MethodNames<I>]: NodeNameOf<P> extends Name ? (I[P] extends (...args: never[]) => infer R ? Awaited<R> : never) : never;
    }[MethodNames<I>]
  : never;

/**
 * The value type of every node the types can see in modules `M` (a class, an instance, or an array
 * of them): method name → awaited return type. Variants `mean__a` and `mean__b` give `mean` the
 * union of their types.
 *
 * @example
 * type Spend = NodeTypes<typeof SpendFeatures>; // { spendUsd: Float64Array; perSignup: Float64Array; ... }
 */
export type NodeTypes<M> = 0 extends 1 & M ? {} : { [Name in NodeNameOf<MethodNames<Instances<M>>>]: ReturnsOf<Instances<M>, Name> };

/**
 * The record `rawExecute(outputs)` returns: each requested name typed from the modules, `unknown`
 * where the types cannot see the node. Other keys read as `unknown`, as on a plain record.
 */
export type OutputsOf<M, Names extends string> = { [Name in Names]: (NodeTypes<M> & Record<string, unknown>)[Name] } & Record<
  string,
  unknown
>;

/** What `execute` returns for a builder result `R`: `DictResult`'s record becomes the typed outputs. */
export type ResultOf<R, Outputs> = R extends RecordOfOutputs ? Outputs : R;
