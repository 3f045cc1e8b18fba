import { describeType, extractMessages, messages } from '../errors/messages.js';
import { derivedOrigin } from '../graph/derived-origin.js';
import type { NodeDef } from '../graph/types.js';
import { isThenable } from '../lifecycle/hook-set.js';
import { ParameterBinder } from './bind-parameters.js';
import { type Bindings, isPlainRecord } from './binding.js';
import { readColumn } from './column-access.js';
import { renameColumnsByPosition } from './column-rename.js';
import { type ColumnArgument, type ColumnSpec, parseColumns } from './column-spec.js';
import { templateDoc } from './doc-template.js';
import { extractedDoc, extractor, returnsPrimitive } from './extracted-node.js';
import { type Modifier, type ModifierContext, sinksOf, withoutNodes } from './modifier.js';

/**
 * One call of a `parameterizeExtractColumns` method: the parameters it binds (as one output of
 * `parameterize` does) and the columns it yields, by position. A column written `[name, doc]` gets that doc.
 *
 * @example
 * const us: ParameterizedExtract = { columns: ['usSpend', ['usSignups', 'US signups']], bindings: { region: value('US') } };
 */
export interface ParameterizedExtract {
  readonly columns: readonly ColumnArgument[];
  readonly bindings?: Bindings;
}

interface Entry {
  readonly columns: readonly ColumnSpec[];
  readonly bindings: unknown;
}

const ENTRY_KEYS = ['columns', 'bindings'];

/**
 * `parameterize` and `extractColumns` in one (Hamilton's `parameterize_extract_columns`): per entry,
 * a node `${name}__${i}` calls the method with that entry's bindings and renames the returned columns,
 * by position, to the entry's names (Hamilton's default `reassign_columns`); one node per column then
 * reads it. The method's own name is not a node. A column named in two entries is a build error.
 */
export class ParameterizeExtractColumnsModifier implements Modifier {
  readonly phase = 'expand';
  /** After does (0), inject (1) and parameterize (2), as a parameterize of its own. */
  readonly order = 3;
  readonly kind = 'parameterizeExtractColumns';

  constructor(private readonly entries: readonly unknown[]) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const entries = this.parseEntries(ctx);
    if (!entries) return nodes;
    const targets = sinksOf(nodes);
    const result = withoutNodes(nodes, targets);
    for (const target of targets) {
      if (returnsPrimitive(target))
        ctx.report(messages.notObjectReturn(ctx.where, this.kind, describeType(target.returnType)), target.name);
      else result.push(...this.expand(target, entries, ctx));
    }
    return result;
  }

  /** Per entry: the bound call, then its columns. */
  private expand(target: NodeDef, entries: readonly Entry[], ctx: ModifierContext): NodeDef[] {
    const binder = new ParameterBinder(target);
    const origin = target.origin && derivedOrigin(target.origin, this.kind);
    const made: NodeDef[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const name = `${target.name}__${i}`;
      const site = { where: ctx.where, label: `@parameterizeExtractColumns entry #${i + 1}`, report: (m: string) => ctx.report(m, name) };
      const bound = binder.bind(entry.bindings, site);
      if (!bound) continue;
      const names = entry.columns.map((c) => c.name);
      const doc = templateDoc(target.doc, name, entry.bindings as Record<string, unknown>, binder.parameters);
      const table: NodeDef = {
        ...bound,
        name,
        doc: extractedDoc(doc, `${target.name} with the bindings of entry #${i + 1}, columns ${names.join(', ')}.`),
        call: renamedCall(bound.call!, name, names),
        origin,
      };
      made.push(table);
      const part = extractor(table, this.kind);
      for (const column of entry.columns)
        made.push(
          part({
            name: column.name,
            returnType: undefined,
            doc: column.doc ?? extractedDoc(doc, `Column "${column.name}" of ${name}.`),
            call: (args) => readColumn(name, args[0], column.name, undefined),
          }),
        );
    }
    return made;
  }

  /** The entries when all are usable and no column is named twice; otherwise reports each problem. */
  private parseEntries(ctx: ModifierContext): Entry[] | undefined {
    if (this.entries.length === 0) return void ctx.report(messages.emptyModifier(ctx.where, this.kind, 'entries'));
    const parsed: Array<Entry | undefined> = [];
    let ok = true;
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.parseEntry(this.entries[i], i, ctx);
      parsed.push(entry);
      ok &&= entry !== undefined;
    }
    const entryOf = new Map<string, number>();
    for (let i = 0; i < parsed.length; i++)
      for (const { name } of parsed[i]?.columns ?? []) {
        const first = entryOf.get(name);
        if (first === undefined) entryOf.set(name, i);
        else {
          ok = false;
          ctx.report(extractMessages.columnInTwoEntries(ctx.where, name, first, i), name);
        }
      }
    return ok ? (parsed as Entry[]) : undefined;
  }

  private parseEntry(entry: unknown, i: number, ctx: ModifierContext): Entry | undefined {
    if (!isPlainRecord(entry)) return void ctx.report(extractMessages.badEntry(ctx.where, i, entry));
    const unknown = Object.keys(entry).filter((key) => !ENTRY_KEYS.includes(key));
    for (const key of unknown) ctx.report(extractMessages.unknownEntryKey(ctx.where, i, key));
    if (!Array.isArray(entry.columns)) return void ctx.report(extractMessages.noColumnList(ctx.where, i, entry.columns));
    const columns = parseColumns(entry.columns, `${this.kind} entry #${i + 1}`, ctx);
    return columns && unknown.length === 0 ? { columns, bindings: entry.bindings ?? {} } : undefined;
  }
}

/** `call`, with the columns of its value renamed by position to `names` (awaited first when it is a promise). */
function renamedCall(call: (args: unknown[]) => unknown, node: string, names: readonly string[]): (args: unknown[]) => unknown {
  const rename = (value: unknown) => renameColumnsByPosition(node, value, names);
  return (args) => {
    const value = call(args);
    return isThenable(value) ? Promise.resolve(value).then(rename) : rename(value);
  };
}
