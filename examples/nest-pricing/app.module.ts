import 'reflect-metadata';
import { HamiltonErrorFilter, HamiltonModule } from '@hamilton-ts/nestjs';
import { DictResult } from '@hamilton-ts/result-builders';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DagController } from './dag.controller.js';
import { KnownCurrencies } from './known-currencies.adapter.js';
import { PricingPipeline } from './pricing.pipeline.js';
import { QuotesController } from './quotes.controller.js';
import { RatesService } from './rates.service.js';
import { TaxPolicy } from './tax-policy.js';

/**
 * The pricing API: a Hamilton driver over `PricingPipeline`, with bad inputs answered as 400s. The
 * filter is a provider rather than `app.useGlobalFilters(...)` so that every app made from this
 * module, tests included, has it.
 */
@Module({
  // KnownCurrencies is a class: the driver takes the provider below, which Nest builds with RatesService.
  imports: [HamiltonModule.forRoot({ adapter: [KnownCurrencies, new DictResult()] })],
  controllers: [QuotesController, DagController],
  providers: [RatesService, TaxPolicy, KnownCurrencies, PricingPipeline, { provide: APP_FILTER, useClass: HamiltonErrorFilter }],
})
export class AppModule {}
