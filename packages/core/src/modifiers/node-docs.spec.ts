import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, group, inject, node, parameterize, source, value } from '../index.js';

const docs = (module: object) => Object.fromEntries(new Driver({}, module).listAvailableVariables().map((v) => [v.name, v.documentation]));

describe('doc templates', () => {
  it('@inject fills {param} with what it binds, and {output} with the node name', () => {
    class Costs {
      @node({ doc: '{output}: the sum of {parts}, rounded to {digits} places, from {rate}' })
      @inject({ parts: group(source('spend'), source('fees')), digits: value(2) })
      totalCost(parts: number[], digits: number, rate: number): number {
        return Number((parts.reduce((a, b) => a + b, 0) * rate).toFixed(digits));
      }
    }
    expect(docs(Costs).totalCost).toBe('totalCost: the sum of spend, fees, rounded to 2 places, from rate');
  });

  it('a placeholder for a parameter an output leaves unbound becomes its name; unknown ones stay', () => {
    class Rolling {
      @node({ doc: 'Mean of {xs} over {window} days {unknown}' })
      @parameterize({ week: { window: value(7) }, month: { window: value(28), xs: source('signups') } })
      rolling(xs: Float64Array, window: number): number {
        return xs.length / window;
      }
    }
    expect(docs(Rolling)).toMatchObject({ week: 'Mean of xs over 7 days {unknown}', month: 'Mean of signups over 28 days {unknown}' });
  });

  it('@parameterize takes a doc per output as [bindings, doc], templated too', async () => {
    class Rolling {
      @node({ doc: 'Spend over {window} days.' })
      @parameterize({ spend7: { window: value(7) }, spend28: [{ window: value(28) }, 'Four weeks of {spend} ({window} days).'] })
      rolling(spend: number, window: number): number {
        return spend * window;
      }
    }
    expect(docs(Rolling)).toMatchObject({ spend7: 'Spend over 7 days.', spend28: 'Four weeks of spend (28 days).' });
    expect(await new Driver({}, Rolling).rawExecute(['spend28'], { inputs: { spend: 2 } })).toEqual({ spend28: 56 });
  });

  it('reports a per-output doc that is not a string', () => {
    class Bad {
      @node() @parameterize({ a: [{ w: value(1) }, 42 as never], b: { w: value(2) } }) p(w: number): number {
        return w;
      }
    }
    expect(buildError(Bad).problems.map((p) => [p.node, p.message])).toEqual([
      ['a', 'Bad.p: @parameterize output "a" has the doc number 42; give [bindings, \'a doc\'] with the doc as a string'],
    ]);
  });
});
