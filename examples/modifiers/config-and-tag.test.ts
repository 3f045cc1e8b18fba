// The README's `config.when` and `@tag` snippets, run as written.
import 'reflect-metadata';
import { config, Driver, GraphBuildError, node, tag } from '@hamilton-ts/core';

class Targets {
  @node()
  @config.when({ market: 'US' })
  targetCpa__us(): number {
    return 3.2;
  }

  @node()
  @config.whenIn({ market: ['EU', 'UK'] })
  targetCpa__europe(): number {
    return 3.6;
  }

  @node()
  @config.whenNotIn({ market: ['US', 'EU', 'UK'] })
  targetCpa__rest(): number {
    return 4.0;
  }

  @node()
  @config.whenNot({ currency: 'USD' })
  fxNote(): string {
    return 'amounts converted to USD';
  }
}

test('config.when family picks one variant per config', async () => {
  expect(await new Driver({ market: 'UK' }, Targets).rawExecute(['targetCpa', 'fxNote'])).toEqual({
    targetCpa: 3.6,
    fxNote: 'amounts converted to USD',
  });
  expect(await new Driver({ market: 'US' }, Targets).rawExecute(['targetCpa'])).toEqual({ targetCpa: 3.2 });
  expect(await new Driver({}, Targets).rawExecute(['targetCpa'])).toEqual({ targetCpa: 4.0 });
  expect(new Driver({ currency: 'USD' }, Targets).listAvailableVariables().map((v) => v.name)).not.toContain('fxNote');
});

test('two variants matching one config are one build error naming both methods', () => {
  class Overlap {
    @node() @config.whenIn({ market: ['US', 'EU'] }) rate__a(): number {
      return 1;
    }
    @node() @config.whenNot({ market: 'EU' }) rate__b(): number {
      return 2;
    }
  }
  expect(() => new Driver({ market: 'US' }, Overlap)).toThrow(GraphBuildError);
  expect(() => new Driver({ market: 'US' }, Overlap)).toThrow(
    /node "rate" is produced twice in one module: by Overlap.rate__a and by Overlap.rate__b/,
  );
  expect(new Driver({ market: 'EU' }, Overlap).listAvailableVariables().map((v) => v.name)).toEqual(['rate']);
});

test('misused conditions and a name ending in __ are reported together', () => {
  class Misused {
    @node() @config.whenIn({ market: 'US' as unknown as string[] }) a(): number {
      return 1;
    }
    @node() @config.when({}) b(): number {
      return 2;
    }
    @node() c__(): number {
      return 3;
    }
  }
  let error: GraphBuildError | undefined;
  try {
    new Driver({}, Misused);
  } catch (e) {
    error = e as GraphBuildError;
  }
  expect(error).toBeInstanceOf(GraphBuildError);
  expect(error!.problems).toHaveLength(3);
  expect(error!.message).toMatch(/Misused.a: @config.whenIn needs an array of values for "market", got "US"/);
  expect(error!.message).toMatch(/Misused.b: @config.when\(\{\}\) has no keys/);
  expect(error!.message).toMatch(/Misused.c__: method name "c__" ends in "__" with no variant after it; write the variant \(e.g. c__v2\)/);
});

class Owned {
  @node()
  @tag({ owner: 'growth', surfaces: ['dashboard', 'model'] })
  weeklySignups(signups: number[]): number {
    return signups.reduce((a, b) => a + b, 0);
  }
}

test('tags select nodes, multi-valued tags match any of their values', () => {
  expect(new Driver({}, Owned).listAvailableVariables({ tagFilter: { surfaces: 'model' } }).map((v) => v.name)).toEqual(['weeklySignups']);
  expect(new Driver({}, Owned).listAvailableVariables({ tagFilter: { owner: 'finance' } })).toEqual([]);
});

test('a tag value that is not a string is a build error', () => {
  class BadTag {
    @node() @tag({ owner: 7 as unknown as string }) x(): number {
      return 1;
    }
  }
  expect(() => new Driver({}, BadTag)).toThrow(/BadTag.x: @tag: tag "owner" is 7: a tag value is a string or an array of strings/);
});
