import { describeType, extractMessages, messages } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { NodeDef, TypeRef } from '../graph/types.js';
import { isPlainRecord } from './binding.js';
import { checkNames } from './check-names.js';
import type { Fill } from './column-access.js';
import { parseFillOptions } from './extract-options.js';
import { extractedDoc, extractor, hasKey, returnsPrimitive } from './extracted-node.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/**
 * Options of `extractFields`, given after the fields.
 *
 * @example
 * @node() @extractFields({ refunds: Number, fees: Number }, { fillWith: 0 }) ledger(entries: object): object { ... }
 */
export interface ExtractFieldsOptions {
  /** Value a missing field yields; it must fit every declared field type. Without it a missing field fails. */
  readonly fillWith?: unknown;
}

/**
 * Adds one node per field of the object a method returns, typed as declared, so edge checks see
 * each field's type. The method's node stays and runs once; field nodes get the method's doc. At run
 * time a missing field yields `fillWith` when given and otherwise fails that field's node, as does a
 * field whose value does not fit its declared type.
 */
export class ExtractFieldsModifier implements Modifier {
  readonly phase = 'transform';
  /** Before other transforms (e.g. checkOutput, order 0), which then act on the extracted nodes. */
  readonly order = -1;
  readonly kind = 'extractFields';

  constructor(
    private readonly fields: unknown,
    private readonly options?: unknown,
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const { fill, ok } = parseFillOptions(this.options, this.kind, ctx);
    const fields = this.checkFields(ctx);
    if (!fields || !ok || !fillFits(fill, fields, ctx)) return nodes;
    const result = [...nodes];
    for (const target of sinksOf(nodes)) {
      if (returnsPrimitive(target)) {
        ctx.report(messages.notObjectReturn(ctx.where, this.kind, describeType(target.returnType)), target.name);
        continue;
      }
      const part = extractor(target, this.kind);
      for (const [field, type] of fields)
        result.push(
          part({
            name: field,
            returnType: type,
            doc: extractedDoc(target.doc, `Field "${field}" of ${target.name}.`),
            call: (args) => readField(target.name, args[0], field, type, fill),
          }),
        );
    }
    return result;
  }

  private checkFields(ctx: ModifierContext): Array<[string, TypeRef]> | undefined {
    if (!isPlainRecord(this.fields)) return void ctx.report(messages.notAFieldRecord(ctx.where, this.fields));
    const entries = Object.entries(this.fields);
    if (
      !checkNames(
        entries.map(([name]) => name),
        'fields',
        this.kind,
        ctx,
      )
    )
      return undefined;
    const bad = entries.filter(([, type]) => typeof type !== 'function');
    for (const [field, type] of bad) ctx.report(messages.badFieldType(ctx.where, field, type), field);
    return bad.length ? undefined : (entries as Array<[string, TypeRef]>);
  }
}

/** The fill value must fit every declared field type: a filled field is then as well-typed as a returned one. */
function fillFits(fill: Fill, fields: ReadonlyArray<[string, TypeRef]>, ctx: ModifierContext): boolean {
  if (!fill) return true;
  const misfits = fields.filter(([, type]) => !valueMatchesType(fill.value, type));
  if (misfits.length)
    ctx.report(
      extractMessages.fillType(
        ctx.where,
        fill.value,
        misfits.map(([field]) => field),
        misfits.map(([, type]) => describeType(type)),
      ),
    );
  return misfits.length === 0;
}

function readField(node: string, value: unknown, field: string, type: TypeRef, fill: Fill): unknown {
  if (value === null || typeof value !== 'object') throw new Error(messages.notARecord(node, value));
  if (!hasKey(value, field)) {
    if (fill) return fill.value;
    throw new Error(messages.missingField(node, field, Object.keys(value)));
  }
  const part = (value as Record<string, unknown>)[field];
  if (!valueMatchesType(part, type)) throw new Error(messages.fieldType(node, field, describeType(type), part));
  return part;
}
