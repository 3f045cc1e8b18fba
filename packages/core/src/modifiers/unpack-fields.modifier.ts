import { describeType, extractMessages } from '../errors/messages.js';
import { typesCompatible, valueMatchesType } from '../graph/type-compat.js';
import type { NodeDef, TypeRef } from '../graph/types.js';
import { isPlainRecord } from './binding.js';
import { checkNames } from './check-names.js';
import { extractedDoc, extractor } from './extracted-node.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/**
 * One position of the array a method returns, as written in `unpackFields`: its node's name, or
 * `{ name: Type }` to type that node (runtime types only, so an untyped position means "any").
 *
 * @example
 * const fields: UnpackField[] = ['label', { mean: Number }];
 */
export type UnpackField = string | Readonly<Record<string, Function>>;

/** A position after checking: the node's name and declared type. */
interface Position {
  readonly name: string;
  readonly type: TypeRef;
}

/**
 * Adds one node per position of the array (tuple) a method returns, named as given, in order. The
 * method's node stays and runs once; the item nodes get its doc. At run time a value that is not an
 * array, one too short for a position, or an item that does not fit its declared type fails that
 * item's node. A longer array is fine: as in Hamilton, the first items may be unpacked alone.
 */
export class UnpackFieldsModifier implements Modifier {
  readonly phase = 'transform';
  /** With extractColumns / extractFields, before checkOutput (10), which then checks the items. */
  readonly order = -1;
  readonly kind = 'unpackFields';

  constructor(private readonly fields: readonly unknown[]) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const positions = this.positions(ctx);
    if (!positions) return nodes;
    const result = [...nodes];
    for (const target of sinksOf(nodes)) {
      if (!returnsArray(target.returnType)) {
        ctx.report(extractMessages.notArrayReturn(ctx.where, describeType(target.returnType)), target.name);
        continue;
      }
      const part = extractor(target, this.kind);
      for (let index = 0; index < positions.length; index++) {
        const { name, type } = positions[index];
        result.push(
          part({
            name,
            returnType: type,
            doc: extractedDoc(target.doc, `Item ${index} of ${target.name}.`),
            call: (args) => readItem(target.name, args[0], name, index, type),
          }),
        );
      }
    }
    return result;
  }

  private positions(ctx: ModifierContext): Position[] | undefined {
    const positions: Array<{ name: unknown; type: TypeRef }> = [];
    let ok = true;
    for (let index = 0; index < this.fields.length; index++) {
      const field = this.fields[index];
      if (typeof field === 'string') {
        positions.push({ name: field, type: undefined });
        continue;
      }
      const entries = isPlainRecord(field) ? Object.entries(field) : [];
      if (entries.length === 1 && typeof entries[0][1] === 'function') positions.push({ name: entries[0][0], type: entries[0][1] });
      else {
        const many = entries.length > 1 && entries.every(([, type]) => typeof type === 'function');
        ctx.report(
          many
            ? extractMessages.manyUnpackFields(
                ctx.where,
                index,
                entries.map(([name]) => name),
              )
            : extractMessages.badUnpackField(ctx.where, index, field),
        );
        ok = false;
      }
    }
    if (positions.length === 0 && this.fields.length > 0) return undefined;
    const names = checkNames(
      positions.map((p) => p.name),
      'fields',
      this.kind,
      ctx,
    );
    return ok && names ? (positions as Position[]) : undefined;
  }
}

/** Whether a declared return type can be an array: any, `Array` or a subclass of it. */
const returnsArray = (type: TypeRef): boolean => typesCompatible(type, Array);

function readItem(node: string, value: unknown, field: string, index: number, type: TypeRef): unknown {
  if (!Array.isArray(value)) throw new Error(extractMessages.notAnArray(node, field, index, value));
  if (index >= value.length) throw new Error(extractMessages.tooShort(node, field, index, value));
  const item = value[index];
  if (!valueMatchesType(item, type)) throw new Error(extractMessages.itemType(node, field, index, describeType(type), item));
  return item;
}
