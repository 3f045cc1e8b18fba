import { messages, pipeMessages as text } from '../errors/messages.js';
import type { Dependency, NodeDef } from '../graph/types.js';
import { GroupBinding, SourceBinding, ValueBinding } from './binding.js';
import { ConfigConditionModifier } from './config-condition.modifier.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';
import { PipeStep } from './pipe-step.js';

/** A step that passed its checks and its config conditions. */
interface ResolvedStep {
  readonly name: string;
  readonly fn: Function;
  /** Per argument: a fixed value, or the name of the node it reads. */
  readonly args: ReadonlyArray<ValueBinding | SourceBinding>;
}

/**
 * Runs the first argument of the method through a chain of steps before the body: each step is a
 * node (`${node}.${fn.name}` or its `.named()` name) taking the previous value, and the method's
 * first dependency becomes the last step. Runs before `inject`/`parameterize`, so their outputs share
 * one chain.
 */
export class PipeModifier implements Modifier {
  readonly phase = 'expand';
  /** After `does` (0), before `inject` (1) and `parameterize` (2): Hamilton's injection point. */
  readonly order = 0.5;
  readonly kind = 'pipe';

  constructor(private readonly steps: readonly unknown[]) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    if (this.steps.length === 0) {
      ctx.report(text.noSteps(ctx.where));
      return nodes;
    }
    const targets = new Set(sinksOf(nodes));
    const result: NodeDef[] = [];
    for (const node of nodes) {
      if (!targets.has(node)) result.push(node);
      else if (node.deps.length === 0) {
        ctx.report(text.noParameter(ctx.where, node.name), node.name);
        result.push(node);
      } else {
        const steps = this.resolve(node.name, ctx);
        result.push(...(steps ? chain(node, steps) : [node]));
      }
    }
    return result;
  }

  /** The included steps for one node, or undefined after reporting every misuse. */
  private resolve(nodeName: string, ctx: ModifierContext): ResolvedStep[] | undefined {
    let ok = true;
    const bad = (message: string): void => {
      ok = false;
      ctx.report(message, nodeName);
    };
    const resolved: ResolvedStep[] = [];
    for (const [i, step] of this.steps.entries()) {
      const name = checkedStepName(step, i, nodeName, ctx.where, bad);
      if (name === undefined || !(step instanceof PipeStep)) continue;
      const label = `@pipe step "${name}"`;
      step.args.forEach((arg, j) => {
        if (arg instanceof GroupBinding) bad(text.groupArgument(ctx.where, label, j));
        else if (arg instanceof SourceBinding && (typeof arg.name !== 'string' || arg.name === ''))
          bad(messages.badSourceName(ctx.where, label, `argument ${j + 1}`, arg.name));
        else if (!(arg instanceof ValueBinding) && !(arg instanceof SourceBinding))
          bad(messages.bareBinding(ctx.where, label, `argument ${j + 1}`, arg));
      });
      const where = `${ctx.where} (${label})`;
      const included = step.conditions.every((c) => new ConfigConditionModifier(c.test, c.values).include({ ...ctx, where }));
      if (included) resolved.push({ name, fn: step.fn as Function, args: step.args as ResolvedStep['args'] });
    }
    const names = resolved.map((s) => s.name);
    for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) bad(text.duplicateName(ctx.where, name));
    return ok ? resolved : undefined;
  }
}

/** The step's node name, or undefined after reporting why the step is unusable. */
function checkedStepName(step: unknown, i: number, nodeName: string, where: string, bad: (message: string) => void): string | undefined {
  let problem: string | undefined;
  if (!(step instanceof PipeStep)) problem = text.notAStep(where, i, step);
  else if (typeof step.fn !== 'function') problem = text.notAFunction(where, i, step.fn);
  else {
    const name = step.name === undefined ? (step.fn.name ? `${nodeName}.${step.fn.name}` : undefined) : step.name;
    if (name === undefined) problem = text.anonymous(where, i);
    else if (typeof name !== 'string' || name === '' || name.endsWith('__')) problem = text.badName(where, i, name);
    else return name;
  }
  bad(problem);
  return undefined;
}

/** The step nodes, then `node` reading the last of them instead of its first dependency. */
function chain(node: NodeDef, steps: readonly ResolvedStep[]): NodeDef[] {
  if (steps.length === 0) return [node];
  const [first, ...rest] = node.deps;
  let previous: Dependency = { ...first, type: undefined };
  const stepNodes = steps.map((step, i): NodeDef => {
    const deps: Dependency[] = [previous];
    const readers = step.args.map((arg): ((args: unknown[]) => unknown) => {
      if (arg instanceof ValueBinding) return () => arg.value;
      deps.push({ name: arg.name, param: arg.name, type: undefined, optional: false });
      const at = deps.length - 1;
      return (args) => args[at];
    });
    const fn = step.fn;
    previous = { name: step.name, param: 'value', type: undefined, optional: false };
    return {
      name: step.name,
      kind: 'function',
      deps,
      call: (args) => fn(args[0], ...readers.map((read) => read(args))),
      returnType: undefined,
      tags: {},
      doc: `step ${i + 1} of ${steps.length} piped into ${node.name}.${first.param}: ${fn.name || step.name}`,
      origin: node.origin,
    };
  });
  return [...stepNodes, { ...node, deps: [{ ...first, name: previous.name, optional: false }, ...rest] }];
}
