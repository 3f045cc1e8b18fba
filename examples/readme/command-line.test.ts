// The README's Command line examples, run as child processes from the repository root.
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../../packages/cli/test/spawn-cli.js';

describe('README: Command line', () => {
  it('list and execute print what the README shows', async () => {
    const list = await runCli(['list', 'examples/marketing/marketing-features.ts']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^NAME +TYPE +INPUT +TAGS +DOCUMENTATION\n/);
    expect(list.stdout).toMatch(/\nspendMean +Number +no +Shows function creating a scalar: the mean of a column\.\n/);
    const run = await runCli([
      'execute',
      'examples/marketing/marketing-features.ts',
      '--outputs',
      'spendMean,spendZeroMean',
      '--inputs',
      '{"spend": [10, 20, 30]}',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('spendMean  spendZeroMean\n       20            -10\n       20              0\n       20             10\n');
  }, 60_000);

  it('validate runs nothing and says what would run', async () => {
    const run = await runCli([
      'validate',
      'examples/marketing/marketing-features.ts',
      '--outputs',
      'spendZeroMeanUnitVariance',
      '--inputs',
      '{"spend": [1, 2, 3]}',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok: \d+ nodes would run for outputs spendZeroMeanUnitVariance/);
  }, 60_000);
});
