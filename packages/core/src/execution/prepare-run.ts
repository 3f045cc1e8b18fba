import { type InputProblem, InputValidationError } from '../errors/input-validation-error.js';
import { describeType, messages } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { Graph, TypeRef } from '../graph/types.js';
import { assertKnownNodes } from '../graph/unknown-nodes.js';
import { type BoundHook, firstVerdict, type HookSet, isThenable } from '../lifecycle/hook-set.js';
import { type ExecutionPlan, planExecution } from './execution-plan.js';

/** What a caller passes to `execute` besides the outputs. */
export interface ExecuteOptions {
  /** Values of external inputs, by name. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Values that replace nodes; nothing upstream of an overridden node runs. */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

/** A validated run: its plan and the slot values filled from overrides, config and inputs. */
export interface PreparedRun {
  readonly plan: ExecutionPlan;
  readonly values: unknown[];
}

const PLAN_CACHE_SIZE = 64;

/** Plans and validates runs, caching plans by the shape of the call (outputs, input and override names). */
export class RunPreparer {
  private readonly plans = new Map<string, ExecutionPlan>();

  constructor(
    private readonly graph: Graph,
    private readonly hooks: HookSet,
  ) {}

  /** Throws `UnknownNodeError` or `InputValidationError` exactly as `execute` would, before any node runs. */
  prepare(outputs: readonly string[], options: ExecuteOptions = {}): PreparedRun {
    const inputs = definedEntries(options.inputs);
    const overrides = options.overrides ?? {};
    const plan = this.planFor(outputs, inputs, overrides);
    const values = new Array(plan.slotCount);
    const problems: InputProblem[] = [...plan.problems];
    const validators = this.hooks.get('validateInput');
    for (const feed of plan.feeds) {
      if (feed.source === 'override') values[feed.slot] = overrides[feed.name];
      else if (feed.source === 'config') values[feed.slot] = feed.node.value;
      else {
        const value = inputs[feed.name];
        values[feed.slot] = value;
        const neededBy = plan.neededBy.get(feed.name) ?? ['(requested as an output)'];
        const message = inputProblem(feed.name, value, feed.type, neededBy, validators);
        if (message) problems.push({ input: feed.name, neededBy, message });
      }
    }
    if (problems.length) throw new InputValidationError(problems);
    return { plan, values };
  }

  private planFor(
    outputs: readonly string[],
    inputs: Record<string, unknown>,
    overrides: Readonly<Record<string, unknown>>,
  ): ExecutionPlan {
    const inputKeys = Object.keys(inputs);
    const overrideKeys = Object.keys(overrides);
    const key = `${outputs.join('\u0000')}\u0001${inputKeys.join('\u0000')}\u0001${overrideKeys.join('\u0000')}`;
    let plan = this.plans.get(key);
    if (!plan) {
      assertKnownNodes(this.graph, outputs, 'output');
      assertKnownNodes(this.graph, overrideKeys, 'override');
      plan = planExecution(this.graph, outputs, new Set(inputKeys), new Set(overrideKeys));
      if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(key, plan);
    }
    return plan;
  }
}

/** Why an input cannot be used, or `undefined`: the first answer of an adapter's `validateInput` decides, else the type. */
function inputProblem(
  name: string,
  value: unknown,
  type: TypeRef,
  neededBy: readonly string[],
  validators: readonly BoundHook<'validateInput'>[],
): string | undefined {
  const answer = validators.length ? firstVerdict(validators, { name, value, type: type ?? Object }) : undefined;
  if (!answer) return valueMatchesType(value, type) ? undefined : messages.inputType(name, describeType(type), value, neededBy);
  if (isThenable(answer.verdict)) return messages.asyncVerdict('validateInput', answer.adapter);
  return answer.verdict ? undefined : messages.inputRejected(name, answer.adapter, value);
}

/** Inputs given as `undefined` count as not given. */
function definedEntries(record: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!record) return {};
  for (const key in record)
    if (record[key] === undefined) return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  return record as Record<string, unknown>;
}
