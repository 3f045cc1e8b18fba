// Providers shared by the Nest tests: a pipeline whose nodes call an injected service.
import 'reflect-metadata';
import { node } from '@hamilton-ts/core';
import { Pipeline } from '@hamilton-ts/nestjs';
import { Injectable } from '@nestjs/common';

@Injectable()
export class RatesService {
  toUsd(currency: string): number {
    return currency === 'EUR' ? 1.1 : 1;
  }
}

@Pipeline()
export class PricingPipeline {
  constructor(private readonly rates: RatesService) {}

  @node()
  priceUsd(amount: number, currency: string): number {
    return amount * this.rates.toUsd(currency);
  }

  @node()
  withTax(priceUsd: number, taxRate: number = 0.2): number {
    return Math.round(priceUsd * (1 + taxRate) * 100) / 100;
  }
}

@Pipeline()
export class ShippingPipeline {
  @node()
  shipping(weightKg: number): number {
    return 5 + weightKg * 2;
  }

  @node()
  total(withTax: number, shipping: number): number {
    return withTax + shipping;
  }
}

@Pipeline()
export class InventoryPipeline {
  @node()
  inStock(quantity: number): boolean {
    return quantity > 0;
  }
}
