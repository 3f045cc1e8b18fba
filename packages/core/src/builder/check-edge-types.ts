import { describeType, messages } from '../errors/messages.js';
import { typesCompatible } from '../graph/type-compat.js';
import type { NodeDef } from '../graph/types.js';
import type { HookSet } from '../lifecycle/hook-set.js';

/**
 * Checks every edge between computed nodes: the producer's return type must fit the consumer's
 * parameter type. Adapters' `checkEdgeTypesMatch` may accept or reject before the built-in rule.
 */
export function checkEdgeTypes(nodes: ReadonlyMap<string, NodeDef>, hooks: HookSet, report: (message: string, node?: string) => void): void {
  const custom = hooks.get('checkEdgeTypesMatch');
  for (const consumer of nodes.values())
    for (const dep of consumer.deps) {
      const producer = nodes.get(dep.name);
      if (!producer || producer.kind !== 'function') continue;
      const event = { from: producer.returnType ?? Object, to: dep.type ?? Object, producer: producer.name, consumer: consumer.name };
      const verdict = custom.map((h) => h.call(event)).find((v) => v !== undefined);
      const ok = verdict ?? typesCompatible(producer.returnType, dep.type);
      if (!ok)
        report(messages.edgeType(producer.name, describeType(producer.returnType), consumer.name, dep.param, describeType(dep.type)), consumer.name);
    }
}
