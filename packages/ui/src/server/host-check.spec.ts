import { describe, expect, it } from '@jest/globals';
import { checkBinding, isLoopbackHost, isLoopbackHostHeader, UiOptionsError } from './host-check.js';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '127.0.0.1.nip.io', 'localhost.evil.com', ''])(
    '%s is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('isLoopbackHostHeader', () => {
  it('reads the host out of a Host header with or without a port', () => {
    expect(isLoopbackHostHeader('127.0.0.1:8241')).toBe(true);
    expect(isLoopbackHostHeader('localhost')).toBe(true);
    expect(isLoopbackHostHeader('[::1]:8241')).toBe(true);
    expect(isLoopbackHostHeader('rebound.attacker.example:8241')).toBe(false);
    expect(isLoopbackHostHeader(undefined)).toBe(false);
  });
});

describe('checkBinding', () => {
  const token = 'a'.repeat(16);
  it('accepts loopback without a token and any host with one', () => {
    expect(() => checkBinding('127.0.0.1', 8241, undefined)).not.toThrow();
    expect(() => checkBinding('0.0.0.0', 0, token)).not.toThrow();
  });
  it('refuses a non-loopback host without a token, saying to pass --token', () => {
    expect(() => checkBinding('0.0.0.0', 8241, undefined)).toThrow(UiOptionsError);
    expect(() => checkBinding('0.0.0.0', 8241, undefined)).toThrow(/0\.0\.0\.0 is not a loopback address.*Pass --token T/);
  });
  it.each(['short', 'has space in it...', 'quote"quote"quote"', `${'a'.repeat(15)}`])('refuses the token %j', (bad) => {
    expect(() => checkBinding('127.0.0.1', 8241, bad)).toThrow(/at least 16 characters/);
  });
  it.each([-1, 65_536, 1.5, Number.NaN])('refuses the port %d', (port) => {
    expect(() => checkBinding('127.0.0.1', port, undefined)).toThrow(/is not a TCP port/);
  });
});
