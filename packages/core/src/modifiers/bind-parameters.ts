import { describeType, messages } from '../errors/messages.js';
import { valueMatchesType } from '../graph/type-compat.js';
import type { Dependency, NodeDef } from '../graph/types.js';
import { GroupBinding, type GroupMember, isPlainRecord, SourceBinding, ValueBinding } from './binding.js';

/** Reads one argument of the original node from the bound node's positional arguments. */
type ArgReader = (args: readonly unknown[]) => unknown;

/** How a binder names its problems: `Class.method` and the modifier use, e.g. `@parameterize output "m7"`. */
export interface BindingSite {
  readonly where: string;
  readonly label: string;
  readonly report: (message: string) => void;
}

/**
 * Binds parameters of one node to values, sources and groups, producing a new node. The parameter
 * lookup is built once, so `parameterize` with thousands of outputs pays per output only for the
 * bindings of that output. Parameters are named as in the signature (or by their dependency name).
 */
export class ParameterBinder {
  private readonly index = new Map<string, number>();
  /** The parameter names, for "its parameters are ..." messages. */
  readonly parameters: readonly string[];

  constructor(private readonly node: NodeDef) {
    const { deps } = node;
    for (let i = 0; i < deps.length; i++) if (!this.index.has(deps[i].param)) this.index.set(deps[i].param, i);
    for (let i = 0; i < deps.length; i++) if (!this.index.has(deps[i].name)) this.index.set(deps[i].name, i);
    this.parameters = deps.map((d) => d.param);
  }

  /** `node` with `bindings` applied; undefined (after reporting every problem) when a binding is unusable. */
  bind(bindings: unknown, site: BindingSite): NodeDef | undefined {
    if (!isPlainRecord(bindings)) return void site.report(messages.bindingsNotRecord(site.where, site.label, bindings));
    const { deps } = this.node;
    let bound: unknown[] | undefined; // by parameter position; undefined while nothing is bound
    let ok = true;
    for (const param in bindings) {
      const i = this.index.get(param);
      if (i === undefined) {
        site.report(messages.unknownParameter(site.where, site.label, param, this.parameters));
        ok = false;
      } else if (checkBinding(bindings[param], deps[i], site)) {
        bound ??= new Array(deps.length);
        bound[i] = bindings[param];
      } else ok = false;
    }
    return ok ? this.build(bound) : undefined;
  }

  private build(bound: readonly unknown[] | undefined): NodeDef {
    if (!bound) return this.node;
    const deps: Dependency[] = [];
    const readers: ArgReader[] = [];
    let passthrough = true; // every argument still comes from the same position: keep the original call
    for (let i = 0; i < this.node.deps.length; i++) {
      const dep = this.node.deps[i];
      const binding = bound[i];
      if (binding instanceof ValueBinding) {
        passthrough = false;
        readers.push(() => binding.value);
      } else if (binding instanceof GroupBinding) {
        passthrough = false;
        readers.push(groupReader(binding, dep, deps));
      } else {
        passthrough &&= deps.length === i;
        readers.push(argAt(deps.length));
        deps.push(binding instanceof SourceBinding ? { ...dep, name: binding.name } : dep);
      }
    }
    const original = this.node.call!;
    const call = passthrough ? original : (args: unknown[]) => original(readers.map((read) => read(args)));
    return { ...this.node, deps, call };
  }
}

const argAt =
  (k: number): ArgReader =>
  (args) =>
    args[k];

/** Reads a group's members: sources become dependencies (typed "any"), values are fixed. */
function groupReader(group: GroupBinding, dep: Dependency, deps: Dependency[]): ArgReader {
  const memberReader = (member: GroupMember, label: string): ArgReader => {
    if (member instanceof ValueBinding) return () => member.value;
    deps.push({ name: member.name, param: `${dep.param}${label}`, type: undefined, optional: false });
    return argAt(deps.length - 1);
  };
  if (Array.isArray(group.members)) {
    const readers = group.members.map((m, j) => memberReader(m, `[${j}]`));
    return (args) => readers.map((read) => read(args));
  }
  const entries = Object.entries(group.members).map(([key, m]) => [key, memberReader(m, `.${key}`)] as const);
  return (args) => {
    const record: Record<string, unknown> = {};
    for (const [key, read] of entries) record[key] = read(args);
    return record;
  };
}

/** Reports what is wrong with one binding; true when it can be used. */
function checkBinding(binding: unknown, dep: Dependency, site: BindingSite): boolean {
  const { where, label } = site;
  const fail = (message: string): false => {
    site.report(message);
    return false;
  };
  if (binding instanceof ValueBinding) {
    if ((binding.value === undefined && dep.optional) || valueMatchesType(binding.value, dep.type)) return true;
    return fail(messages.boundValueType(where, label, dep.param, describeType(dep.type), binding.value));
  }
  if (binding instanceof SourceBinding) return checkSource(binding, dep, site);
  if (!(binding instanceof GroupBinding)) return fail(messages.bareBinding(where, label, dep.param, binding));
  const list = Array.isArray(binding.members);
  const members: unknown[] = list ? (binding.members as GroupMember[]) : Object.values(binding.members);
  let ok = true;
  for (const member of members)
    if (member instanceof SourceBinding) ok = checkSource(member, dep, site) && ok;
    else if (!(member instanceof ValueBinding)) ok = fail(messages.badGroupMember(where, label, dep.param, member));
  if (!valueMatchesType(list ? [] : {}, dep.type))
    ok = fail(messages.boundGroupType(where, label, dep.param, describeType(dep.type), list ? 'an array' : 'a record'));
  return ok;
}

function checkSource(binding: SourceBinding, dep: Dependency, site: BindingSite): boolean {
  if (typeof binding.name === 'string' && binding.name !== '') return true;
  site.report(messages.badSourceName(site.where, site.label, dep.param, binding.name));
  return false;
}
