import type { NodeDef } from '../graph/types.js';
import { addModifier } from '../metadata/method-record.js';
import { ParameterBinder } from '../modifiers/bind-parameters.js';
import { SourceBinding } from '../modifiers/binding.js';
import { type Modifier, type ModifierContext, sinksOf } from '../modifiers/modifier.js';
import { loaderNode, saverNode } from './io-node.js';
import type { LoaderSpec, SaverSpec } from './io-spec.js';

/** What `@loadFrom.<format>(...)` records: a loader without a target, and the parameter it feeds. */
export type LoadFromSpec = Omit<LoaderSpec, 'role' | 'target'> & {
  /** The parameter fed from the file; may be left out when the method has exactly one. */
  readonly inject?: string;
};

/** What `@saveTo.<format>(...)` records: a saver of the method's value, with an optional node name. */
export type SaveToSpec = Omit<SaverSpec, 'role' | 'id' | 'dependencies'> & {
  /** The save node's name (default `<node>.save_<format>`). */
  readonly id?: string;
};

/**
 * Records a loader feeding one parameter of the method (what `@loadFrom.csv(...)` of `@hamilton-ts/io`
 * applies; a format package builds the spec). The loader becomes a node `<node>.load_<param>`.
 */
export function loadFromDecorator(spec: LoadFromSpec): MethodDecorator {
  return (target, method) => addModifier(target, method, new LoadFromModifier(spec));
}

/**
 * Records a saver of the method's value (what `@saveTo.parquet(...)` of `@hamilton-ts/io` applies).
 * The saver becomes a node that runs when requested, or through `dr.materialize`.
 */
export function saveToDecorator(spec: SaveToSpec): MethodDecorator {
  return (target, method) => addModifier(target, method, new SaveToModifier(spec));
}

/** Rebinds a parameter to a new loader node, as `@inject({ param: source(loader) })` would. */
class LoadFromModifier implements Modifier {
  readonly phase = 'expand';
  /** With `inject`: on the method's own node, before `parameterize` multiplies it. */
  readonly order = 1;
  readonly kind: string;

  constructor(private readonly spec: LoadFromSpec) {
    this.kind = `loadFrom.${spec.format}`;
  }

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const added: NodeDef[] = [];
    const sinks = new Set(sinksOf(nodes));
    const result = nodes.map((node) => {
      if (!sinks.has(node)) return node;
      const report = (message: string) => ctx.report(`${ctx.where}: @${this.kind}: ${message}`, node.name);
      const param = this.parameter(node, report);
      if (param === undefined) return node;
      const name = `${node.name}.load_${param}`;
      const loader = loaderNode({ ...this.spec, role: 'loader', target: name }, name);
      for (const problem of loader.problems) report(problem);
      if (!loader.node) return node;
      const bound = new ParameterBinder(node).bind(
        { [param]: new SourceBinding(name) },
        { where: ctx.where, label: `@${this.kind}`, report },
      );
      if (!bound) return node;
      added.push({ ...loader.node, origin: { className: ctx.where, method: this.kind, fromInstance: true } });
      return bound;
    });
    return [...added, ...result];
  }

  private parameter(node: NodeDef, report: (message: string) => void): string | undefined {
    const { inject } = this.spec;
    const params = node.deps.map((d) => d.param);
    if (inject === undefined) {
      if (params.length === 1) return params[0];
      return void report(
        `the method has ${params.length} parameters (${params.join(', ') || 'none'}); say which one the file feeds with inject: 'name'`,
      );
    }
    if (typeof inject !== 'string' || !params.includes(inject))
      return void report(
        `inject: ${JSON.stringify(inject)} is not a parameter of the method; its parameters are ${params.join(', ') || 'none'}`,
      );
    return inject;
  }
}

/** Adds a save node after the method's value, once every transform has shaped that value. */
class SaveToModifier implements Modifier {
  readonly phase = 'metadata';
  /** After `@tag` and `@tagOutputs`: the save node does not take the method's tags. */
  readonly order = 9;
  readonly kind: string;

  constructor(private readonly spec: SaveToSpec) {
    this.kind = `saveTo.${spec.format}`;
  }

  apply(nodes: NodeDef[], ctx: ModifierContext): NodeDef[] {
    const sinks = sinksOf(nodes);
    const { id } = this.spec;
    if (id !== undefined && (typeof id !== 'string' || id === '')) {
      ctx.report(`${ctx.where}: @${this.kind}: id ${JSON.stringify(id)} is not a node name; give a non-empty string or leave it out`);
      return nodes;
    }
    if (id !== undefined && sinks.length > 1) {
      ctx.report(
        `${ctx.where}: @${this.kind}: the method produces ${sinks.length} nodes (${sinks.map((s) => s.name).join(', ')}), so one id "${id}" cannot name a save node for each; leave id out`,
      );
      return nodes;
    }
    const savers: NodeDef[] = [];
    for (const sink of sinks) {
      const name = id ?? `${sink.name}.save_${this.spec.format}`;
      const saver = saverNode({ ...this.spec, role: 'saver', id: name, dependencies: [sink.name] }, name);
      for (const problem of saver.problems) ctx.report(`${ctx.where}: @${this.kind}: ${problem}`, name);
      if (saver.node) savers.push({ ...saver.node, origin: { className: ctx.where, method: this.kind, fromInstance: true } });
    }
    return [...nodes, ...savers];
  }
}
