import 'reflect-metadata';
import { Injectable } from '@nestjs/common';

/** The VAT rate of the buyer's country (ISO 3166 code). */
@Injectable()
export class TaxPolicy {
  private readonly vat = new Map<string, number>([
    ['DE', 0.19],
    ['FR', 0.2],
    ['GB', 0.2],
    ['NL', 0.21],
  ]);

  /** Sales to countries outside the list are exports, which carry no VAT. */
  rateFor(country: string): number {
    return this.vat.get(country.toUpperCase()) ?? 0;
  }
}
