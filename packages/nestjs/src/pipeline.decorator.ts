import { DiscoveryService } from '@nestjs/core';

/**
 * Marks a provider whose `@node` methods join the DAG of the application's Hamilton drivers. The
 * methods are called on the instance Nest creates, so constructor-injected dependencies work inside
 * nodes. The class must also be listed in a module's `providers`, in the default (singleton) scope.
 *
 * @example
 * @Pipeline()
 * export class PricingPipeline {
 *   constructor(private readonly rates: RatesService) {}
 *
 *   @node()
 *   priceUsd(amount: number, currency: string): number {
 *     return amount * this.rates.toUsd(currency);
 *   }
 * }
 */
export const Pipeline = DiscoveryService.createDecorator<void>();
