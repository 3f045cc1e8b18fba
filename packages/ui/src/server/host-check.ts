// Which hosts may be bound without a token, and which Host headers a loopback-only server answers.
import { isIP } from 'node:net';
import { uiMessages } from './ui.messages.js';

/** Whether binding `host` keeps the server reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** Thrown by serveUi for options that cannot work or are unsafe; the CLI turns it into a usage error. */
export class UiOptionsError extends Error {
  override readonly name = 'UiOptionsError';
}

/** Refuses a non-loopback host without a token, and a token an HTTP header cannot carry or a guess could find. */
export function checkBinding(host: string, port: number, token: string | undefined): void {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UiOptionsError(uiMessages.badPort(port));
  if (token !== undefined && !/^[\w.~+/=-]{16,}$/.test(token)) throw new UiOptionsError(uiMessages.badToken());
  if (token === undefined && !isLoopbackHost(host)) throw new UiOptionsError(uiMessages.nonLoopbackWithoutToken(host));
}

/**
 * Whether a request's Host header names this machine's loopback. A server bound to 127.0.0.1 without a
 * token checks it: a page on another site that rebinds its own DNS name to 127.0.0.1 sends its own name.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  if (header === undefined) return false;
  const host = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d+$/, '');
  return isLoopbackHost(host);
}
