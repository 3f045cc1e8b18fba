// The README's "NestJS" snippets, run against the public API.
import 'reflect-metadata';
import { AsyncDriver, Driver, node, type RecordOfOutputs } from '@hamilton-ts/core';
import { HamiltonModule, InjectDriver, Pipeline } from '@hamilton-ts/nestjs';
import { DictResult } from '@hamilton-ts/result-builders';
import { expect, test } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Injectable()
export class RatesService {
  toUsd(currency: string): number {
    return currency === 'EUR' ? 1.1 : 1;
  }
}

@Pipeline()
export class PricingPipeline {
  constructor(private readonly rates: RatesService) {} // injected by Nest, used inside nodes

  @node()
  priceUsd(amount: number, currency: string): number {
    return amount * this.rates.toUsd(currency);
  }

  @node()
  withTax(priceUsd: number, taxRate: number): number {
    return priceUsd * (1 + taxRate);
  }
}

@Injectable()
export class QuoteService {
  constructor(private readonly driver: Driver<RecordOfOutputs, typeof PricingPipeline>) {}

  async quote(amount: number, currency: string): Promise<number> {
    const { withTax } = await this.driver.execute(['withTax'], { inputs: { amount, currency } }); // withTax: number
    return withTax;
  }
}

@Module({
  imports: [HamiltonModule.forRoot({ config: { taxRate: 0.2 }, adapter: new DictResult() })],
  providers: [RatesService, PricingPipeline, QuoteService],
})
export class AppModule {}

test('a pipeline inside a Nest app, as the README writes it', async () => {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  expect(await app.get(QuoteService).quote(100, 'EUR')).toBeCloseTo(132, 10);
  await app.close();
});

@Pipeline()
export class StockPipeline {
  @node()
  inStock(quantity: number): boolean {
    return quantity > 0;
  }
}

@Injectable()
export class Checkout {
  constructor(
    @InjectDriver('pricing') readonly pricing: Driver<RecordOfOutputs, typeof PricingPipeline>,
    @InjectDriver('stock') readonly stock: Driver<RecordOfOutputs, typeof StockPipeline>,
  ) {}
}

@Module({
  imports: [
    HamiltonModule.forRoot({ name: 'pricing', pipelines: [PricingPipeline], config: { taxRate: 0 }, adapter: new DictResult() }),
    HamiltonModule.forRootAsync({
      name: 'stock',
      async: true, // an AsyncDriver
      useFactory: async () => ({ pipelines: [StockPipeline], adapter: new DictResult(), maxConcurrency: 8 }),
    }),
  ],
  providers: [RatesService, PricingPipeline, StockPipeline, Checkout],
})
export class ShopModule {}

test('named drivers and forRootAsync, as the README writes them', async () => {
  const app = await NestFactory.createApplicationContext(ShopModule, { logger: false });
  const { pricing, stock } = app.get(Checkout);
  expect(stock).toBeInstanceOf(AsyncDriver);
  expect((await pricing.execute(['priceUsd'], { inputs: { amount: 10, currency: 'USD' } })).priceUsd).toBe(10);
  expect((await stock.execute(['inStock'], { inputs: { quantity: 0 } })).inStock).toBe(false);
  await app.close();
});
