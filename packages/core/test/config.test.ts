import 'reflect-metadata';
import { config, Driver, GraphBuildError, InputValidationError, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Pricing {
  @node() base(price: number): number {
    return price;
  }
  @node() rate(): number {
    return 0.1;
  }
  @node() withTax(base: number, rate: number): number {
    return base * (1 + rate);
  }
  @node() label(currency: string): string {
    return `in ${currency}`;
  }
}

describe('config values', () => {
  it('replaces a same-named node; nothing upstream of it runs', async () => {
    const dr = new Driver({ rate: 0.5 }, Pricing);
    expect(await dr.rawExecute(['withTax'], { inputs: { price: 10 } })).toEqual({ withTax: 15 });
    const rate = dr.listAvailableVariables().find((v) => v.name === 'rate')!;
    expect(rate.isExternalInput).toBe(true);
  });

  it('feeds a parameter no node produces, and can be requested as an output', async () => {
    const dr = new Driver({ currency: 'EUR' }, Pricing);
    expect(await dr.rawExecute(['label', 'currency'])).toEqual({ label: 'in EUR', currency: 'EUR' });
  });

  it('checks a config value against the parameter type it feeds', () => {
    expect(() => new Driver({ currency: 3 }, Pricing)).toThrow(GraphBuildError);
    expect(() => new Driver({ currency: 3 }, Pricing)).toThrow('config "currency" should be String but is number 3; label takes it');
  });

  // Regression: a config value replacing a node was not checked at all ('1high' came out of withTax).
  it('checks a config value replacing a node against the type the node returns', () => {
    const build = () => new Driver({ rate: 'high' }, Pricing);
    expect(build).toThrow(GraphBuildError);
    expect(build).toThrow('config "rate" should be Number but is "high"; it replaces a node of that type');
  });

  // Regression: `name in config` saw Object.prototype members, so a parameter named `valueOf` became config.
  it('does not mistake parameters named like Object.prototype members for config', async () => {
    class Odd {
      // biome-ignore lint/suspicious/noShadowRestrictedNames: the regression is precisely about these names.
      @node() a(valueOf: number, constructor: string): string {
        return `${constructor}${valueOf}`;
      }
    }
    const dr = new Driver({}, Odd);
    expect(await dr.rawExecute(['a'], { inputs: { valueOf: 1, constructor: 'x' } })).toEqual({ a: 'x1' });
  });

  it('rejects a key given both in config and in inputs', async () => {
    const dr = new Driver({ currency: 'EUR' }, Pricing);
    const run = dr.rawExecute(['label'], { inputs: { currency: 'USD' } });
    await expect(run).rejects.toThrow(InputValidationError);
    await expect(run).rejects.toThrow('"currency" is given both in config and in inputs; keep one');
  });

  it('rejects an input naming a computed node, pointing to overrides', async () => {
    const dr = new Driver({}, Pricing);
    const error = await dr.rawExecute(['withTax'], { inputs: { price: 1, base: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).problems.map((p) => p.input)).toEqual(['base']);
    expect((error as Error).message).toContain('input "base" names a computed node; to replace its value pass it in overrides instead');
  });
});

class Regional {
  @node() @config.when({ region: 'US' }) tax__us(price: number): number {
    return price * 0.07;
  }
  @node() @config.whenNot({ region: 'US' }) tax__other(price: number): number {
    return price * 0.2;
  }
  @node() @config.whenIn({ tier: ['gold', 'platinum'] }) discount__vip(): number {
    return 0.2;
  }
  @node() @config.whenNotIn({ tier: ['gold', 'platinum'] }) discount__std(): number {
    return 0;
  }
  @node() total(price: number, tax: number, discount: number): number {
    return (price + tax) * (1 - discount);
  }
}

const totalOf = async (cfg: Record<string, unknown>) =>
  (await new Driver(cfg, Regional).rawExecute(['total'], { inputs: { price: 100 } })).total;

describe('config.when and friends', () => {
  it('picks variants by config and strips the __suffix', async () => {
    expect(await totalOf({ region: 'US', tier: 'gold' })).toBeCloseTo(85.6);
    expect(await totalOf({ region: 'EU', tier: 'silver' })).toBeCloseTo(120);
    expect(await totalOf({})).toBeCloseTo(120); // absent keys compare as undefined
  });

  it('lists one node per resolved name, with the chosen method as origin', () => {
    const vars = new Driver({ region: 'US' }, Regional).listAvailableVariables();
    expect(vars.filter((v) => v.name.startsWith('tax'))).toHaveLength(1);
    expect(vars.find((v) => v.name === 'tax')!.origin).toBe('Regional.tax__us');
    expect(vars.find((v) => v.name === 'discount')!.origin).toBe('Regional.discount__std');
  });

  it('ANDs several conditions on one method, in any decorator order', async () => {
    class Both {
      @config.when({ region: 'US' }) @node() @config.whenIn({ tier: ['gold'] }) perk__a(): string {
        return 'both';
      }
      @node() @config.whenNot({ region: 'US' }) perk__b(): string {
        return 'not US';
      }
      @node() @config.when({ region: 'US' }) @config.whenNotIn({ tier: ['gold'] }) perk__c(): string {
        return 'US only';
      }
    }
    const perk = async (cfg: Record<string, unknown>) => (await new Driver(cfg, Both).rawExecute(['perk'])).perk;
    expect(await perk({ region: 'US', tier: 'gold' })).toBe('both');
    expect(await perk({ region: 'US', tier: 'silver' })).toBe('US only');
    expect(await perk({ region: 'EU', tier: 'gold' })).toBe('not US');
  });

  it('reports two variants resolving to the same name under one config, naming both methods', () => {
    class Overlap {
      @node() @config.whenIn({ region: ['US', 'CA'] }) tax__na(): number {
        return 1;
      }
      @node() @config.when({ region: 'US' }) tax__us(): number {
        return 2;
      }
    }
    expect(() => new Driver({ region: 'CA' }, Overlap)).not.toThrow();
    const build = () => new Driver({ region: 'US' }, Overlap);
    expect(build).toThrow(GraphBuildError);
    expect(build).toThrow('node "tax" is produced twice in one module: by Overlap.tax__na and by Overlap.tax__us');
  });

  it('reports misuse of the condition decorators', () => {
    class Misused {
      @node() @config.when({}) a(): number {
        return 1;
      }
      @node() @config.whenIn({ region: 'US' as unknown as string[] }) b(): number {
        return 2;
      }
    }
    const error = (() => {
      try {
        new Driver({}, Misused);
      } catch (e) {
        return e as GraphBuildError;
      }
    })()!;
    expect(error).toBeInstanceOf(GraphBuildError);
    expect(error.message).toContain('Misused.a: @config.when({}) has no keys');
    expect(error.message).toContain('Misused.b: @config.whenIn needs an array of values for "region", got "US"');
  });
});
