// The "Unit-testing nodes" guide, way (d): a @Pipeline() provider tested inside a Nest testing module.
import { Driver } from '@hamilton-ts/core';
import { RecordingAdapter, testNode } from '@hamilton-ts/core/testing';
import { HamiltonModule } from '@hamilton-ts/nestjs';
import { DictResult } from '@hamilton-ts/result-builders';
import { describe, expect, it, jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FxRates, PricingPipeline } from './pricing.pipeline.js';

describe('(d) a @Pipeline() provider with a replaced service', () => {
  it('runs the nodes on the Nest-made instance, which holds the fake', async () => {
    const usdPer = jest.fn(async (currency: string) => 2);
    const recorder = new RecordingAdapter<typeof PricingPipeline>();
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRoot({ adapter: [recorder, new DictResult()] })],
      providers: [FxRates, PricingPipeline],
    })
      .overrideProvider(FxRates)
      .useValue({ usdPer })
      .compile();
    await moduleRef.init();

    const driver = moduleRef.get(Driver);
    expect(await driver.execute(['priceUsd'], { inputs: { amount: 10, currency: 'EUR' } })).toEqual({ priceUsd: 20 });
    expect(usdPer).toHaveBeenCalledWith('EUR');
    expect(recorder.ran).toEqual(['fxRate', 'priceUsd']);
    expect(recorder.kwargsOf('priceUsd')).toEqual({ amount: 10, fxRate: 2 });

    // One node of the provider, on the instance Nest made (with the fake injected).
    const pipeline = moduleRef.get(PricingPipeline);
    expect(await testNode(pipeline, 'fxRate', { currency: 'GBP' })).toBe(2);
    expect(await pipeline.fxRate('USD')).toBe(2);
    await moduleRef.close();
  });

  it('fails with the real service where the fake would hide it', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HamiltonModule.forRoot({ adapter: new DictResult() })],
      providers: [FxRates, PricingPipeline],
    }).compile();
    await moduleRef.init();
    await expect(moduleRef.get(Driver).execute(['priceUsd'], { inputs: { amount: 10, currency: 'CHF' } })).rejects.toThrow(
      'no USD rate for currency "CHF"; known: USD, EUR, GBP',
    );
    await moduleRef.close();
  });
});
