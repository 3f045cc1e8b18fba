import { describeValue } from '../errors/messages.js';
import { GroupBinding, SourceBinding, ValueBinding } from './binding.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills the `{name}` placeholders of a parameterized or injected node's doc: `{output}` → the
 * output's name, `{param}` → what that parameter is bound to (a value as text, a source as its node
 * name, a group as its members), and a parameter the output leaves unbound → the parameter's name.
 * A binding named `output` wins over the output name; any other placeholder is left as written.
 */
export function templateDoc(
  doc: string,
  output: string,
  bindings: Readonly<Record<string, unknown>>,
  parameters: readonly string[] = [],
): string {
  if (!doc.includes('{')) return doc;
  return doc.replace(PLACEHOLDER, (whole, key: string) =>
    Object.hasOwn(bindings, key) ? describeBinding(bindings[key]) : key === 'output' ? output : parameters.includes(key) ? key : whole,
  );
}

function describeBinding(binding: unknown): string {
  if (binding instanceof SourceBinding) return binding.name;
  if (binding instanceof GroupBinding)
    return Array.isArray(binding.members)
      ? binding.members.map(describeBinding).join(', ')
      : Object.entries(binding.members)
          .map(([k, m]) => `${k}: ${describeBinding(m)}`)
          .join(', ');
  const value = binding instanceof ValueBinding ? binding.value : binding;
  return value === null || (typeof value !== 'object' && typeof value !== 'function') ? String(value) : describeValue(value);
}
