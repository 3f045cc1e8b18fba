import 'reflect-metadata';
import { Driver, type RecordOfOutputs } from '@hamilton-ts/core';
import { BadRequestException, Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { PricingPipeline } from './pricing.pipeline.js';

const CONTENT_TYPES = { mermaid: 'text/plain; charset=utf-8', svg: 'image/svg+xml' } as const;
type DagFormat = keyof typeof CONTENT_TYPES;

const isDagFormat = (format: unknown): format is DagFormat => typeof format === 'string' && Object.hasOwn(CONTENT_TYPES, format);

/** `GET /dag?format=mermaid|svg`: the pricing DAG as Mermaid text (the default) or an SVG picture. */
@Controller('dag')
export class DagController {
  constructor(private readonly pricing: Driver<RecordOfOutputs, typeof PricingPipeline>) {}

  // A StreamableFile carries its own Content-Type, which differs per format.
  @Get()
  async dag(@Query('format') format: unknown = 'mermaid'): Promise<StreamableFile> {
    if (!isDagFormat(format))
      throw new BadRequestException(`unknown format ${JSON.stringify(format)}; use one of ${Object.keys(CONTENT_TYPES).join(', ')}`);
    const picture = format === 'svg' ? await this.pricing.displayAllFunctions({ format }) : this.pricing.displayAllFunctions({ format });
    return new StreamableFile(Buffer.from(picture), { type: CONTENT_TYPES[format] });
  }
}
