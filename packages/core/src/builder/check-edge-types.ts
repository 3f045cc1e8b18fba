import { describeType, messages } from '../errors/messages.js';
import { typesCompatible } from '../graph/type-compat.js';
import type { Dependency, NodeDef } from '../graph/types.js';
import { firstVerdict, type HookSet, isThenable } from '../lifecycle/hook-set.js';

/**
 * Checks every edge between computed nodes: the producer's return type must fit the consumer's
 * parameter type. Adapters' `checkEdgeTypesMatch` may accept or reject before the built-in rule.
 */
export function checkEdgeTypes(
  nodes: ReadonlyMap<string, NodeDef>,
  hooks: HookSet,
  report: (message: string, node?: string) => void,
): void {
  const custom = hooks.get('checkEdgeTypesMatch');
  for (const consumer of nodes.values())
    for (let i = 0; i < consumer.deps.length; i++) {
      const dep = consumer.deps[i];
      const producer = nodes.get(dep.name);
      if (producer?.kind !== 'function') continue;
      // Event and message parts are only made when needed: this loop runs once per edge of the graph.
      const answer = custom.length
        ? firstVerdict(custom, {
            from: producer.returnType ?? Object,
            to: dep.type ?? Object,
            producer: producer.name,
            consumer: consumer.name,
          })
        : undefined;
      if (answer && isThenable(answer.verdict)) report(messages.asyncVerdict('checkEdgeTypesMatch', answer.adapter), consumer.name);
      else if (answer && !answer.verdict)
        report(messages.edgeRejected(...edgeTypes(producer, consumer, dep), answer.adapter), consumer.name);
      else if (!answer && !typesCompatible(producer.returnType, dep.type))
        report(messages.edgeType(...edgeTypes(producer, consumer, dep)), consumer.name);
    }
}

/** The parts of an edge's messages. */
function edgeTypes(producer: NodeDef, consumer: NodeDef, dep: Dependency) {
  return [producer.name, describeType(producer.returnType), consumer.name, dep.param, describeType(dep.type)] as const;
}
