import { Module } from '@nestjs/common';
import { DriverHost } from './driver.host.js';
import { ConfigurableModuleClass } from './hamilton.module-definition.js';
import { PipelineExplorer } from './pipeline.explorer.js';

/**
 * Gives a Nest application a Hamilton driver whose nodes are the `@node` methods of its
 * `@Pipeline()` providers. Import it once per driver; name them when there are several.
 *
 * @example
 * @Module({
 *   imports: [HamiltonModule.forRoot({ config: { region: 'EU' }, adapter: new PrintLn() })],
 *   providers: [PricingPipeline, RatesService],
 * })
 * export class AppModule {}
 *
 * // elsewhere: constructor(private readonly driver: Driver) {}
 */
@Module({ providers: [PipelineExplorer, DriverHost] })
export class HamiltonModule extends ConfigurableModuleClass {}
