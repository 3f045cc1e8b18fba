import { checkOutputMessages as text } from '../errors/messages.js';
import type { Dependency, NodeDef } from '../graph/types.js';
import { withKeys } from '../graph/with-keys.js';
import { parseOptions, parseValidators } from '../validation/check-output-spec.js';
import { DATA_QUALITY_TAGS as DQ } from '../validation/data-quality-tags.js';
import type { DataValidator, Importance, ValidationOutcome } from '../validation/data-validator.js';
import { enforceOutcomes, runValidator } from '../validation/outcome.js';
import { type Modifier, type ModifierContext, sinksOf } from './modifier.js';

/** Name of the node holding a checked node's unchecked value. */
export const rawNameOf = (name: string): string => `${name}_raw`;
/** Name of the node holding one validator's outcome. */
export const validatorNodeNameOf = (name: string, validator: string): string => `${name}_${validator}_validator`;

/**
 * Splits every final node `x` of a method into `x_raw` (the method's value), one node per validator
 * (`x_<validator>_validator`, valued by a `ValidationOutcome`) and `x` itself, which passes the raw
 * value through after warning about or throwing on the failed outcomes. A second `checkOutput` on
 * the same method adds its validators to the same `x`.
 */
export class CheckOutputModifier implements Modifier {
  readonly phase = 'transform';
  /** After the other transforms (extractColumns, extractFields: 0), so it checks the method's final nodes. */
  readonly order = 10;
  readonly kind = 'checkOutput';

  constructor(
    private readonly validators: unknown,
    private readonly options: unknown,
  ) {}

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    let problems = 0;
    const report = (message: string): void => {
      problems++;
      ctx.report(message);
    };
    const { importance, columns } = parseOptions(this.options, ctx.where, report);
    const validators = parseValidators(this.validators, columns, ctx.where, report);
    if (problems || validators.length === 0) return nodes;
    const names = new Set(nodes.map((n) => n.name));
    const replaced = new Map<NodeDef, NodeDef[]>();
    for (const sink of sinksOf(nodes)) {
      const clashes = clashingValidators(validators, sink, names);
      for (const name of new Set(clashes)) ctx.report(text.duplicateValidator(ctx.where, sink.name, name), sink.name);
      if (clashes.length) return nodes;
      replaced.set(sink, isChecked(sink, names) ? addChecks(sink, validators, importance) : wrap(sink, validators, importance));
    }
    const result: NodeDef[] = [];
    for (const node of nodes) result.push(...(replaced.get(node) ?? [node]));
    return result;
  }
}

/** Validator names given twice, or whose node for `sink` exists already. */
function clashingValidators(validators: readonly DataValidator[], sink: NodeDef, names: ReadonlySet<string>): string[] {
  const all = validators.map((v) => v.name);
  return all.filter((name, i) => all.indexOf(name) !== i || names.has(validatorNodeNameOf(sink.name, name)));
}

/** True when `node` is already the checked end of an earlier `checkOutput`. */
function isChecked(node: NodeDef, names: ReadonlySet<string>): boolean {
  return node.deps[0]?.name === rawNameOf(node.name) && names.has(node.deps[0].name);
}

function wrap(node: NodeDef, validators: readonly DataValidator[], importance: Importance): NodeDef[] {
  const raw: NodeDef = { ...node, name: rawNameOf(node.name), doc: `${node.name} before its checkOutput validators` };
  const checked: NodeDef = {
    ...node,
    deps: [{ name: raw.name, param: node.name, type: node.returnType, optional: false }],
    call: (args) => enforceOutcomes(args[0], args.slice(1) as ValidationOutcome[]),
  };
  return [raw, ...addChecks(checked, validators, importance)];
}

/** The validator nodes for `node`, then `node` depending on them too. */
function addChecks(node: NodeDef, validators: readonly DataValidator[], importance: Importance): NodeDef[] {
  const rawName = rawNameOf(node.name);
  const validatorNodes = validators.map(
    (v): NodeDef => ({
      name: validatorNodeNameOf(node.name, v.name),
      kind: 'function',
      deps: [{ name: rawName, param: 'value', type: undefined, optional: false }],
      call: (args) => runValidator(node.name, v, importance, args[0]),
      returnType: Object,
      tags: { [DQ.containsResults]: 'true', [DQ.sourceNode]: node.name, [DQ.validator]: v.name, [DQ.importance]: importance },
      doc: `checkOutput ${v.name} of ${node.name} (importance ${importance})`,
      origin: node.origin,
    }),
  );
  const deps: Dependency[] = validatorNodes.map((n) => ({ name: n.name, param: n.name, type: undefined, optional: false }));
  const before = node.tags[DQ.validators];
  const listed = [...(Array.isArray(before) ? before : []), ...validators.map((v) => v.name)];
  const checked: NodeDef = { ...node, deps: [...node.deps, ...deps], tags: withKeys(node.tags, { [DQ.validators]: listed }) };
  return [...validatorNodes, checked];
}
