import { describeType, messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { checkNames } from './check-names.js';
import { type Fill, readColumn } from './column-access.js';
import { extractedNode, returnsPrimitive } from './extracted-node.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/** Options of `extractColumns`, given as its last argument. */
export interface ExtractColumnsOptions {
  /** Value a missing column is filled with (an array of the table's length); without it a missing column fails. */
  readonly fillWith?: unknown;
}

/**
 * Adds one node per listed column, named exactly like the column and depending on the method's node,
 * which stays and runs once. The method returns an arquero table or a record of equal-length columns.
 */
export class ExtractColumnsModifier implements Modifier {
  readonly phase = 'transform';
  /** Before other transforms (e.g. checkOutput, order 0), which then act on the extracted nodes. */
  readonly order = -1;
  readonly kind = 'extractColumns';

  constructor(
    private readonly columns: readonly unknown[],
    private readonly options: ExtractColumnsOptions = {},
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const columns = checkNames(this.columns, 'columns', this.kind, ctx);
    if (!columns) return nodes;
    const fill: Fill = 'fillWith' in this.options ? { value: this.options.fillWith } : undefined;
    const result = [...nodes];
    for (const target of sinksOf(nodes)) {
      if (returnsPrimitive(target)) {
        ctx.report(messages.notObjectReturn(ctx.where, this.kind, describeType(target.returnType)), target.name);
        continue;
      }
      for (const column of columns)
        result.push(
          extractedNode(target, {
            name: column,
            modifier: this.kind,
            returnType: undefined,
            doc: `Column "${column}" of ${target.name}.`,
            read: (value) => readColumn(target.name, value, column, fill),
          }),
        );
    }
    return result;
  }
}
