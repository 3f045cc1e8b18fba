import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { config } from '../decorators/config.decorator.js';
import { dependsOn } from '../decorators/depends-on.decorator.js';
import { node } from '../decorators/node.decorator.js';
import { tag } from '../decorators/tag.decorator.js';
import { ConfigConditionModifier } from '../modifiers/config-condition.modifier.js';
import { TagModifier } from '../modifiers/tag.modifier.js';
import { decoratedMethodsOf, type MethodRecord } from './method-record.js';

const recordsOf = (cls: Function): Record<string, MethodRecord> =>
  Object.fromEntries(decoratedMethodsOf(cls.prototype).map((m) => [m.method, m.record]));

describe('decorators record, and only record', () => {
  class Features {
    @node({ name: 'total', doc: 'Sum.', returns: Number })
    @dependsOn('values')
    async sum(v: number[]) {
      return v.reduce((a, b) => a + b, 0);
    }

    @node()
    @tag({ owner: 'growth' })
    @config.when({ region: 'US' })
    @config.whenNotIn({ tier: ['free'] })
    tax__us(price: number) {
      return price * 0.07;
    }

    /** Not decorated: an ordinary method. */
    helper() {
      return 1;
    }

    @tag({ owner: 'x' }) // a modifier without @node: recorded, but no node
    notANode() {
      return 2;
    }
  }

  it('keeps @node options and @dependsOn names as given', () => {
    const { sum } = recordsOf(Features);
    expect(sum).toEqual({ isNode: true, options: { name: 'total', doc: 'Sum.', returns: Number }, dependsOn: ['values'], modifiers: [] });
  });

  it('stores modifiers as objects holding their raw arguments, without checking them', () => {
    const { tax__us } = recordsOf(Features);
    expect(tax__us.isNode).toBe(true);
    expect(tax__us.modifiers.map((m) => m.kind).sort()).toEqual(['config.when', 'config.whenNotIn', 'tag']);
    expect(tax__us.modifiers.find((m) => m.kind === 'tag')).toBeInstanceOf(TagModifier);
    expect(tax__us.modifiers.find((m) => m.kind === 'config.when')).toBeInstanceOf(ConfigConditionModifier);
    // Invalid arguments are recorded as is; the graph builder reports them later.
    class Bad {
      @node() @tag({ k: 5 as unknown as string }) @config.whenIn({ k: 'notAList' as unknown as string[] }) m() {
        return 1;
      }
    }
    expect(recordsOf(Bad).m.modifiers).toHaveLength(2);
  });

  it('lists only decorated methods; a modifier alone does not make a node', () => {
    const records = recordsOf(Features);
    expect(Object.keys(records).sort()).toEqual(['notANode', 'sum', 'tax__us']);
    expect(records.notANode.isNode).toBe(false);
  });

  it('gives each method its own record', () => {
    class A {
      @node() a() {
        return 1;
      }
    }
    class B {
      @node({ doc: 'b' }) a() {
        return 1;
      }
    }
    expect(recordsOf(A).a.options).toEqual({});
    expect(recordsOf(B).a.options).toEqual({ doc: 'b' });
  });
});

describe('decorator order does not matter', () => {
  class Above {
    @node({ doc: 'd' })
    @dependsOn('x')
    @tag({ t: 'v' })
    @config.when({ k: 1 })
    m(y: number) {
      return y;
    }
  }
  class Below {
    @config.when({ k: 1 })
    @tag({ t: 'v' })
    @dependsOn('x')
    @node({ doc: 'd' })
    m(y: number) {
      return y;
    }
  }

  it('records the same options, deps and modifier kinds either way', () => {
    const [above, below] = [recordsOf(Above).m, recordsOf(Below).m];
    expect(below.isNode).toBe(above.isNode);
    expect(below.options).toEqual(above.options);
    expect(below.dependsOn).toEqual(above.dependsOn);
    expect(below.modifiers.map((m) => m.kind).sort()).toEqual(above.modifiers.map((m) => m.kind).sort());
  });

  it('merges options of repeated @node calls', () => {
    class Twice {
      @node({ doc: 'd' }) @node({ name: 'n' }) m() {
        return 1;
      }
    }
    expect(recordsOf(Twice).m.options).toEqual({ name: 'n', doc: 'd' });
  });
});

describe('inheritance', () => {
  class Base {
    @node() a() {
      return 1;
    }
    @node({ doc: 'base b' }) b() {
      return 2;
    }
  }
  class Child extends Base {
    @node({ doc: 'child b' }) override b() {
      return 20;
    }
    @node() c() {
      return 3;
    }
  }
  class Plain extends Base {}

  it('a subclass inherits decorated methods', () => {
    const found = decoratedMethodsOf(Plain.prototype);
    expect(found.map((m) => m.method).sort()).toEqual(['a', 'b']);
    expect(found.every((m) => m.owner === Base.prototype)).toBe(true);
  });

  it('an override in the subclass wins, listed once and owned by the subclass', () => {
    const found = decoratedMethodsOf(Child.prototype);
    expect(found.map((m) => m.method)).toEqual(['b', 'c', 'a']);
    const b = found.find((m) => m.method === 'b')!;
    expect(b.owner).toBe(Child.prototype);
    expect(b.record.options.doc).toBe('child b');
  });

  it('decorating the subclass leaves the base class records untouched', () => {
    expect(Object.keys(recordsOf(Base)).sort()).toEqual(['a', 'b']);
    expect(recordsOf(Base).b.options.doc).toBe('base b');
  });
});
