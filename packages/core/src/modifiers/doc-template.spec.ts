import { describe, expect, it } from '@jest/globals';
import { group, source, value } from './binding.js';
import { templateDoc } from './doc-template.js';

describe('templateDoc', () => {
  it('fills {output} and bound parameters, leaving other braces alone', () => {
    const bindings = { window: value(7), xs: source('spend'), parts: group(source('a'), value(2)), keyed: group({ lo: value(0) }) };
    expect(templateDoc('{output}: {window}d of {xs}; {parts}; {keyed}; {unbound} {not a name}', 'spend7', bindings)).toBe(
      'spend7: 7d of spend; a, 2; lo: 0; {unbound} {not a name}',
    );
  });

  it('describes non-primitive values briefly and lets a parameter named output win', () => {
    expect(templateDoc('{w} {output}', 'o', { w: value(new Float64Array(3)), output: value('param') })).toBe('Float64Array(3) param');
  });

  it('returns a doc without braces unchanged', () => {
    expect(templateDoc('plain', 'o', {})).toBe('plain');
  });
});
