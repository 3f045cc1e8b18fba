import 'reflect-metadata';
import { Injectable } from '@nestjs/common';

/**
 * USD per unit of each currency the shop sells in. The rates are fixed here; a real service would
 * refresh them from a rates feed, and nothing in the pipeline would change.
 */
@Injectable()
export class RatesService {
  private readonly usdPerUnit = new Map<string, number>([
    ['USD', 1],
    ['EUR', 1.08],
    ['GBP', 1.27],
    ['JPY', 0.0067],
  ]);

  supports(currency: string): boolean {
    return this.usdPerUnit.has(currency);
  }

  /** Throws for an unsupported currency: `KnownCurrencies` turns those away before any node runs. */
  usdPer(currency: string): number {
    const rate = this.usdPerUnit.get(currency);
    if (rate === undefined) throw new Error(`no USD rate for currency "${currency}"`);
    return rate;
  }
}
