import { type BuildProblem, GraphBuildError } from '../errors/graph-build-error.js';
import type { InputProblem } from '../errors/input-validation-error.js';
import { messages } from '../errors/messages.js';
import { narrowerType } from '../graph/type-compat.js';
import type { Dependency, Graph, NodeDef, ParallelBlock, TypeRef } from '../graph/types.js';

/** A computed node to run: its value slot and the slots of its arguments (-1: absent, default applies). */
export interface PlanStep {
  readonly node: NodeDef;
  readonly slot: number;
  readonly args: Int32Array;
  /** Set on the step that runs a parallelizable block: its value is the gathered array. */
  readonly block?: BlockPlan;
}

/**
 * A parallelizable block as one step of the enclosing plan: `plan` computes the gathered value for
 * one item. The step's first argument is the parallelizable node's value; the others feed
 * `innerSlots` of every item's walk (values computed or fed outside the block).
 */
export interface BlockPlan {
  readonly parallel: string;
  readonly parallelClass: string | undefined;
  readonly collect: string;
  readonly plan: ExecutionPlan;
  readonly itemSlot: number;
  readonly innerSlots: Int32Array;
  readonly outputSlot: number;
}

/** Where a value that is not computed comes from: `item` and `outer` feed the walks of a block. */
export type FeedSource = 'override' | 'config' | 'input' | 'item' | 'outer';

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
  assertNotInBlocks(graph, outputs);
  const builder = new PlanBuilder(graph, inputKeys, overrideKeys, undefined);
  for (const output of outputs) builder.visit(output);
  // A copy: plans are cached, and the caller may reuse and change its array after the call.
  return builder.finish(Object.freeze([...outputs]));
}

/** Names of every node a plan runs, those of its blocks included. */
export function plannedNodeNames(plan: ExecutionPlan): string[] {
  return plan.steps.flatMap((s) => (s.block ? plannedNodeNames(s.block.plan) : [s.node.name]));
}

const plannedOnce = new WeakMap<ExecutionPlan, readonly string[]>();

/** `plannedNodeNames`, listed once per plan (plans are cached, so runs of one shape share the list). */
export function plannedNodesOf(plan: ExecutionPlan): readonly string[] {
  let names = plannedOnce.get(plan);
  if (!names) {
    names = Object.freeze(plannedNodeNames(plan));
    plannedOnce.set(plan, names);
  }
  return names;
}

/** What a block's walks read: the item, and everything else from outside the block. */
interface BlockScope {
  readonly item: string;
  readonly body: ReadonlySet<string>;
}

/** The key of a block's step among slots: not a node name, so it never collides with one. */
const blockKey = (collect: string): string => `\u0000block:${collect}`;

class PlanBuilder {
  /** Slots by node name (or block key); -1 for an absent optional input. */
  private readonly slots = new Map<string, number>();
  private readonly steps: PlanStep[] = [];
  private readonly feeds: Array<Omit<Feed, 'type'>> = [];
  /** Per input: the narrowest parameter type among the consumers in this plan. */
  private readonly inputTypes = new Map<string, TypeRef>();
  private readonly neededBy = new Map<string, string[]>();
  private readonly missing = new Map<string, string[]>();
  /** Values read by some consumer that has no default for them (for a block's outer values). */
  private readonly required = new Set<string>();
  private readonly blocks = new Map<string, { node: NodeDef; plan: BlockPlan }>();

  constructor(
    private readonly graph: Graph,
    private readonly inputKeys: ReadonlySet<string>,
    private readonly overrideKeys: ReadonlySet<string>,
    private readonly scope: BlockScope | undefined,
  ) {}

