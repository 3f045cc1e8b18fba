import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { checkOutput } from '../decorators/check-output.decorator.js';
import { config } from '../decorators/config.decorator.js';
import { node } from '../decorators/node.decorator.js';
import { DataValidationError } from '../errors/index.js';
import { modulesOfExports } from './modules-of-exports.js';
import { buildNodeRunner } from './node-runner.js';

class Spend {
  @node()
  total(spend: number, fee = 1): number {
    return spend + fee;
  }

  @node()
  @config.when({ market: 'US' })
  target__us(total: number): number {
    return total * 2;
  }

  @node()
  @config.when({ market: 'EU' })
  target__eu(total: number): number {
    return total * 3;
  }

  @node()
  @checkOutput({ range: [0, 10] }, { importance: 'fail' })
  score(total: number): number {
    return total;
  }
}

class SpendV2 {
  @node()
  total(spend: number, tax: number): number {
    return spend + tax;
  }
}

class Helper {
  help(): number {
    return 1;
  }
}

describe('modulesOfExports', () => {
  it('keeps exported classes with @node methods, once each, in export order', () => {
    const exports = { Spend, Helper, SpendV2, default: Spend, VERSION: 3, fn: () => 1 };
    expect(modulesOfExports(exports)).toEqual([Spend, SpendV2]);
  });
});

describe('buildNodeRunner', () => {
  it('runs a node by name with kwargs, defaults applying to absent optional ones', () => {
    const runner = buildNodeRunner([Spend], { market: 'US' });
    expect(runner.dependenciesOf('total')).toEqual(['spend', 'fee']);
    expect(runner.originOf('total')).toBe('Spend.total');
    expect(runner.run('total', { spend: 4 })).toBe(5);
    expect(runner.run('total', { spend: 4, fee: 2 })).toBe(6);
  });

  it('builds under the config, as the driver does', () => {
    expect(buildNodeRunner([Spend], { market: 'US' }).run('target', { total: 2 })).toBe(4);
    expect(buildNodeRunner([Spend], { market: 'EU' }).run('target', { total: 2 })).toBe(6);
  });

  it('knows only computed nodes', () => {
    const runner = buildNodeRunner([Spend], { market: 'US' });
    expect(runner.dependenciesOf('spend')).toBeUndefined();
    expect(runner.dependenciesOf('nothing')).toBeUndefined();
    expect(() => runner.run('nothing', {})).toThrow('no computed node named "nothing"');
  });

  it('applies modifiers: a checked node throws DataValidationError', () => {
    const runner = buildNodeRunner([Spend], { market: 'US' });
    const outcome = runner.run('score_range_validator', { score_raw: 12 });
    expect(() => runner.run('score', { score_raw: 12, score_range_validator: outcome })).toThrow(DataValidationError);
  });

  it('lets a later module win a node name, as allowModuleOverrides does', () => {
    const runner = buildNodeRunner([Spend, SpendV2], { market: 'US' });
    expect(runner.dependenciesOf('total')).toEqual(['spend', 'tax']);
    expect(runner.originOf('total')).toBe('SpendV2.total');
  });
});
