// The error texts of the testing kit (testNode's own live with the core's, in errors/messages.ts).
import { describeValue } from '../errors/messages.js';

const list = (names: readonly string[]): string => names.join(', ');
const distinct = (names: readonly string[]): string[] => [...new Set(names)];

/** Why a node has no call in a run, from what the run was given. */
export interface AbsentNodeContext {
  readonly runId: string;
  readonly ran: readonly string[];
  readonly overridden: boolean;
  readonly input: boolean;
}

export const testingMessages = {
  inputsOfName: (value: unknown) =>
    `inputsOf: the node name is ${describeValue(value)}; pass the name as a string, e.g. inputsOf(Features, 'spendUsd')`,
  noRunYet: () =>
    'RecordingAdapter has recorded no run yet; pass it to the driver (new Driver(config, modules, { adapter: recorder })) and await execute or rawExecute before reading it',
  didNotRun: (name: string, { runId, ran, overridden, input }: AbsentNodeContext) => {
    const ranText = ran.length ? `nodes that ran: ${list(distinct(ran))}` : 'no node ran';
    const why = overridden
      ? `it was overridden, so its value is the one you passed in overrides`
      : input
        ? `it was given as an input, so its value is the one you passed in inputs`
        : `request it (or a node that needs it) as an output, and do not override it or a node downstream of it`;
    return `node "${name}" did not run in ${runId} (${ranText}); ${why}`;
  },
  ranSeveralTimes: (name: string, times: number) =>
    `node "${name}" ran ${times} times in this run (once per item of a @parallelizable block); read each call with callsOf("${name}")`,
  stillRunning: (name: string) => `node "${name}" has not finished yet; await the execute call before reading its value`,
  failed: (name: string, error: unknown) =>
    `node "${name}" failed, so it has no value: ${error instanceof Error ? error.message : describeValue(error)}; read the error with errorOf("${name}")`,
  noError: (name: string, status: string) => `node "${name}" ${status}, so it has no error; read its value with valueOf("${name}")`,
} as const;
