import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, node, parameterize, tag, tagOutputs } from '../index.js';

describe('tag rules', () => {
  it('accepts dotted identifiers and lists of distinct strings', () => {
    class Fine {
      @node() @tag({ owner: 'growth', 'team.name': 'ads', _private: 'y', regions: ['eu', 'us'] }) a(): number {
        return 1;
      }
    }
    const [a] = new Driver({}, Fine).listAvailableVariables();
    expect(a.tags).toEqual({ owner: 'growth', 'team.name': 'ads', _private: 'y', regions: ['eu', 'us'] });
  });

  it('refuses keys that are not dotted identifiers, the reserved hamilton namespace, empty lists and repeated values', () => {
    class Bad {
      @node()
      @tag({ 'team-name': 'x', '': 'y', 'a..b': 'z', '1st': 'w', 'hamilton.io': 'csv', hamilton: 'x', regions: [], pii: ['a', 'b', 'a'] })
      a(): number {
        return 1;
      }
    }
    const reserved = 'the "hamilton." namespace is reserved for the framework\'s own tags';
    const identifier = 'a dotted identifier such as owner or team.name';
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      `Bad.a: @tag: tag key "team-name" is not allowed: a tag key is ${identifier}`,
      `Bad.a: @tag: tag key "" is not allowed: a tag key is ${identifier}`,
      `Bad.a: @tag: tag key "a..b" is not allowed: a tag key is ${identifier}`,
      `Bad.a: @tag: tag key "1st" is not allowed: a tag key is ${identifier}`,
      `Bad.a: @tag: tag key "hamilton.io" is not allowed: ${reserved}`,
      `Bad.a: @tag: tag key "hamilton" is not allowed: ${reserved}`,
      'Bad.a: @tag: tag "regions" is []: an empty list tags nothing; leave the tag out or give at least one string',
      'Bad.a: @tag: tag "pii" is ["a","b","a"]: "a" is listed twice; list each value once',
    ]);
  });

  it('applies the same rules to @tagOutputs, naming the output', () => {
    class Bad {
      @node() @parameterize({ x: {}, y: {} }) @tagOutputs({ x: { 'hamilton.data_quality.source_node': 'p' }, y: { ok: [] } }) p(): number {
        return 1;
      }
    }
    expect(buildError(Bad).problems.map((p) => [p.node, p.message])).toEqual([
      [
        'x',
        'Bad.p: @tagOutputs for "x": tag key "hamilton.data_quality.source_node" is not allowed: the "hamilton." namespace is reserved for the framework\'s own tags',
      ],
      ['y', 'Bad.p: @tagOutputs for "y": tag "ok" is []: an empty list tags nothing; leave the tag out or give at least one string'],
    ]);
  });
});
