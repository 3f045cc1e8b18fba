// list, view, validate and execute run as real child processes against small pipeline modules: what
// they print on stdout and stderr, and their exit codes (0 done, 1 graph, input or node error, 2 usage).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOT, runCli } from './spawn-cli.js';

const TIMEOUT = 30_000;
const FEATURES = fileURLToPath(new URL('./fixtures/features.ts', import.meta.url));
const PLAIN_JS = fileURLToPath(new URL('./fixtures/plain-pipeline.js', import.meta.url));
const NO_NODES = fileURLToPath(new URL('./fixtures/no-nodes.ts', import.meta.url));
const INPUTS = '{"spend": [10, 20, 30], "signups": [1, 2, 4], "start": "2024-01-01"}';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hamilton-ts-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('hamilton-ts list', () => {
  it.concurrent(
    'prints one aligned row per node: name, type, input or not, tags, documentation',
    async () => {
      const run = await runCli(['list', FEATURES]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toBe(
        [
          'NAME            TYPE          INPUT  TAGS          DOCUMENTATION',
          'spendPerSignup  Float64Array  no                   Spend divided by signups, week by week.',
          'totalSpend      Number        no     owner=growth  Total spend.',
          'startDay        String        no                   The weekday the data starts on.',
          'broken          Number        no                   Fails on purpose.',
          'spend           Float64Array  yes',
          'signups         Float64Array  yes',
          'start           Date          yes',
          '',
        ].join('\n'),
      );
    },
    TIMEOUT,
  );

  it.concurrent(
    '--json prints listAvailableVariables() of a plain .js module, types by name',
    async () => {
      const run = await runCli(['list', '--json', PLAIN_JS]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toEqual([
        expect.objectContaining({ name: 'total', type: 'Object', isExternalInput: false, documentation: 'Sum of the amounts.' }),
        expect.objectContaining({ name: 'mean', requiredDependencies: ['total', 'amounts'], origin: 'Totals.mean' }),
        expect.objectContaining({ name: 'amounts', isExternalInput: true }),
      ]);
    },
    TIMEOUT,
  );

  it.concurrent(
    'names a module that exports no class with @node methods, exit code 1',
    async () => {
      const run = await runCli(['list', NO_NODES]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `hamilton-ts list: MODULE ${NO_NODES} exports no class with @node methods; export the pipeline classes (export class Features { @node() ... }) or give another file\n`,
      );
    },
    TIMEOUT,
  );
});

describe('hamilton-ts view', () => {
  it.concurrent(
    'prints the whole graph as DOT by default',
    async () => {
      const run = await runCli(['view', FEATURES]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^digraph hamilton \{\n/);
      expect(run.stdout).toContain('"spend" -> "spendPerSignup"');
      expect(run.stdout).toContain('"broken"');
    },
    TIMEOUT,
  );

  it.concurrent(
    'writes the run of --outputs as Mermaid to -o FILE, only the nodes it needs',
    async () => {
      const file = join(scratch, 'run.mmd');
      const run = await runCli(['view', FEATURES, '--outputs', 'totalSpend', '--inputs', '{"spend": [1]}', '-o', file]);
      expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
      const mermaid = await readFile(file, 'utf8');
      expect(mermaid).toMatch(/^flowchart LR\n/);
      expect(mermaid).toContain('totalSpend');
      expect(mermaid).not.toContain('spendPerSignup');
    },
    TIMEOUT,
  );

  it.concurrent(
    'writes SVG with --format svg',
    async () => {
      const file = join(scratch, 'dag.picture');
      const run = await runCli(['view', FEATURES, '--format', 'svg', '--output', file]);
      expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(await readFile(file, 'utf8')).toMatch(/<svg[\s\S]*spendPerSignup[\s\S]*<\/svg>\n$/);
    },
    TIMEOUT,
  );
});

describe('hamilton-ts validate', () => {
  it.concurrent(
    'says how many nodes would run for the outputs, and runs none (the failing node is not reached)',
    async () => {
      const run = await runCli(['validate', FEATURES, '--outputs', 'spendPerSignup,totalSpend,broken', '--inputs', INPUTS]);
      expect(run).toMatchObject({ code: 0, stdout: 'ok: 3 nodes would run for outputs spendPerSignup, totalSpend, broken\n', stderr: '' });
    },
    TIMEOUT,
  );

  it.concurrent(
    'without --outputs checks that the graph builds',
    async () => {
      const run = await runCli(['validate', FEATURES, PLAIN_JS]);
      expect(run).toMatchObject({ code: 0, stdout: 'ok: the graph builds: 6 nodes, 4 inputs or config values\n', stderr: '' });
    },
    TIMEOUT,
  );
});

describe('hamilton-ts execute', () => {
  it.concurrent(
    'prints the outputs as an aligned table, inputs coerced to a Float64Array and a Date',
    async () => {
      const run = await runCli(['execute', FEATURES, '--outputs', 'spendPerSignup,totalSpend,startDay', '--inputs', INPUTS]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toBe(
        [
          'spendPerSignup  totalSpend  startDay',
          '            10          60  mon',
          '            10          60  mon',
          '           7.5          60  mon',
          '',
        ].join('\n'),
      );
    },
    TIMEOUT,
  );

  it.concurrent(
    'prints JSON with typed arrays as arrays; inputs and config read from files',
    async () => {
      const inputs = join(scratch, 'inputs.json');
      const config = join(scratch, 'config.json');
      await writeFile(inputs, '{\n  "spend": [1, 2.5]\n}\n');
      await writeFile(config, '{"currency": "EUR", "rate": 2}');
      const run = await runCli([
        'execute',
        FEATURES,
        '--format',
        'json',
        '--outputs',
        'spendInCurrency',
        '--outputs',
        'totalSpend',
        '--inputs',
        inputs,
        '--config',
        config,
      ]);
      expect(run).toMatchObject({ code: 0, stdout: '{"spendInCurrency":[2,5],"totalSpend":3.5}\n', stderr: '' });
    },
    TIMEOUT,
  );

  it.concurrent(
    'prints CSV, the first --limit rows',
    async () => {
      const run = await runCli([
        'execute',
        FEATURES,
        '--format',
        'csv',
        '--limit',
        '2',
        '--outputs',
        'spendPerSignup,totalSpend',
        '--inputs',
        INPUTS,
      ]);
      expect(run).toMatchObject({ code: 0, stdout: 'spendPerSignup,totalSpend\n10,60\n10,60\n', stderr: '' });
    },
    TIMEOUT,
  );

  it.concurrent(
    'a node that throws: exit code 1, the node, its class and the error on stderr, no stack',
    async () => {
      const run = await runCli(['execute', FEATURES, '--outputs', 'broken', '--inputs', INPUTS]);
      expect(run).toMatchObject({
        code: 1,
        stdout: '',
        stderr: 'hamilton-ts execute: node "broken" (SpendFeatures) failed: broken fails on purpose (3 weeks)\n',
      });
    },
    TIMEOUT,
  );

  it.concurrent(
    'an unknown output: exit code 1 with the close matches',
    async () => {
      const run = await runCli(['execute', FEATURES, '--outputs', 'spendPerSignUp', '--inputs', INPUTS]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^hamilton-ts execute: unknown output: "spendPerSignUp" \(did you mean spendPerSignup\?\)/);
    },
    TIMEOUT,
  );

  it.concurrent(
    'a missing input: exit code 1 naming the input and the node that needs it',
    async () => {
      const run = await runCli(['execute', FEATURES, '--outputs', 'spendPerSignup', '--inputs', '{"spend": [1]}']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('missing input "signups", needed by spendPerSignup');
    },
    TIMEOUT,
  );
});

describe('--config values the graph takes as parameters', () => {
  it.concurrent(
    'are converted as inputs are: an array to a Float64Array, a text to a Date; a key only config.when reads stays as given',
    async () => {
      const config = '{"currency": "EUR", "rate": 2, "spend": [1, 2.5], "start": "2024-01-01"}';
      const run = await runCli(['execute', FEATURES, '--config', config, '--outputs', 'spendInCurrency,startDay', '--format', 'json']);
      expect(run).toMatchObject({ code: 0, stdout: '{"spendInCurrency":[2,5],"startDay":"mon"}\n', stderr: '' });
    },
    TIMEOUT,
  );

  it.concurrent(
    'are converted for list and validate too, which run nothing',
    async () => {
      const config = '{"spend": [1, 2], "start": "2024-01-01T10:30:00Z"}';
      const validate = await runCli(['validate', FEATURES, '--config', config, '--outputs', 'totalSpend,startDay']);
      expect(validate).toMatchObject({ code: 0, stdout: 'ok: 2 nodes would run for outputs totalSpend, startDay\n', stderr: '' });
      const list = await runCli(['list', FEATURES, '--config', config]);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/^start +Date +yes/m);
    },
    TIMEOUT,
  );

  it.concurrent(
    'a value that does not convert: exit code 1 (as a mistyped input), naming the key, the value, the type and what to give',
    async () => {
      const run = await runCli(['validate', FEATURES, '--config', '{"start": "March 5"}']);
      expect(run).toMatchObject({
        code: 1,
        stdout: '',
        stderr:
          'hamilton-ts validate: --config "start" is "March 5", which does not convert to Date, the type startDay takes it as; give an ISO date, e.g. "2024-03-05" or "2024-03-05T10:30:00Z"\n',
      });
    },
    TIMEOUT,
  );

  it.concurrent(
    'a value of a type the command line does not convert: the graph build error, exit code 1',
    async () => {
      const run = await runCli(['validate', FEATURES, '--config', '{"currency": "EUR", "rate": "two"}']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('config "rate" should be Number but is "two"; spendInCurrency takes it');
    },
    TIMEOUT,
  );

  it.concurrent(
    'several values that do not convert are named together',
    async () => {
      const run = await runCli(['execute', FEATURES, '--config', '{"start": "soon", "spend": [1, "two"]}', '--outputs', 'totalSpend']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        [
          'hamilton-ts execute: 2 --config values do not convert to the types the graph declares:',
          '  --config "start" is "soon", which does not convert to Date, the type startDay takes it as; give an ISO date, e.g. "2024-03-05" or "2024-03-05T10:30:00Z"',
          '  --config "spend" is [1,"two"], which does not convert to Float64Array, the type spendPerSignup, totalSpend, broken take it as; give an array of numbers (null for NaN), e.g. [1, 2.5]',
          '',
        ].join('\n'),
      );
    },
    TIMEOUT,
  );
});

describe('the pipeline commands with a bad command line (exit code 2)', () => {
  it.concurrent(
    'an unknown option, with the synopsis of the command',
    async () => {
      const run = await runCli(['view', FEATURES, '--fromat', 'svg']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^hamilton-ts view: Unknown option '--fromat'/);
      expect(run.stderr).toContain('Usage: hamilton-ts view MODULE... [--format dot|mermaid|svg]');
    },
    TIMEOUT,
  );

  it.concurrent(
    'a MODULE file that does not exist',
    async () => {
      const run = await runCli(['validate', 'packages/cli/test/fixtures/featurs.ts']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^hamilton-ts validate: MODULE "packages/cli/test/fixtures/featurs\\.ts" does not exist \\(looked for ${ROOT}packages/cli/test/fixtures/featurs\\.ts\\)`,
        ),
      );
    },
    TIMEOUT,
  );

  it.concurrent(
    'bad JSON in --inputs, with where it broke',
    async () => {
      const run = await runCli(['execute', FEATURES, '--outputs', 'totalSpend', '--inputs', '{"spend": [1, 2,]}']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^hamilton-ts execute: --inputs "\{\\"spend\\": \[1, 2,\]\}" is not valid JSON: Unexpected token '\]' at position 16 \(line 1, column 17\); give a JSON object/,
      );
      expect(run.stderr).toContain('Usage: hamilton-ts execute MODULE... --outputs a,b');
    },
    TIMEOUT,
  );
});
