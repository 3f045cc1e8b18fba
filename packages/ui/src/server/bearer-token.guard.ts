import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { carriesToken } from './bearer-token.js';
import { API_TOKEN } from './ui.constants.js';
import { uiMessages } from './ui.messages.js';

/** What API_TOKEN provides: the token, or undefined when the server requires none (bound to loopback). */
export interface ApiTokenOption {
  readonly token: string | undefined;
}

/** Lets an /api request through only with `Authorization: Bearer <token>`, when the server has a token. */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(@Inject(API_TOKEN) private readonly option: ApiTokenOption) {}

  canActivate(context: ExecutionContext): boolean {
    const { token } = this.option;
    if (token === undefined) return true;
    const http = context.switchToHttp();
    if (carriesToken(http.getRequest<IncomingMessage>().headers.authorization, token)) return true;
    http.getResponse<ServerResponse>().setHeader('WWW-Authenticate', 'Bearer realm="hamilton-ts"');
    throw new UnauthorizedException(uiMessages.unauthorized());
  }
}
