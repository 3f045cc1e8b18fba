import type { NodeDef } from '../graph/types.js';
import { DATA_QUALITY_TAGS as DQ } from './data-quality-tags.js';
import type { ValidationOutcome } from './data-validator.js';

/**
 * A validator node names the node it checks (tag and outcome). When a subdag renames that node,
 * the validator node must follow, or messages would name a node that does not exist.
 */
export function renameCheckedNode(node: NodeDef, rename: (name: string) => string): NodeDef {
  const source = node.tags[DQ.sourceNode];
  if (typeof source !== 'string' || !node.call) return node;
  const renamed = rename(source);
  const call = node.call;
  return {
    ...node,
    tags: { ...node.tags, [DQ.sourceNode]: renamed },
    call: (args) => ({ ...(call(args) as ValidationOutcome), node: renamed }),
  };
}
