// Runs the README's snippets for config resolvers, tag rules, doc templates, pipe options, pipeOutput, mutate and exclude.
import 'reflect-metadata';
import {
  applyTo,
  config,
  Driver,
  exclude,
  extractFields,
  GraphBuildError,
  group,
  inject,
  mutate,
  node,
  parameterize,
  pipe,
  pipeOutput,
  source,
  step,
  tag,
  value,
} from '@hamilton-ts/core';

const names = (dr: Driver) => dr.listAvailableVariables().map((v) => v.name);

test('config.when with a resolver', () => {
  class Surcharges {
    @node()
    @config.when((c) => Number(c.year) >= 2025 && c.market !== 'US')
    surcharge(price: number): number {
      return price * 0.01;
    }
  }
  expect(names(new Driver({ year: 2026, market: 'UK' }, Surcharges)).sort()).toEqual(['price', 'surcharge']);
  expect(names(new Driver({ year: 2024 }, Surcharges))).toEqual([]);
});

test('tag rules as the README lists them', () => {
  for (const tags of [{ 'team-name': 'x' }, { 'hamilton.io': 'csv' }, { pii: [] }, { pii: ['a', 'a'] }]) {
    class Tagged {
      @node() @tag(tags as never) x(): number {
        return 1;
      }
    }
    expect(() => new Driver({}, Tagged)).toThrow(GraphBuildError);
  }
});

test('parameterize and inject doc templates', async () => {
  class Rolling {
    @node({ doc: 'Mean of the first {window} values of {spend}.' })
    @parameterize({
      spendMean2: { window: value(2) },
      spendMean3: { window: value(3) },
      signupsMean2: { window: value(2), spend: source('signups') },
      signupsMean3: [{ window: value(3), spend: source('signups') }, 'Signups over the first {window} weeks.'],
    })
    headMean(spend: Float64Array, window: number): number {
      return spend.subarray(0, window).reduce((a, b) => a + b, 0) / window;
    }
  }
  const dr = new Driver({}, Rolling);
  const out = await dr.rawExecute(['spendMean2', 'spendMean3', 'signupsMean2'], {
    inputs: { spend: Float64Array.of(10, 20, 30), signups: Float64Array.of(1, 3, 5) },
  });
  expect(out).toEqual({ spendMean2: 15, spendMean3: 20, signupsMean2: 2 });
  const docs = Object.fromEntries(dr.listAvailableVariables().map((v) => [v.name, v.documentation]));
  expect(docs).toMatchObject({
    signupsMean2: 'Mean of the first 2 values of signups.',
    spendMean2: 'Mean of the first 2 values of spend.',
    signupsMean3: 'Signups over the first 3 weeks.',
  });

  class Costs {
    @node() fees(spend: number): number {
      return spend * 0.1;
    }
    @node({ doc: 'The sum of {parts}.' })
    @inject({ parts: group(source('spend'), source('fees'), value(5)) })
    totalCost(parts: number[]): number {
      return parts.reduce((a, b) => a + b, 0);
    }
  }
  const costs = new Driver({}, Costs);
  expect(await costs.rawExecute(['totalCost'], { inputs: { spend: 100 } })).toEqual({ totalCost: 115 });
  expect(costs.listAvailableVariables().find((v) => v.name === 'totalCost')!.documentation).toBe('The sum of spend, fees, 5.');
});

const clip = (xs: number[], hi: number) => xs.map((x) => Math.min(x, hi));
const scale = (xs: number[], k: number) => xs.map((x) => x * k);

test('pipe with onInput and a namespace', async () => {
  class Margins {
    @node()
    @pipe(step(clip, value(10)).named('capped'), step(scale, value(0.5)).named('halved'), { onInput: 'fees', namespace: true })
    margin(revenue: number[], fees: number[]): number[] {
      return revenue.map((r, i) => r - fees[i]);
    }
  }
  const dr = new Driver({}, Margins);
  expect(await dr.rawExecute(['margin'], { inputs: { revenue: [100, 100], fees: [8, 40] } })).toEqual({ margin: [96, 95] });
  expect(names(dr)).toEqual(expect.arrayContaining(['margin.capped', 'margin.halved']));
});

test('pipeOutput on one extracted field', async () => {
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  const percent = (x: number) => x * 100;
  class Rates {
    @node()
    @extractFields({ ctr: Number, cvr: Number })
    @pipeOutput(step(percent), step(round, value(1)), { onOutput: 'ctr' })
    rates(clicks: number, views: number, orders: number): { ctr: number; cvr: number } {
      return { ctr: clicks / views, cvr: orders / clicks };
    }
  }
  const dr = new Driver({}, Rates);
  expect(await dr.rawExecute(['ctr', 'cvr'], { inputs: { clicks: 37, views: 1000, orders: 4 } })).toEqual({ ctr: 3.7, cvr: 4 / 37 });
  expect(names(dr)).toEqual(expect.arrayContaining(['ctr.raw', 'ctr.percent', 'ctr.round', 'ctr']));
});

test('mutate, applyTo and exclude', async () => {
  class Features {
    @node() spend(raw: number[]): number[] {
      return raw;
    }
    @node() signups(rawSignups: number[]): number[] {
      return rawSignups;
    }
    @node() legacyScore(spend: number[]): number {
      return spend.length;
    }
  }
  class Cleaning extends Features {
    @mutate('spend', 'signups')
    dropNegatives(xs: number[]): number[] {
      return xs.map((x) => Math.max(0, x));
    }
    @mutate(applyTo('spend', { rate: value(2) }), applyTo('signups', { rate: value(1) }).when({ scaleSignups: true }))
    convert(xs: number[], rate: number): number[] {
      return xs.map((x) => x * rate);
    }
    @exclude() override legacyScore(): number {
      return 0;
    }
  }
  const dr = new Driver({}, Cleaning);
  expect(await dr.rawExecute(['spend', 'signups'], { inputs: { raw: [-5, 10], rawSignups: [2, -1] } })).toEqual({
    spend: [0, 20],
    signups: [2, 0],
  });
  expect(names(dr)).toEqual(expect.arrayContaining(['spend.raw', 'spend.dropNegatives', 'spend.convert', 'spend']));
  expect(names(dr)).not.toContain('legacyScore');
});
