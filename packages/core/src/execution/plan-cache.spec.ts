import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { node } from '../decorators/node.decorator.js';
import { Driver } from '../driver/driver.js';

class Pair {
  @node() a(x: number): number {
    return x + 1;
  }
  @node() b(x: number): number {
    return x * 10;
  }
}

describe('cached plans', () => {
  it('are not changed by a caller reusing and editing its outputs array (regression)', async () => {
    const dr = new Driver({}, Pair);
    const outputs = ['a'];
    await expect(dr.rawExecute(outputs, { inputs: { x: 1 } })).resolves.toEqual({ a: 2 });
    outputs[0] = 'b'; // the first call's plan must keep its own copy of the names
    await expect(dr.rawExecute(['a'], { inputs: { x: 1 } })).resolves.toEqual({ a: 2 });
    await expect(dr.rawExecute(outputs, { inputs: { x: 1 } })).resolves.toEqual({ b: 10 });
  });
});
