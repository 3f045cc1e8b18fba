import { describeType, messages } from '../errors/messages.js';
import type { NodeDef } from '../graph/types.js';
import { readColumn } from './column-access.js';
import { parseColumns } from './column-spec.js';
import { parseFillOptions } from './extract-options.js';
import { extractedDoc, extractor, returnsPrimitive } from './extracted-node.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/**
 * Options of `extractColumns`, given as its last argument.
 *
 * @example
 * @node() @extractColumns('spend', 'refunds', { fillWith: 0 }) ledger(raw: ColumnTable): ColumnTable { ... }
 */
export interface ExtractColumnsOptions {
  /** Value a missing column is filled with (an array of the table's length); without it a missing column fails. */
  readonly fillWith?: unknown;
}

/**
 * Adds one node per listed column, named exactly like the column and depending on the method's node,
 * which stays and runs once. The method returns an arquero table or a record of equal-length columns.
 * A column's node has the doc given with it (`[name, doc]`), else the method's doc, else a generated one.
 */
export class ExtractColumnsModifier implements Modifier {
  readonly phase = 'transform';
  /** Before other transforms (e.g. checkOutput, order 0), which then act on the extracted nodes. */
  readonly order = -1;
  readonly kind = 'extractColumns';

  constructor(
    private readonly columns: readonly unknown[],
    private readonly options?: unknown,
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const { fill, ok } = parseFillOptions(this.options, this.kind, ctx);
    const columns = parseColumns(this.columns, this.kind, ctx);
    if (!columns || !ok) return nodes;
    const result = [...nodes];
    for (const target of sinksOf(nodes)) {
      if (returnsPrimitive(target)) {
        ctx.report(messages.notObjectReturn(ctx.where, this.kind, describeType(target.returnType)), target.name);
        continue;
      }
      const part = extractor(target, this.kind);
      for (const { name, doc } of columns)
        result.push(
          part({
            name,
            returnType: undefined,
            doc: doc ?? extractedDoc(target.doc, `Column "${name}" of ${target.name}.`),
            call: (args) => readColumn(target.name, args[0], name, fill),
          }),
        );
    }
    return result;
  }
}
