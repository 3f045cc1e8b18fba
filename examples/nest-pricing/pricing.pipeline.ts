import 'reflect-metadata';
import { checkOutput, node } from '@hamilton-ts/core';
import { Pipeline } from '@hamilton-ts/nestjs';
import { RatesService } from './rates.service.js';
import { TaxPolicy } from './tax-policy.js';

/** Every amount is rounded to the cent as it is computed, so the parts of a quote add up to its total. */
const roundToCents = (usd: number): number => Math.round(usd * 100) / 100;

/**
 * A quote, one node per step: the price in USD, the discount, the VAT of the buyer's country and
 * the total. Nest creates the instance, so the nodes use the injected rates and tax policy.
 */
@Pipeline()
export class PricingPipeline {
  constructor(
    private readonly rates: RatesService,
    private readonly tax: TaxPolicy,
  ) {}

  @node({ doc: 'The price converted to USD at the current rate.' })
  priceUsd(amount: number, currency: string): number {
    return roundToCents(amount * this.rates.usdPer(currency));
  }

  // More than 30% off needs a sales manager, not an API call: a larger discount is a 422.
  // `: number` although the default implies it: without an annotation the decorator metadata says
  // Object, and the driver would let "10" through.
  @node({ doc: 'The share of the price taken off; none unless the order asks for it.' })
  @checkOutput({ range: [0, 0.3] }, { importance: 'fail' })
  discountRate(discountPercent: number = 0): number {
    return discountPercent / 100;
  }

  @node()
  discountUsd(priceUsd: number, discountRate: number): number {
    return roundToCents(priceUsd * discountRate);
  }

  @node()
  netUsd(priceUsd: number, discountUsd: number): number {
    return roundToCents(priceUsd - discountUsd);
  }

  @node({ doc: 'VAT on the discounted price.' })
  taxUsd(netUsd: number, country: string): number {
    return roundToCents(netUsd * this.tax.rateFor(country));
  }

  @node()
  totalUsd(netUsd: number, taxUsd: number): number {
    return roundToCents(netUsd + taxUsd);
  }
}
