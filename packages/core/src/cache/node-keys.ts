import type { ExecutionPlan } from '../execution/execution-plan.js';
import type { NodeDef } from '../graph/types.js';
import type { Behaviors, CacheBehavior } from './cache-options.js';
import { codeVersionOf } from './code-version.js';
import type { Hasher } from './hasher.js';

/** Marks versions that were made up for values with no fingerprint: keys holding one are never stored. */
export const FRESH = '~';

/**
 * A cache key: the node's digest (its name, code version and which dependencies count) and the data
 * versions of the values it received, in dependency order. The writer thread makes keys with this very
 * function, so a key is the same whichever thread works it out.
 */
export function cacheKeyOf(hasher: Hasher, nodeDigest: string, versions: readonly string[]): string {
  const key = hasher.digest(nodeDigest, versions.join('\u0000'));
  return versions.some((v) => v.startsWith(FRESH)) ? FRESH + key : key;
}

/** What the cache needs of a node in every run: worked out once per node and driver. */
export interface NodeKeying {
  readonly behavior: CacheBehavior;
  readonly codeVersion: string;
  readonly digest: string;
  /** Positions of the dependencies whose data versions count (ignored ones are left out). */
  readonly keyed: readonly number[];
}

/** The keying of every node of one driver's graph, made on first use. */
export class NodeKeys {
  private readonly nodes = new WeakMap<NodeDef, NodeKeying>();
  private readonly plans = new WeakMap<ExecutionPlan, readonly NodeKeying[]>();

  constructor(
    private readonly hasher: Hasher,
    private readonly behaviors: Behaviors,
  ) {}

  of(node: NodeDef): NodeKeying {
    let keying = this.nodes.get(node);
    if (!keying) {
      keying = this.make(node);
      this.nodes.set(node, keying);
    }
    return keying;
  }

  /** The keying of each step of `plan`, by step index. */
  ofPlan(plan: ExecutionPlan): readonly NodeKeying[] {
    let keyings = this.plans.get(plan);
    if (!keyings) {
      keyings = plan.steps.map((step) => this.of(step.node));
      this.plans.set(plan, keyings);
    }
    return keyings;
  }

  private make(node: NodeDef): NodeKeying {
    const codeVersion = codeVersionOf(node, this.hasher);
    const keyed: number[] = [];
    const parts = [`${node.name.length}:${node.name}`, codeVersion];
    for (let i = 0; i < node.deps.length; i++) {
      const dep = node.deps[i].name;
      if (this.behaviors.isIgnored(dep)) continue;
      keyed.push(i);
      parts.push(`${dep.length}:${dep}`);
    }
    return { behavior: this.behaviors.of(node.name), codeVersion, digest: this.hasher.digest(parts.join('\u0000')), keyed };
  }
}
