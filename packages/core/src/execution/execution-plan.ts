import type { InputProblem } from '../errors/input-validation-error.js';
import { messages } from '../errors/messages.js';
import { narrowerType } from '../graph/type-compat.js';
import type { Graph, NodeDef, TypeRef } from '../graph/types.js';

/** A computed node to run: its value slot and the slots of its arguments (-1: absent, default applies). */
export interface PlanStep {
  readonly node: NodeDef;
  readonly slot: number;
  readonly args: Int32Array;
}

/** Where a value that is not computed comes from. */
export type FeedSource = 'override' | 'config' | 'input';

/** A value fed into a run instead of computed. */
export interface Feed {
  readonly slot: number;
  readonly name: string;
  readonly source: FeedSource;
  readonly node: NodeDef;
  /**
   * The type a fed value is checked against: for inputs, the narrowest among the parameters this
   * run feeds (a node that does not run does not constrain it); otherwise the graph's type.
   */
  readonly type: TypeRef;
}

/**
 * Everything a run needs that depends only on the requested outputs and on which inputs and
 * overrides are given, so repeated calls with the same shape reuse it. Values live in numbered
 * slots; `refCounts` lets the executor release a value once its last consumer has run.
 */
export interface ExecutionPlan {
  readonly outputs: readonly string[];
  readonly outputSlots: Int32Array;
  readonly slotCount: number;
  /** Computed nodes, dependencies before consumers. */
  readonly steps: readonly PlanStep[];
  readonly feeds: readonly Feed[];
  /** Per slot: consumers among the steps plus one per requested output. */
  readonly refCounts: Int32Array;
  /** Per step: how many of its arguments are computed by other steps. */
  readonly pending: Int32Array;
  /** Per slot: the step that computes it, or -1 for a fed value. */
  readonly stepOfSlot: Int32Array;
  /** How many node calls the run makes, nodes inside parallelizable blocks counted once. */
  readonly nodeCount: number;
  /** Per slot: the steps that consume it (with repetition). */
  readonly consumers: readonly number[][];
  /** Per input name: the steps that need it, for messages. */
  readonly neededBy: ReadonlyMap<string, readonly string[]>;
  /** Input problems that follow from the shape alone (missing, misplaced). */
  readonly problems: readonly InputProblem[];
}

/**
 * Plans a run: walks upstream from the outputs, stopping at overrides (nothing above an override
 * runs or is required), config and inputs. Unknown names must have been rejected before.
 */
export function planExecution(
  graph: Graph,
  outputs: readonly string[],
  inputKeys: ReadonlySet<string>,
  overrideKeys: ReadonlySet<string>,
): ExecutionPlan {
  const builder = new PlanBuilder(graph, inputKeys, overrideKeys);
  for (const output of outputs) builder.visit(output);
  // A copy: plans are cached, and the caller may reuse and change its array after the call.
  return builder.finish(Object.freeze([...outputs]));
}

class PlanBuilder {
  private readonly slots = new Map<string, number>();
  private readonly steps: PlanStep[] = [];
  private readonly feeds: Array<Omit<Feed, 'type'>> = [];
  /** Per input: the narrowest parameter type among the consumers in this plan. */
  private readonly inputTypes = new Map<string, TypeRef>();
  private readonly neededBy = new Map<string, string[]>();
  private readonly missing = new Map<string, string[]>();

  constructor(
    private readonly graph: Graph,
    private readonly inputKeys: ReadonlySet<string>,
    private readonly overrideKeys: ReadonlySet<string>,
  ) {}

  /** Depth-first, post-order, iterative: chains of 100k nodes must not overflow the stack. */
  visit(root: string): void {
    if (this.slots.has(root)) return;
    const stack: Array<{ node: NodeDef; next: number }> = [];
    const enter = (name: string): void => {
      const node = this.graph.nodes.get(name)!;
      const feed = this.feedSource(node);
      if (feed === 'absent') return void this.slots.set(name, -1);
      this.slots.set(name, this.slots.size);
      if (feed) this.feeds.push({ slot: this.slots.get(name)!, name, source: feed, node });
      else stack.push({ node, next: 0 });
    };
    enter(root);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.node.deps.length) {
        const dep = top.node.deps[top.next++].name;
        if (!this.slots.has(dep)) enter(dep);
      } else {
        stack.pop();
        this.addStep(top.node);
      }
    }
  }

  private feedSource(node: NodeDef): FeedSource | 'absent' | undefined {
    if (this.overrideKeys.has(node.name)) return 'override';
    if (node.kind === 'config') return 'config';
    if (node.kind === 'external') return this.inputKeys.has(node.name) ? 'input' : 'absent';
    return undefined;
  }

  private addStep(node: NodeDef): void {
    const args = new Int32Array(node.deps.length);
    node.deps.forEach((dep, i) => {
      args[i] = this.slots.get(dep.name)!;
      const target = this.graph.nodes.get(dep.name)!;
      if (target.kind === 'function' || this.overrideKeys.has(dep.name)) return;
      append(this.neededBy, dep.name, node.name);
      const known = this.inputTypes.get(dep.name);
      // The build already refused incompatible consumer types, so a narrower one always exists.
      this.inputTypes.set(dep.name, this.inputTypes.has(dep.name) ? (narrowerType(known, dep.type) ?? known) : dep.type);
      if (args[i] < 0 && !dep.optional) append(this.missing, dep.name, node.name);
    });
    this.steps.push({ node, slot: this.slots.get(node.name)!, args });
  }

  finish(outputs: readonly string[]): ExecutionPlan {
    const slotCount = this.slots.size;
    for (const output of outputs) if (this.slots.get(output) === -1) append(this.missing, output, '(requested as an output)');
    const stepOfSlot = new Int32Array(slotCount).fill(-1);
    for (let i = 0; i < this.steps.length; i++) stepOfSlot[this.steps[i].slot] = i;
    const refCounts = new Int32Array(slotCount);
    const pending = new Int32Array(this.steps.length);
    const consumers: number[][] = Array.from({ length: slotCount }, () => []);
    this.steps.forEach((step, i) => {
      for (const slot of step.args) {
        if (slot < 0) continue;
        refCounts[slot]++;
        if (stepOfSlot[slot] >= 0) {
          pending[i]++;
          consumers[slot].push(i);
        }
      }
    });
    const outputSlots = Int32Array.from(outputs, (o) => this.slots.get(o)!);
    for (const slot of outputSlots) if (slot >= 0) refCounts[slot]++;
    return {
      outputs,
      outputSlots,
      slotCount,
      stepOfSlot,
      nodeCount: this.steps.length,
      steps: this.steps,
      refCounts,
      feeds: this.feeds.map((f) => ({ ...f, type: this.inputTypes.has(f.name) ? this.inputTypes.get(f.name) : f.node.returnType })),
      pending,
      consumers,
      neededBy: this.neededBy,
      problems: this.shapeProblems(),
    };
  }

  private shapeProblems(): InputProblem[] {
    const problems: InputProblem[] = [];
    for (const key of this.inputKeys) {
      const node = this.graph.nodes.get(key);
      if (node?.kind === 'config' || Object.hasOwn(this.graph.config, key))
        problems.push({ input: key, neededBy: [], message: messages.configAndInput(key) });
      else if (node?.kind === 'function') problems.push({ input: key, neededBy: [], message: messages.inputNamesNode(key) });
    }
    for (const [input, neededBy] of this.missing) problems.push({ input, neededBy, message: messages.missingInput(input, neededBy) });
    return problems;
  }
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
