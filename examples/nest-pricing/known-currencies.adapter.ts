import 'reflect-metadata';
import type { GraphAdapter } from '@hamilton-ts/core';
import { Injectable } from '@nestjs/common';
import { RatesService } from './rates.service.js';

/**
 * Refuses a `currency` input the rates service cannot convert. The refusal is an
 * `InputValidationError` raised before any node runs, so the client gets a 400 naming the input
 * instead of a 500 from inside `priceUsd`.
 */
@Injectable()
export class KnownCurrencies implements GraphAdapter {
  constructor(private readonly rates: RatesService) {}

  validateInput({ name, value }: { name: string; value: unknown }): boolean | undefined {
    // `undefined` leaves every other input, and a currency that is not a string, to the built-in type check.
    if (name !== 'currency' || typeof value !== 'string') return undefined;
    return this.rates.supports(value);
  }
}
