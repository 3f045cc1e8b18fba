// A Nest pipeline whose nodes call an injected service: the guide replaces the service in a test.
import 'reflect-metadata';
import { node } from '@hamilton-ts/core';
import { Pipeline } from '@hamilton-ts/nestjs';
import { Injectable } from '@nestjs/common';

/** USD per unit of a currency; in an application this would ask a rates API. */
@Injectable()
export class FxRates {
  private readonly usd: Readonly<Record<string, number>> = { USD: 1, EUR: 1.1, GBP: 1.27 };

  async usdPer(currency: string): Promise<number> {
    const rate = this.usd[currency];
    if (rate === undefined) throw new Error(`no USD rate for currency "${currency}"; known: ${Object.keys(this.usd).join(', ')}`);
    return rate;
  }
}

@Pipeline()
export class PricingPipeline {
  // FxRates is imported as a value: Nest reads the constructor's design:paramtypes to inject it.
  constructor(private readonly rates: FxRates) {}

  @node({ returns: Number }) // an async node's edge type: Promise<number> reflects as Promise
  async fxRate(currency: string): Promise<number> {
    return this.rates.usdPer(currency);
  }

  @node()
  priceUsd(amount: number, fxRate: number): number {
    return Math.round(amount * fxRate * 100) / 100;
  }
}
