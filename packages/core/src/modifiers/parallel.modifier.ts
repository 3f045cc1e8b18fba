import { messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { withKeys } from '../graph/with-keys.js';
import type { Modifier, ModifierContext } from './modifier.js';

/** Applied after expansion and extraction, so it sees the one node its method finally makes. */
abstract class DynamicModifier implements Modifier {
  readonly phase = 'transform';
  readonly order = 50;
  abstract readonly kind: string;

  constructor(protected readonly itemType: unknown) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    if (this.itemType !== undefined && typeof this.itemType !== 'function')
      return this.refuse(nodes, ctx, messages.dynamicItemType(ctx.where, this.kind, this.itemType));
    if (nodes.length !== 1)
      return this.refuse(
        nodes,
        ctx,
        messages.dynamicManyNodes(
          ctx.where,
          this.kind,
          nodes.map((n) => n.name),
        ),
      );
    return [this.change(nodes[0], ctx)];
  }

  private refuse(nodes: NodeDef[], ctx: ModifierContext, message: string): NodeDef[] {
    ctx.report(message);
    return nodes;
  }

  protected abstract change(node: NodeDef, ctx: ModifierContext): NodeDef;
}

/** `@parallelizable`: the node's items fan out; edges from it carry the item type. */
export class ParallelizableModifier extends DynamicModifier {
  readonly kind = 'parallelizable';

  protected change(node: NodeDef): NodeDef {
    return withKeys(node, { parallelizable: true, returnType: this.itemType as Function | undefined });
  }
}

/** `@collect('param')`: the parameter receives the per-item values of its dependency, in item order. */
export class CollectModifier extends DynamicModifier {
  readonly kind = 'collect';

  constructor(
    private readonly param: unknown,
    itemType: unknown,
  ) {
    super(itemType);
  }

  protected change(node: NodeDef, ctx: ModifierContext): NodeDef {
    const index = node.deps.findIndex((d) => d.param === this.param);
    if (index < 0) {
      ctx.report(
        messages.collectUnknownParam(
          ctx.where,
          this.param,
          node.deps.map((d) => d.param),
        ),
        node.name,
      );
      return node;
    }
    const deps = node.deps.map((d, i) => (i === index ? { ...d, type: this.itemType as Function | undefined } : d));
    return withKeys(node, { deps, collects: node.deps[index].name });
  }
}
