import { jest } from '@jest/globals';
import { getLogger, setLogger } from './logger.js';

describe('logger', () => {
  it('warns through console.warn by default', () => {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      getLogger().warn('careful', { node: 'x' });
      expect(spy).toHaveBeenCalledWith('careful');
    } finally {
      spy.mockRestore();
    }
  });

  it('can be replaced, returns the previous logger, and is restored by setLogger()', () => {
    const seen: unknown[] = [];
    const mine = { warn: (message: string, details?: unknown) => void seen.push([message, details]) };
    const previous = setLogger(mine);
    expect(getLogger()).toBe(mine);
    getLogger().warn('m', 1);
    expect(seen).toEqual([['m', 1]]);
    expect(setLogger()).toBe(mine);
    expect(getLogger()).toBe(previous);
  });
});
