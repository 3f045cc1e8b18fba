import { describeType, messages } from '../errors/messages.js';
import { typesCompatible } from '../graph/type-compat.js';
import type { NodeDef } from '../graph/types.js';
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
    for (const dep of consumer.deps) {
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
      const types = () => [producer.name, describeType(producer.returnType), consumer.name, dep.param, describeType(dep.type)] as const;
      if (answer && isThenable(answer.verdict)) report(messages.asyncVerdict('checkEdgeTypesMatch', answer.adapter), consumer.name);
      else if (answer && !answer.verdict) report(messages.edgeRejected(...types(), answer.adapter), consumer.name);
      else if (!answer && !typesCompatible(producer.returnType, dep.type)) report(messages.edgeType(...types()), consumer.name);
    }
}
