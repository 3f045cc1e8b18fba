import { messages, mutateMessages, pipeMessages as text } from '../errors/messages.js';
import { NO_TAGS } from '../graph/no-tags.js';
import type { Dependency, NodeDef, NodeOrigin } from '../graph/types.js';
import { GroupBinding, isPlainRecord, SourceBinding, ValueBinding } from './binding.js';
import { ConfigConditionModifier } from './config-condition.modifier.js';
import type { ModifierContext } from './modifier.js';
import { PipeStep } from './pipe-step.js';
import { linkTo } from './step-chain.js';

/** A step that passed its checks and its config conditions. */
export interface ResolvedStep {
  readonly name: string;
  readonly fn: Function;
  /** Per argument: a fixed value, or the name of the node it reads. */
  readonly args: ReadonlyArray<ValueBinding | SourceBinding>;
  /** `pipeOutput`: the outputs this step applies to (undefined: all). */
  readonly onOutput?: readonly string[];
}

/** The namespace option of `pipe` / `pipeOutput`: a string, `true` (the node's name), `false` (none). */
export type PipeNamespace = string | boolean;

/** Decorator arguments split into steps and the trailing options object, if any. */
export function splitOptions(args: readonly unknown[]): { steps: unknown[]; options: Record<string, unknown> | undefined } {
  const last = args.at(-1);
  return isPlainRecord(last) ? { steps: args.slice(0, -1), options: last } : { steps: [...args], options: undefined };
}

/** Checks an options object against the keys a modifier takes; returns the namespace option. */
export function readNamespace(
  options: Record<string, unknown> | undefined,
  allowed: readonly string[],
  kind: string,
  ctx: ModifierContext,
): { namespace: PipeNamespace | undefined; ok: boolean } {
  let ok = true;
  for (const key of Object.keys(options ?? {}))
    if (!allowed.includes(key)) {
      ctx.report(mutateMessages.badOptions(ctx.where, kind, key, allowed));
      ok = false;
    }
  const namespace = options?.namespace;
  if (
    namespace === undefined ||
    typeof namespace === 'boolean' ||
    (typeof namespace === 'string' && namespace !== '' && !namespace.endsWith('__'))
  )
    return { namespace, ok };
  ctx.report(mutateMessages.badNamespace(ctx.where, kind, namespace));
  return { namespace: undefined, ok: false };
}

/**
 * The included steps for one node, named: a step's own `.named(name, namespace)`, else the
 * decorator's namespace, else `${node}.${fn.name}` for an unnamed step and the bare name for a named
 * one. Undefined after reporting every misuse.
 */
export function resolveSteps(
  steps: readonly unknown[],
  nodeName: string,
  namespace: PipeNamespace | undefined,
  kind: 'pipe' | 'pipeOutput',
  ctx: ModifierContext,
): ResolvedStep[] | undefined {
  let ok = true;
  const bad = (message: string): void => {
    ok = false;
    ctx.report(message, nodeName);
  };
  const resolved: ResolvedStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const name = checkedStepName(step, i, nodeName, namespace, kind, ctx.where, bad);
    if (name === undefined || !(step instanceof PipeStep)) continue;
    const label = `@${kind} step "${name}"`;
    step.args.forEach((arg, j) => {
      if (arg instanceof GroupBinding) bad(text.groupArgument(ctx.where, label, j));
      else if (arg instanceof SourceBinding && (typeof arg.name !== 'string' || arg.name === ''))
        bad(messages.badSourceName(ctx.where, label, `argument ${j + 1}`, arg.name));
      else if (!(arg instanceof ValueBinding) && !(arg instanceof SourceBinding))
        bad(messages.bareBinding(ctx.where, label, `argument ${j + 1}`, arg));
    });
    const onOutput = outputList(step.targetOutputs, kind, ctx.where, bad);
    if (included(step, ctx, label)) resolved.push({ name, fn: step.fn as Function, args: step.args as ResolvedStep['args'], onOutput });
  }
  if (resolved.length > 1) {
    const names = resolved.map((s) => s.name);
    for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) bad(text.duplicateName(ctx.where, name, kind));
  }
  return ok ? resolved : undefined;
}

/** Whether every config condition of the step holds. */
function included(step: PipeStep, ctx: ModifierContext, label: string): boolean {
  const { conditions } = step;
  if (conditions.length === 0) return true;
  const where = `${ctx.where} (${label})`;
  return conditions.every((c) => new ConfigConditionModifier(c.test, c.values).include({ ...ctx, where }));
}

/** `onOutput` as a list of names; only `pipeOutput` steps may have one. */
export function outputList(value: unknown, kind: string, where: string, bad: (message: string) => void): string[] | undefined {
  if (value === undefined) return undefined;
  if (kind !== 'pipeOutput') bad(`${where}: .onOutput() applies to @pipeOutput steps; a @${kind} step transforms its input`);
  else if (typeof value === 'string' && value !== '') return [value];
  else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) return value;
  else bad(mutateMessages.badOnOutput(where, value));
  return undefined;
}

/** The step's node name, or undefined after reporting why the step is unusable. */
function checkedStepName(
  step: unknown,
  i: number,
  nodeName: string,
  namespace: PipeNamespace | undefined,
  kind: string,
  where: string,
  bad: (message: string) => void,
): string | undefined {
  if (!(step instanceof PipeStep)) return void bad(text.notAStep(where, i, step, kind));
  if (typeof step.fn !== 'function') return void bad(text.notAFunction(where, i, step.fn, kind));
  const own = step.namespace;
  if (own !== undefined && namespace !== undefined) return void bad(mutateMessages.twoNamespaceLevels(where, kind));
  if (own !== undefined && own !== true && (typeof own !== 'string' || own === '' || own.endsWith('__')))
    return void bad(mutateMessages.badNamespace(where, kind, own, true));
  const base = step.name ?? (step.fn.name || undefined);
  if (base === undefined) return void bad(text.anonymous(where, i, kind));
  if (typeof base !== 'string' || base === '' || base.endsWith('__')) return void bad(text.badName(where, i, base, kind));
  const scope = own ?? namespace ?? step.name === undefined;
  return scope === false ? base : `${scope === true ? nodeName : scope}.${base}`;
}

/** One node per step, each reading the previous link (first: `head`); returns them and the last link. */
export function stepNodes(
  head: Dependency,
  steps: readonly ResolvedStep[],
  describe: (step: ResolvedStep, i: number) => string,
  origin: NodeOrigin | undefined,
): { nodes: NodeDef[]; last: Dependency } {
  let previous = head;
  const nodes: NodeDef[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const deps: Dependency[] = [previous];
    previous = linkTo(step.name);
    nodes.push({
      name: step.name,
      kind: 'function',
      deps,
      call: stepCall(step, deps),
      returnType: undefined,
      tags: NO_TAGS,
      doc: describe(step, i),
      origin,
    });
  }
  return { nodes, last: previous };
}

/** `fn(piped, ...args)`: each extra argument a fixed value or a dependency, appended to `deps`. */
function stepCall(step: ResolvedStep, deps: Dependency[]): (args: unknown[]) => unknown {
  const fn = step.fn;
  if (step.args.length === 0) return (args) => fn(args[0]);
  const readers = step.args.map((arg): ((args: unknown[]) => unknown) => {
    if (arg instanceof ValueBinding) return () => arg.value;
    deps.push({ name: arg.name, param: arg.name, type: undefined, optional: false });
    const at = deps.length - 1;
    return (args) => args[at];
  });
  return (args) => fn(args[0], ...readers.map((read) => read(args)));
}
