// Runs every example of the README's modifier sections (checkOutput, data-quality nodes and the logger, pipe, subdag)
// against the public API, as written there.
import 'reflect-metadata';
import {
  checkOutput,
  DATA_QUALITY_TAGS,
  DataValidationError,
  Driver,
  node,
  pipe,
  setLogger,
  source,
  step,
  subdag,
  type ValidationOutcome,
  value,
} from '@hamilton-ts/core';

test('checkOutput: fail on a value out of range, pass the value through otherwise', async () => {
  class Scores {
    @node()
    @checkOutput({ range: [0, 1], dataType: Number, allowNaN: false }, { importance: 'fail' })
    score(raw: Float64Array): Float64Array {
      return raw.map((v) => v / 100);
    }
  }

  const dr = new Driver({}, Scores);
  const ok = await dr.rawExecute(['score'], { inputs: { raw: Float64Array.of(10, 50) } }); // { score: Float64Array [0.1, 0.5] }
  expect(ok.score).toEqual(Float64Array.of(0.1, 0.5));
  const error = await dr.rawExecute(['score'], { inputs: { raw: Float64Array.of(10, 150) } }).catch((e) => e);
  // DataValidationError: node "score" failed validator range: 1 of 2 values is outside [0, 1]: [1] 1.5; ...
  expect(error).toBeInstanceOf(DataValidationError);
  expect(error.message).toMatch(/^node "score" failed validator range: 1 of 2 values is outside \[0, 1\]: \[1\] 1\.5; /);
});

test('checkOutput: warnings go to the logger, outcomes to adapters, checks are tagged', async () => {
  class Signups {
    @node()
    @checkOutput({ maxFractionNaN: 0.25, nonEmpty: true })
    signups(raw: number[]): number[] {
      return raw;
    }
  }

  const warnings: string[] = [];
  const previous = setLogger({ warn: (message) => warnings.push(message) });
  const outcomes: ValidationOutcome[] = [];
  const dr = new Driver({}, Signups, {
    adapter: {
      postNodeExecute: ({ node, result }) => {
        if (node.tags[DATA_QUALITY_TAGS.containsResults] === 'true') outcomes.push(result as ValidationOutcome);
      },
    },
  });
  const out = await dr.rawExecute(['signups'], { inputs: { raw: [1, NaN, NaN, 4] } }); // still returns the value
  setLogger(previous);
  expect(out.signups).toEqual([1, NaN, NaN, 4]);
  expect(warnings).toEqual([
    'node "signups" failed validator maxFractionNaN: more than 0.25 of the entries are missing in the value: 2 of 4 missing (0.500)',
  ]);
  expect(outcomes.map((o) => [o.validator, o.passed]).sort()).toEqual([
    ['maxFractionNaN', false],
    ['nonEmpty', true],
  ]);
  const checks = dr.listAvailableVariables({ tagFilter: { [DATA_QUALITY_TAGS.sourceNode]: 'signups' } });
  expect(checks.map((v) => v.name)).toEqual(['signups_maxFractionNaN_validator', 'signups_nonEmpty_validator']);
});

test('pipe: steps transform the first argument, each a node, .when() by config', async () => {
  const clip = (xs: number[], hi: number) => xs.map((x) => Math.min(x, hi));
  const scale = (xs: number[], k: number) => xs.map((x) => x * k);

  class Spend {
    @node()
    @pipe(step(clip, value(100)), step(scale, source('fx')).named('spendUsd'), step(scale, value(2)).named('doubled').when({ promo: true }))
    spend(raw: number[]): number[] {
      return raw;
    }
  }

  const dr = new Driver({}, Spend);
  const out = await dr.rawExecute(['spend'], { inputs: { raw: [50, 500], fx: 2 } }); // { spend: [100, 200] }
  expect(out).toEqual({ spend: [100, 200] });
  const deps = Object.fromEntries(dr.listAvailableVariables().map((v) => [v.name, v.requiredDependencies]));
  expect(deps).toMatchObject({ 'spend.clip': ['raw'], spendUsd: ['spend.clip', 'fx'], spend: ['spendUsd'] });
  expect(deps).not.toHaveProperty('doubled');
  const promo = await new Driver({ promo: true }, Spend).rawExecute(['spend'], { inputs: { raw: [50, 500], fx: 2 } });
  expect(promo).toEqual({ spend: [200, 400] });
});

test('subdag: one group of nodes reused under two namespaces', async () => {
  class Cleaning {
    @node() clean(raw: number[], floor = 0): number[] {
      return raw.filter((x) => x >= floor);
    }
    @node() total(clean: number[], rate: number): number {
      return clean.reduce((a, b) => a + b, 0) * rate;
    }
  }

  class Regions {
    @node()
    @subdag(Cleaning, { inputs: { raw: source('usSpend'), rate: value(1) } })
    usTotal(total: number): number {
      return total;
    }

    @node()
    @subdag(Cleaning, { inputs: { raw: source('euSpend') }, config: { rate: 1.1 }, namespace: 'eu' })
    euTotal(total: number): number {
      return total;
    }
  }

  const dr = new Driver({}, Regions);
  const out = await dr.rawExecute(['usTotal', 'euTotal'], { inputs: { usSpend: [10, -5, 20], euSpend: [100] } });
  expect(out).toEqual({ usTotal: 30, euTotal: 110.00000000000001 });
  expect(
    dr
      .listAvailableVariables()
      .map((v) => v.name)
      .sort(),
  ).toEqual(
    [
      'usTotal.clean',
      'usTotal.rate',
      'usTotal.total',
      'usTotal',
      'eu.clean',
      'eu.rate',
      'eu.total',
      'euTotal',
      'usSpend',
      'euSpend',
      'floor',
    ].sort(),
  );
});
