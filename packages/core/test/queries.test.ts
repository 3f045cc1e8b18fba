import 'reflect-metadata';
import { Driver, node, tag, UnknownNodeError, type Variable } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Marketing {
  @node({ doc: 'Spend in USD.' })
  @tag({ owner: 'growth', pii: 'false' })
  spendUsd(spend: Float64Array, fx = 1): Float64Array {
    return spend.map((s) => s * fx);
  }

  @node()
  @tag({ owner: 'finance', regions: ['US', 'EU'] })
  signupsClean(signups: Float64Array): Float64Array {
    return signups;
  }

  @node()
  @tag({ owner: 'growth' })
  perSignup(spendUsd: Float64Array, signupsClean: Float64Array): Float64Array {
    return spendUsd.map((s, i) => s / signupsClean[i]);
  }

  @node() total(spendUsd: Float64Array): number {
    return spendUsd.reduce((a, b) => a + b, 0);
  }
  @node() unrelated(): string {
    return 'x';
  }
}

const dr = new Driver({}, Marketing);
const names = (vars: readonly Variable[]) => vars.map((v) => v.name).sort();

describe('listAvailableVariables', () => {
  it('lists every node, external inputs included', () => {
    expect(names(dr.listAvailableVariables())).toEqual([
      'fx',
      'perSignup',
      'signups',
      'signupsClean',
      'spend',
      'spendUsd',
      'total',
      'unrelated',
    ]);
  });

  it('describes a computed node', () => {
    const v = dr.listAvailableVariables().find((x) => x.name === 'spendUsd')!;
    expect(v).toEqual({
      name: 'spendUsd',
      type: Float64Array,
      tags: { owner: 'growth', pii: 'false' },
      isExternalInput: false,
      documentation: 'Spend in USD.',
      requiredDependencies: ['spend'],
      optionalDependencies: ['fx'],
      origin: 'Marketing.spendUsd',
    });
  });

  it('describes an external input with the type its consumers ask for', () => {
    const v = dr.listAvailableVariables().find((x) => x.name === 'signups')!;
    expect(v).toMatchObject({
      type: Float64Array,
      isExternalInput: true,
      requiredDependencies: [],
      optionalDependencies: [],
      tags: {},
      documentation: '',
    });
    expect(v.origin).toBeUndefined();
  });

  it('filters by a tag value, ANDing keys', () => {
    expect(names(dr.listAvailableVariables({ tagFilter: { owner: 'growth' } }))).toEqual(['perSignup', 'spendUsd']);
    expect(names(dr.listAvailableVariables({ tagFilter: { owner: 'growth', pii: 'false' } }))).toEqual(['spendUsd']);
    expect(names(dr.listAvailableVariables({ tagFilter: { owner: 'growth', pii: 'true' } }))).toEqual([]);
  });

  it('treats null as "has the tag" and an array as any-of', () => {
    expect(names(dr.listAvailableVariables({ tagFilter: { pii: null } }))).toEqual(['spendUsd']);
    expect(names(dr.listAvailableVariables({ tagFilter: { owner: null } }))).toEqual(['perSignup', 'signupsClean', 'spendUsd']);
    expect(names(dr.listAvailableVariables({ tagFilter: { owner: ['finance', 'legal'] } }))).toEqual(['signupsClean']);
    expect(names(dr.listAvailableVariables({ tagFilter: { regions: 'EU' } }))).toEqual(['signupsClean']);
  });
});

describe('graph walks', () => {
  it('whatIsUpstreamOf includes the named nodes and all they depend on', () => {
    expect(names(dr.whatIsUpstreamOf('perSignup'))).toEqual(['fx', 'perSignup', 'signups', 'signupsClean', 'spend', 'spendUsd']);
    expect(names(dr.whatIsUpstreamOf('total', 'unrelated'))).toEqual(['fx', 'spend', 'spendUsd', 'total', 'unrelated']);
  });

  it('whatIsDownstreamOf includes the named nodes and all that depend on them', () => {
    expect(names(dr.whatIsDownstreamOf('spend'))).toEqual(['perSignup', 'spend', 'spendUsd', 'total']);
    expect(names(dr.whatIsDownstreamOf('signups', 'unrelated'))).toEqual(['perSignup', 'signups', 'signupsClean', 'unrelated']);
  });

  it('whatIsThePathBetween lists the nodes on any path, or nothing', () => {
    expect(names(dr.whatIsThePathBetween('spend', 'perSignup'))).toEqual(['perSignup', 'spend', 'spendUsd']);
    expect(dr.whatIsThePathBetween('signups', 'total')).toEqual([]);
    expect(dr.whatIsThePathBetween('perSignup', 'spend')).toEqual([]);
  });

  it('rejects unknown names with close matches', () => {
    expect(() => dr.whatIsUpstreamOf('perSignUp')).toThrow(UnknownNodeError);
    expect(() => dr.whatIsUpstreamOf('perSignUp')).toThrow('unknown node: "perSignUp" (did you mean perSignup?)');
    expect(() => dr.whatIsDownstreamOf('spend', 'nothingLikeIt')).toThrow('unknown node: "nothingLikeIt"; use listAvailableVariables()');
    expect(() => dr.whatIsThePathBetween('spnd', 'totl')).toThrow(
      'unknown nodes: "spnd" (did you mean spend?), "totl" (did you mean total?)',
    );
  });
});
