import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import type { PageAssets } from './page-assets.js';
import { PAGE_ASSETS } from './ui.constants.js';

/** The page's static files. They hold no run data, so they need no token (the page asks for it). */
@Controller()
export class PageController {
  constructor(@Inject(PAGE_ASSETS) private readonly assets: PageAssets) {}

  @Get(['', 'index.html', 'app.js', 'app.css'])
  serve(@Req() request: IncomingMessage, @Res() response: ServerResponse): void {
    const path = new URL(request.url ?? '/', 'http://page').pathname;
    const asset = this.assets.get(path === '/index.html' ? '/' : path);
    if (asset === undefined) throw new NotFoundException();
    response.setHeader('Content-Type', asset.contentType);
    response.setHeader('ETag', asset.etag);
    // Revalidated each time (the files change with each build), answered with 304 when unchanged.
    response.setHeader('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === asset.etag) {
      response.statusCode = 304;
      response.end();
      return;
    }
    // Compressed on the way out, as the client accepts (serveUi's compression middleware).
    response.end(asset.body);
  }
}
