import { Driver } from '@hamilton-ts/core';
import { Inject } from '@nestjs/common';

/**
 * The injection token of a driver: the `Driver` class for the unnamed driver, a string for a named
 * one (`HamiltonModule.forRoot({ name })`).
 */
export function getDriverToken(name?: string): string | typeof Driver {
  return name === undefined ? Driver : `@hamilton-ts/nestjs:driver:${name}`;
}

/**
 * Injects the driver of that name (`HamiltonModule.forRoot({ name })`); without a name, the unnamed
 * driver, which can also be injected by its class.
 *
 * @example
 * constructor(@InjectDriver('pricing') private readonly pricing: Driver) {}
 */
export function InjectDriver(name?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getDriverToken(name));
}
