import { describe, expect, it } from '@jest/globals';
import { invert, pathBetween, reachable } from './traversal.js';

// a -> b -> d, a -> c -> d, e alone; written as node → dependencies.
const deps = new Map<string, string[]>([
  ['a', []],
  ['b', ['a']],
  ['c', ['a']],
  ['d', ['b', 'c']],
  ['e', []],
]);

describe('reachable', () => {
  it('includes the starts and everything reachable from them, each once', () => {
    expect([...reachable(deps, ['d'])].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...reachable(deps, ['b', 'e'])].sort()).toEqual(['a', 'b', 'e']);
  });

  it('tolerates names that are not keys, and cycles', () => {
    expect([...reachable(deps, ['zzz'])]).toEqual(['zzz']);
    const cyclic = new Map([
      ['x', ['y']],
      ['y', ['x']],
    ]);
    expect([...reachable(cyclic, ['x'])].sort()).toEqual(['x', 'y']);
  });

  it('handles a 100k chain without recursion', () => {
    const chain = new Map<string, string[]>();
    for (let i = 0; i < 100_000; i++) chain.set(`n${i}`, i ? [`n${i - 1}`] : []);
    expect(reachable(chain, ['n99999']).size).toBe(100_000);
  });
});

describe('invert', () => {
  it('turns dependencies into consumers and keeps every node as a key', () => {
    const consumers = invert(deps);
    expect(consumers.get('a')).toEqual(['b', 'c']);
    expect(consumers.get('d')).toEqual([]);
    expect(consumers.get('e')).toEqual([]);
    expect(invert(new Map([['x', ['outside']]])).get('outside')).toEqual(['x']);
  });
});

describe('pathBetween', () => {
  it('returns every node on some path, both ends included', () => {
    expect([...pathBetween(deps, 'a', 'd')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...pathBetween(deps, 'b', 'd')].sort()).toEqual(['b', 'd']);
    expect([...pathBetween(deps, 'a', 'a')]).toEqual(['a']);
  });

  it('is empty when there is no path (also against the data flow)', () => {
    expect(pathBetween(deps, 'e', 'd').size).toBe(0);
    expect(pathBetween(deps, 'd', 'a').size).toBe(0);
    expect(pathBetween(deps, 'b', 'c').size).toBe(0);
  });
});
