import { type InputProblem, InputValidationError } from '../errors/input-validation-error.js';
import { describeType, messages, overrideMessages } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { Graph, TypeRef } from '../graph/types.js';
import { assertKnownNodes } from '../graph/unknown-nodes.js';
import { type BoundHook, firstVerdict, type HookSet, isThenable } from '../lifecycle/hook-set.js';
import { type ExecutionPlan, type Feed, planExecution } from './execution-plan.js';

/** What a caller passes to `execute` besides the outputs. */
export interface ExecuteOptions {
  /** Values of external inputs, by name. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /**
   * Values that replace nodes; nothing upstream of an overridden node runs. Each is checked against
   * the type of the node it replaces (`Object` or unknown accepts anything) and by adapters' `validateInput`.
   */
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
      if (feed.source === 'config') {
        values[feed.slot] = feed.node.value;
        continue;
      }
      const value = feed.source === 'override' ? overrides[feed.name] : inputs[feed.name];
      values[feed.slot] = value;
      const refusal = fansOut(feed)
        ? refusalOf(feed.name, value, undefined, isIterable(value), validators)
        : refusalOf(feed.name, value, feed.type, valueMatchesType(value, feed.type), validators);
      if (refusal)
        problems.push(feed.source === 'override' ? overrideProblem(plan, feed, value, refusal) : inputProblem(plan, feed, value, refusal));
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

/** Why a fed value was refused: its type, or an adapter's `validateInput` (`async`: it answered with a promise). */
interface Refusal {
  readonly adapter?: string;
  readonly async?: boolean;
}

const WRONG_TYPE: Refusal = {};

/**
 * Whether an input or override may be used (`undefined`) or why not: the first answer of an
 * adapter's `validateInput` (told `type`, `Object` when unknown) decides, else `fits`, the built-in check.
 */
function refusalOf(
  name: string,
  value: unknown,
  type: TypeRef,
  fits: boolean,
  validators: readonly BoundHook<'validateInput'>[],
): Refusal | undefined {
  const answer = validators.length ? firstVerdict(validators, { name, value, type: type ?? Object }) : undefined;
  if (!answer) return fits ? undefined : WRONG_TYPE;
  if (isThenable(answer.verdict)) return { adapter: answer.adapter, async: true };
  return answer.verdict ? undefined : { adapter: answer.adapter };
}

function inputProblem(plan: ExecutionPlan, feed: Feed, value: unknown, refusal: Refusal): InputProblem {
  const neededBy = plan.neededBy.get(feed.name) ?? ['(requested as an output)'];
  return { input: feed.name, neededBy, message: refusalMessage(refusal, 'input', feed, value, neededBy) };
}

/** An override feeds the steps that read its slot; they are looked up only when something is wrong. */
function overrideProblem(plan: ExecutionPlan, feed: Feed, value: unknown, refusal: Refusal): InputProblem {
  const consumers: string[] = [];
  for (const step of plan.steps) if (step.args.includes(feed.slot)) consumers.push(step.node.name);
  return { input: feed.name, neededBy: consumers, message: refusalMessage(refusal, 'override', feed, value, consumers) };
}

function refusalMessage(refusal: Refusal, role: 'input' | 'override', feed: Feed, value: unknown, neededBy: readonly string[]): string {
  if (refusal.async) return messages.asyncVerdict('validateInput', refusal.adapter!);
  if (refusal.adapter !== undefined)
    return role === 'input'
      ? messages.inputRejected(feed.name, refusal.adapter, value)
      : overrideMessages.overrideRejected(feed.name, refusal.adapter, value);
  if (fansOut(feed)) return overrideMessages.overrideNotIterable(feed.name, describeType(feed.type), value, neededBy);
  const expected = describeType(feed.type);
  return role === 'input'
    ? messages.inputType(feed.name, expected, value, neededBy)
    : overrideMessages.overrideType(feed.name, expected, value, neededBy);
}

/**
 * An override of a `@parallelizable` node stands for its value, the iterable of items (its graph
 * type is the items' type); adapters are told `Object`, and the built-in check asks for an iterable.
 */
function fansOut(feed: Feed): boolean {
  return feed.source === 'override' && feed.node.parallelizable === true;
}

/** What the fan-out accepts: a sync iterable, or an async iterable object. */
function isIterable(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') return true;
  return typeof value === 'object' && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/** Inputs given as `undefined` count as not given. */
function definedEntries(record: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!record) return {};
  for (const key in record)
    if (record[key] === undefined) return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  return record as Record<string, unknown>;
}
