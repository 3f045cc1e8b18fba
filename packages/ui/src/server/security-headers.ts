// Headers on every response, and the Host check of a server that answers loopback only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackHostHeader } from './host-check.js';
import { uiMessages } from './ui.messages.js';

/**
 * The page loads its own script and stylesheet and talks to its own API, nothing else: no inline script
 * or style, so markup that slipped into the page could not run. Styles set through the DOM (element.style)
 * are not inline styles in CSP's sense and stay allowed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The page's first URL may carry ?token=: never send it on to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** Sets the security headers; with `loopbackOnly`, answers 421 to a request for a host name other than the loopback's. */
export function securityHeaders(loopbackOnly: boolean): Middleware {
  return (request, response, next) => {
    for (const [name, value] of Object.entries(HEADERS)) response.setHeader(name, value);
    response.removeHeader('X-Powered-By');
    if (loopbackOnly && !isLoopbackHostHeader(request.headers.host)) {
      const message = uiMessages.foreignHost(request.headers.host ?? '');
      response.statusCode = 421;
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.end(JSON.stringify({ statusCode: 421, message, error: 'Misdirected Request' }));
      return;
    }
    next();
  };
}
