import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, extractColumns, extractFields, node, parameterize, tag, tagOutputs, value } from '../index.js';

const tagsOf = (dr: Driver) => Object.fromEntries(dr.listAvailableVariables().map((v) => [v.name, v.tags]));

describe('@tagOutputs', () => {
  it('tags named outputs of parameterize, on top of @tag (the specific tag wins)', () => {
    class Scaled {
      @node()
      @tag({ team: 'growth', tier: 'bronze' })
      @tagOutputs({ double: { tier: 'gold' } })
      @parameterize({ double: { k: value(2) }, triple: { k: value(3) } })
      scale(x: number, k: number): number {
        return x * k;
      }
    }
    const tags = tagsOf(new Driver({}, Scaled));
    expect(tags.double).toEqual({ team: 'growth', tier: 'gold' });
    expect(tags.triple).toEqual({ team: 'growth', tier: 'bronze' });
  });

  it('tags extracted columns and fields, and the method node itself', () => {
    class Extracted {
      @node()
      @extractColumns('email', 'spend')
      @tagOutputs({ email: { pii: 'true' }, users: { source: ['crm', 'web'] } })
      users(raw: object): object {
        return raw;
      }
      @node() @extractFields({ mean: Number }) @tagOutputs({ mean: { stat: 'yes' } }) stats(): object {
        return { mean: 1 };
      }
    }
    const tags = tagsOf(new Driver({}, Extracted));
    expect(tags).toMatchObject({ email: { pii: 'true' }, spend: {}, users: { source: ['crm', 'web'] }, mean: { stat: 'yes' } });
  });

  it('rejects a name that is not an output of the method, listing the outputs', () => {
    class Wrong {
      @node() @extractColumns('a', 'b') @tagOutputs({ c: { k: 'v' } }) t(): object {
        return {};
      }
    }
    expect(buildError(Wrong).problems).toEqual([
      { node: 'c', message: 'Wrong.t: @tagOutputs names "c", which is not an output of the method; its outputs are t, a, b' },
    ]);
  });

  it('rejects tag values that are not strings, tags that are not a record, and an empty spec', () => {
    class Bad {
      @node() @parameterize({ a: {}, b: {} }) @tagOutputs({ a: { n: 1 as never }, b: 'x' as never }) p(): number {
        return 1;
      }
      @node() @tagOutputs({}) q(): number {
        return 1;
      }
    }
    expect(buildError(Bad).problems.map((p) => p.message)).toEqual([
      'Bad.p: @tagOutputs for "a": tag "n" is 1: a tag value is a string or an array of strings',
      'Bad.p: @tagOutputs gives "b" "x"; give a record of tags such as { owner: \'growth\' }',
      'Bad.q: @tagOutputs was given no outputs to tag; name at least one',
    ]);
  });

  it('lists at most 20 outputs in its message', () => {
    const outputs = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`o${i}`, {}]));
    class Many {
      @node() @parameterize(outputs) @tagOutputs({ nope: { k: 'v' } }) p(): number {
        return 1;
      }
    }
    expect(buildError(Many).message).toContain(
      'its outputs are o0, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12, o13, o14, o15, o16, o17, o18, o19 and 5 more',
    );
  });
});
