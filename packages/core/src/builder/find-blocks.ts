import { messages } from '../errors/messages.js';
import { invert, reachable } from '../graph/traversal.js';
import type { NodeDef, ParallelBlock } from '../graph/types.js';
import { dependencyMap } from './graph-builder.js';

type Report = (message: string, node?: string) => void;

/**
 * The parallelizable blocks of a graph, keyed by their collect node, reporting every misuse: a
 * fan-out nobody collects, a collect with nothing to gather, nested or crossing blocks, two collects
 * for one block, and block nodes read from outside the block. Returns undefined when the graph has
 * no `@parallelizable` or `@collect` node (the common case costs one scan).
 */
export function findBlocks(nodes: ReadonlyMap<string, NodeDef>, report: Report): Map<string, ParallelBlock> | undefined {
  const parallels: NodeDef[] = [];
  const collects: NodeDef[] = [];
  for (const node of nodes.values()) {
    if (node.parallelizable) parallels.push(node);
    if (node.collects !== undefined) collects.push(node);
  }
  if (parallels.length === 0 && collects.length === 0) return undefined;
  const deps = dependencyMap(nodes);
  const consumers = invert(deps);
  const blocks = new Map<string, ParallelBlock>();
  const owner = new Map<string, string>();
  const claimed = new Set<string>();
  for (const parallel of parallels) {
    const block = blockOf(parallel, nodes, consumers, claimed, report);
    if (!block) continue;
    blocks.set(block.collect, block);
    for (const name of block.body) {
      const other = owner.get(name);
      if (other) report(messages.nodeInTwoBlocks(name, [other, parallel.name]), name);
      owner.set(name, parallel.name);
    }
    const afterCollect = reachable(consumers, [block.collect]);
    for (const name of block.body)
      if (afterCollect.has(name)) report(messages.blockNodeAfterCollect(name, block.parallel, block.collect), name);
  }
  for (const node of collects) if (!claimed.has(node.name)) report(messages.collectWithoutParallel(node.name, node.collects!), node.name);
  return blocks;
}

/** Walks downstream of one fan-out, stopping at collects reached through their gathered edge. */
function blockOf(
  parallel: NodeDef,
  nodes: ReadonlyMap<string, NodeDef>,
  consumers: ReadonlyMap<string, readonly string[]>,
  claimed: Set<string>,
  report: Report,
): ParallelBlock | undefined {
  const body = new Set<string>();
  const found = new Set<string>();
  const queue = [parallel.name];
  let ok = true;
  while (queue.length) {
    const from = queue.pop()!;
    for (const name of consumers.get(from) ?? []) {
      const node = nodes.get(name)!;
      if (node.collects !== undefined) {
        if (node.collects === from) {
          found.add(name);
          claimed.add(name);
        } else {
          report(messages.collectReadsBlock(name, from, parallel.name), name);
          ok = false;
        }
        continue;
      }
      if (body.has(name)) continue;
      if (node.parallelizable) {
        report(messages.nestedBlock(name, parallel.name), name);
        ok = false;
        continue;
      }
      body.add(name);
      queue.push(name);
    }
  }
  if (found.size === 0) {
    report(messages.parallelWithoutCollect(parallel.name), parallel.name);
    return undefined;
  }
  if (found.size > 1) {
    report(messages.twoCollects(parallel.name, [...found]), parallel.name);
    return undefined;
  }
  const collect = nodes.get([...found][0])!;
  return ok ? { parallel: parallel.name, collect: collect.name, gathered: collect.collects!, body } : undefined;
}
