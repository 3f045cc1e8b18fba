import type { Dependency, NodeDef, TypeRef } from '../graph/types.js';
import { withKeys } from '../graph/with-keys.js';

/** A dependency on the named node, for a link of a chain. */
export const linkTo = (name: string, type: TypeRef = undefined): Dependency => ({ name, param: 'value', type, optional: false });

/**
 * The identity node that ends an output chain (`pipeOutput`, `mutate`): it keeps the target's name,
 * doc, tags and settings, so downstream nodes and listings see the transformed value under the
 * original name. Marked, so a later `mutate` appends to the chain instead of starting another.
 */
export function chainEnd(target: NodeDef, last: Dependency, returnType: TypeRef): NodeDef {
  return withKeys(target, { deps: [last], call: identity, returnType, pipeEnd: true });
}

/** Name of the node that holds a piped node's value before its output chain. */
export const rawOutputName = (name: string): string => `${name}.raw`;

/**
 * Where an output chain starts: the last link of an existing chain (so steps append to it), or a new
 * `${name}.raw` node holding the target's own value. The raw node keeps the target's computation;
 * fanning out (`@parallelizable`) belongs to the chain's end.
 */
export function chainStart(target: NodeDef): { nodes: NodeDef[]; head: Dependency } {
  if (target.pipeEnd) return { nodes: [], head: target.deps[0] };
  const raw: NodeDef = {
    ...withoutChainMarks(target),
    name: rawOutputName(target.name),
    doc: `${target.name} before its output transforms`,
  };
  return { nodes: [raw], head: linkTo(raw.name, target.returnType) };
}

/** The node without `parallelizable` and `pipeEnd`; itself when it has neither (the usual case, and no copy). */
function withoutChainMarks(node: NodeDef): NodeDef {
  if (!('parallelizable' in node) && !('pipeEnd' in node)) return node;
  const { parallelizable: _fansOut, pipeEnd: _end, ...rest } = node;
  return rest;
}

function identity(args: unknown[]): unknown {
  return args[0];
}
