import { AsyncDriver } from '@hamilton-ts/core';
import { ConfigurableModuleBuilder, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { createDriverSlot } from './driver-slot.js';
import { getDriverToken } from './driver-token.js';
import { DRIVER_SETTINGS, DRIVER_SLOT } from './hamilton.constants.js';
import type { HamiltonModuleExtras, HamiltonModuleOptions } from './hamilton-options.interface.js';

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } =
  new ConfigurableModuleBuilder<HamiltonModuleOptions>({
    moduleName: 'Hamilton',
  })
    .setClassMethodName('forRoot')
    .setExtras<HamiltonModuleExtras>({ isGlobal: false, async: false }, withDriver)
    .build();

/** Adds one driver to the module: its slot, the host that builds it, and the token it is injected by. */
function withDriver(definition: DynamicModule, extras: HamiltonModuleExtras): DynamicModule {
  const token = getDriverToken(extras.name);
  const exported: Provider[] = [{ provide: token, useExisting: DRIVER_SLOT }];
  if (extras.async && extras.name === undefined) exported.push({ provide: AsyncDriver, useExisting: DRIVER_SLOT });
  return {
    ...definition,
    global: extras.isGlobal,
    imports: [...(definition.imports ?? []), DiscoveryModule],
    providers: [
      ...(definition.providers ?? []),
      { provide: DRIVER_SETTINGS, useValue: { name: extras.name, async: extras.async } },
      { provide: DRIVER_SLOT, useFactory: () => createDriverSlot(extras.async ? 'async' : 'sync') },
      ...exported,
    ],
    exports: [...(definition.exports ?? []), ...exported.map((p) => (p as { provide: unknown }).provide as string)],
  };
}
