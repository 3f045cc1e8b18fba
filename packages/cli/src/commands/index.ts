// The commands of hamilton-ts, in the order `hamilton-ts --help` lists them. Adding one is adding its
// file next to this one and a line here.
import type { Command } from '../command.js';
import { executeCommand } from './execute.js';
import { listCommand } from './list.js';
import { uiCommand } from './ui.js';
import { validateCommand } from './validate.js';
import { viewCommand } from './view.js';
import { workerCommand } from './worker.js';

export const commands: readonly Command[] = [listCommand, viewCommand, validateCommand, executeCommand, workerCommand, uiCommand];