  /** Depth-first, post-order, iterative: chains of 100k nodes must not overflow the stack. */
  visit(root: string): void {
    if (this.slots.has(root)) return;
    const stack: Array<{ node: NodeDef; key: string; next: number }> = [];
    const enter = (key: string): void => {
      const block = this.blocks.get(key);
      if (block) {
        this.slots.set(key, this.slots.size);
        stack.push({ node: block.node, key, next: 0 });
        return;
      }
      const node = this.graph.nodes.get(key)!;
      const feed = this.feedSource(node);
      if (feed === 'absent') return void this.slots.set(key, -1);
      this.slots.set(key, this.slots.size);
      if (feed) this.feeds.push({ slot: this.slots.get(key)!, name: key, source: feed, node });
      else stack.push({ node, key, next: 0 });
    };
    enter(root);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.node.deps.length) {
        const key = this.depKey(top.node, top.next++);
        if (!this.slots.has(key)) enter(key);
      } else {
        stack.pop();
        this.addStep(top.node, top.key);
      }
    }
  }

  /** A collect reads its gathered dependency through its block's step, planned on first sight. */
  private depKey(node: NodeDef, index: number): string {
    const dep = node.deps[index].name;
    if (node.collects !== dep) return dep;
    const key = blockKey(node.name);
    if (!this.blocks.has(key)) this.blocks.set(key, this.planBlock(this.graph.blocks!.get(node.name)!));
    return key;
  }

  private planBlock(block: ParallelBlock): { node: NodeDef; plan: BlockPlan } {
    const inner = new PlanBuilder(this.graph, this.inputKeys, this.overrideKeys, { item: block.parallel, body: block.body });
    inner.visit(block.gathered);
    const plan = inner.finish([block.gathered]);
    const outer = plan.feeds.filter((f) => f.source === 'outer');
    const parallel = this.graph.nodes.get(block.parallel)!;
    const deps: Dependency[] = [
      { name: block.parallel, param: block.parallel, type: undefined, optional: false },
      ...outer.map((f) => ({ name: f.name, param: f.name, type: f.type, optional: !inner.required.has(f.name) })),
    ];
    const node: NodeDef = {
      name: `${block.collect} (each item of ${block.parallel})`,
      kind: 'function',
      deps,
      returnType: Array,
      tags: {},
      doc: '',
    };
    for (const [input, consumers] of plan.neededBy) for (const consumer of consumers) append(this.neededBy, input, consumer);
    return {
      node,
      plan: {
        parallel: block.parallel,
        parallelClass: parallel.origin?.className,
        collect: block.collect,
        plan,
        itemSlot: plan.feeds.find((f) => f.source === 'item')?.slot ?? -1,
        innerSlots: Int32Array.from(outer, (f) => f.slot),
        outputSlot: plan.outputSlots[0],
      },
    };
  }

  private feedSource(node: NodeDef): FeedSource | 'absent' | undefined {
    if (this.scope) {
      if (node.name === this.scope.item) return 'item';
      if (!this.scope.body.has(node.name) || this.overrideKeys.has(node.name)) return 'outer';
      return undefined;
    }
    if (this.overrideKeys.has(node.name)) return 'override';
    if (node.kind === 'config') return 'config';
    if (node.kind === 'external') return this.inputKeys.has(node.name) ? 'input' : 'absent';
    return undefined;
  }

  private addStep(node: NodeDef, key: string): void {
    const args = new Int32Array(node.deps.length);
    const block = this.blocks.get(key)?.plan;
    node.deps.forEach((dep, i) => {
      args[i] = this.slots.get(block ? dep.name : this.depKey(node, i))!;
      if (!dep.optional) this.required.add(dep.name);
      const target = this.graph.nodes.get(dep.name)!;
      if (target.kind === 'function' || this.overrideKeys.has(dep.name)) return;
      // A block's inputs were attributed to the nodes inside it that read them.
      if (!block) append(this.neededBy, dep.name, node.name);
      if (this.scope) return;
      const known = this.inputTypes.get(dep.name);
      // The build already refused incompatible consumer types, so a narrower one always exists.
      this.inputTypes.set(dep.name, this.inputTypes.has(dep.name) ? (narrowerType(known, dep.type) ?? known) : dep.type);
      if (args[i] < 0 && !dep.optional)
        for (const reader of block?.plan.neededBy.get(dep.name) ?? [node.name]) append(this.missing, dep.name, reader);
    });
    this.steps.push(block ? { node, slot: this.slots.get(key)!, args, block } : { node, slot: this.slots.get(key)!, args });
  }

  finish(outputs: readonly string[]): ExecutionPlan {
    const slotCount = this.slots.size;
    for (const output of outputs) if (this.slots.get(output) === -1) append(this.missing, output, '(requested as an output)');
    const stepOfSlot = new Int32Array(slotCount).fill(-1);
    for (let i = 0; i < this.steps.length; i++) stepOfSlot[this.steps[i].slot] = i;
    const refCounts = new Int32Array(slotCount);
    const pending = new Int32Array(this.steps.length);
    const consumers: number[][] = Array.from({ length: slotCount }, () => []);
    let nodeCount = 0;
    this.steps.forEach((step, i) => {
      nodeCount += step.block ? step.block.plan.nodeCount : 1;
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
      nodeCount,
      steps: this.steps,
      refCounts,
      feeds: this.feeds.map((f) => ({ ...f, type: this.inputTypes.has(f.name) ? this.inputTypes.get(f.name) : f.node.returnType })),
      pending,
      consumers,
      neededBy: this.neededBy,
      problems: this.scope ? [] : this.shapeProblems(),
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

/** A node that runs once per item has no single value to return. */
function assertNotInBlocks(graph: Graph, outputs: readonly string[]): void {
  if (!graph.blocks?.size) return;
  const problems: BuildProblem[] = [];
  for (const block of graph.blocks.values())
    for (const output of outputs)
      if (block.body.has(output)) problems.push({ node: output, message: messages.outputInBlock(output, block.parallel, block.collect) });
  if (problems.length) throw new GraphBuildError(problems);
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
