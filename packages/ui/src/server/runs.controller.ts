// The JSON API of API.md ("Run tracking"), and what the page needs beside it.

import type { ServerResponse } from 'node:http';
import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { RunDetail, RunListItem } from '../store/records.js';
import type { RunStore } from '../store/run-store.js';
import { BearerTokenGuard } from './bearer-token.guard.js';
import type { RunGraph } from './run-graph.js';
import { RunPictures } from './run-picture.js';
import { parseRunQuery, RunQueryError } from './run-query.js';
import { GRAPH_PICTURES, RUN_STORE } from './ui.constants.js';
import { uiMessages } from './ui.messages.js';

@Controller('api')
@UseGuards(BearerTokenGuard)
export class RunsController {
  constructor(
    @Inject(RUN_STORE) private readonly store: RunStore,
    @Inject(GRAPH_PICTURES) private readonly pictures: RunPictures,
  ) {}

  /** Runs newest first; the body is the plain array, the count of all matches is in `X-Total-Count`. */
  @Get('runs')
  async listRuns(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: ServerResponse): Promise<RunListItem[]> {
    const { limit, offset, ...filters } = checked(() => parseRunQuery(query));
    const [runs, total] = await Promise.all([this.store.listRuns({ ...filters, limit, offset }), this.store.countRuns(filters)]);
    response.setHeader('X-Total-Count', String(total));
    return runs;
  }

  @Get('runs/:id')
  async getRun(@Param('id') id: string): Promise<RunDetail> {
    const run = await this.store.getRun(id);
    if (run === undefined) throw new NotFoundException(uiMessages.runNotFound(id));
    return run;
  }

  @Get('runs/:id/graph')
  async getGraph(@Param('id') id: string): Promise<RunGraph> {
    const nodes = await this.store.getGraph(id);
    if (nodes === undefined) throw new NotFoundException(uiMessages.runNotFound(id));
    const outputs = async () => (await this.store.getRun(id))?.outputs ?? [];
    return { nodes, picture: await this.pictures.pictureOf(id, nodes, outputs) };
  }

  /** Every project that has runs, sorted: the page's project filter. */
  @Get('projects')
  projects(): Promise<string[]> {
    return this.store.projects();
  }
}

function checked<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RunQueryError) throw new BadRequestException(error.message);
    throw error;
  }
}
