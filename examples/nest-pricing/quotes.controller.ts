import 'reflect-metadata';
import { Driver, type RecordOfOutputs } from '@hamilton-ts/core';
import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { PricingPipeline } from './pricing.pipeline.js';

/** The outputs of `POST /quotes` when the request names none. */
export const QUOTE_OUTPUTS = ['priceUsd', 'discountUsd', 'taxUsd', 'totalUsd'] as const;

/** The default answer of `POST /quotes`. */
export type Quote = {
  readonly priceUsd: number;
  readonly discountUsd: number;
  readonly taxUsd: number;
  readonly totalUsd: number;
};

/**
 * `POST /quotes`: one run of the pricing DAG per request, the JSON body as its inputs. Returns the
 * quote, or the outputs named in `?outputs=netUsd,taxUsd`.
 */
@Controller('quotes')
export class QuotesController {
  constructor(private readonly pricing: Driver<RecordOfOutputs, typeof PricingPipeline>) {}

  // 200, not 201: a quote is computed, nothing is stored.
  @Post()
  @HttpCode(HttpStatus.OK)
  quote(@Body() order: Record<string, unknown>, @Query('outputs') outputs?: string | string[]): Promise<Record<string, unknown>> {
    // The driver checks the body against the nodes' parameters (missing inputs, wrong types): no DTO to keep in step.
    return outputs === undefined ? this.defaultQuote(order) : this.pricing.execute(outputNames(outputs), { inputs: order });
  }

  /** Typed from PricingPipeline's return types: renaming a node or changing its type fails the build here. */
  private defaultQuote(order: Record<string, unknown>): Promise<Quote> {
    return this.pricing.execute(QUOTE_OUTPUTS, { inputs: order });
  }
}

/** `?outputs=a,b` and `?outputs=a&outputs=b` alike. */
function outputNames(query: string | string[]): string[] {
  return [query].flat().flatMap((names) => names.split(','));
}
