import type { Dependency, NodeDef } from '../graph/types.js';
import { GroupBinding, SourceBinding, ValueBinding } from '../modifiers/binding.js';
import { FORMAT_TAG, IO_TAG, type LoaderSpec, type SaverSpec } from './io-spec.js';

/** How one option of a loader or saver gets its value: fixed, or from the dependency at `slot`. */
type OptionReader = readonly [key: string, read: (args: readonly unknown[]) => unknown];

/** A loader's node, or the problems that keep it out of the graph. */
export function loaderNode(spec: LoaderSpec, name: string): { node?: NodeDef; problems: string[] } {
  const problems = [...spec.problems()];
  const deps: Dependency[] = [];
  const readers = optionReaders(spec.options, deps, problems);
  if (problems.length) return { problems };
  const context = { node: name };
  return {
    problems,
    node: {
      ...ioNode(name, 'loader', spec.format, deps, spec.doc),
      call: (args) => spec.load(resolve(readers, args), context),
    },
  };
}

/** A saver's node: its dependencies' values first, then its options' sources. */
export function saverNode(spec: SaverSpec, name: string): { node?: NodeDef; problems: string[] } {
  const problems = [...spec.problems()];
  const deps: Dependency[] = spec.dependencies.map((dep) => ({ name: dep, param: dep, type: undefined, optional: false }));
  const saved = deps.length;
  const readers = optionReaders(spec.options, deps, problems);
  if (problems.length) return { problems };
  const context = { node: name };
  const names = spec.dependencies;
  return {
    problems,
    node: {
      ...ioNode(name, 'saver', spec.format, deps, spec.doc),
      call: (args) => {
        const values: Record<string, unknown> = {};
        for (let i = 0; i < saved; i++) values[names[i]] = args[i];
        return spec.save(values, resolve(readers, args), context);
      },
    },
  };
}

function ioNode(name: string, role: 'loader' | 'saver', format: string, deps: Dependency[], doc: string): NodeDef {
  return {
    name,
    kind: 'function',
    deps,
    returnType: undefined,
    tags: { [IO_TAG]: role, [FORMAT_TAG]: format },
    doc,
    // Reads and writes are side effects on files: never answered from the cache. A loader's data
    // version still feeds its dependents' keys, so they hit while the file's content is unchanged.
    cache: { behavior: 'recompute' },
    // Made at run time, not by a class a worker could import: engines run it in the driver's process.
    origin: { className: role === 'loader' ? 'from' : 'to', method: format, fromInstance: true },
  };
}

/** Options as readers; each `source(...)` appended to `deps`. */
function optionReaders(options: Readonly<Record<string, unknown>>, deps: Dependency[], problems: string[]): OptionReader[] {
  return Object.entries(options).map(([key, option]): OptionReader => {
    if (option instanceof SourceBinding) {
      if (typeof option.name !== 'string' || option.name === '')
        problems.push(`option "${key}" is source(${JSON.stringify(option.name)}); give source('nodeOrInput')`);
      const slot = deps.length;
      deps.push({ name: option.name, param: key, type: undefined, optional: false });
      return [key, (args) => args[slot]];
    }
    if (option instanceof GroupBinding) problems.push(`option "${key}" is a group(...); give a plain value, value(x) or source('node')`);
    const fixed = option instanceof ValueBinding ? option.value : option;
    return [key, () => fixed];
  });
}

function resolve(readers: readonly OptionReader[], args: readonly unknown[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, read] of readers) options[key] = read(args);
  return options;
}
