import { type DynamicModule, Module } from '@nestjs/common';
import type { RunStore } from '../store/run-store.js';
import { BearerTokenGuard } from './bearer-token.guard.js';
import { PageController } from './page.controller.js';
import type { PageAssets } from './page-assets.js';
import { RunPictures } from './run-picture.js';
import { RunsController } from './runs.controller.js';
import { API_TOKEN, GRAPH_PICTURES, PAGE_ASSETS, RUN_STORE } from './ui.constants.js';

/** What the web server is made of; serveUi resolves each before the app starts. */
export interface UiModuleOptions {
  readonly store: RunStore;
  readonly token: string | undefined;
  readonly assets: PageAssets;
}

/** The Nest module of the page and its JSON API; `uiModule(options)` gives it its providers. */
@Module({})
export class UiModule {}

/** UiModule with the store, token and page files of one server. */
export function uiModule({ store, token, assets }: UiModuleOptions): DynamicModule {
  return {
    module: UiModule,
    controllers: [RunsController, PageController],
    providers: [
      { provide: RUN_STORE, useValue: store },
      { provide: API_TOKEN, useValue: { token } },
      { provide: PAGE_ASSETS, useValue: assets },
      { provide: GRAPH_PICTURES, useValue: new RunPictures() },
      BearerTokenGuard,
    ],
  };
}
