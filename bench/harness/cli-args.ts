/** The options of `npm run bench -- [options]`. */
export interface BenchArgs {
  /** Fewer sizes and samples: the whole suite in about 30 s. */
  readonly quick: boolean;
  /** Regenerate BENCHMARKS.md from this run (a full run: not combined with --only). */
  readonly write: boolean;
  /** Run only scenarios whose id contains one of these. */
  readonly only: readonly string[];
  readonly help: boolean;
}

export const USAGE = `npm run bench -- [--quick] [--write] [--only <id-part>[,<id-part>...]]
  --quick   fewer sizes and samples (about 30 s for the whole suite)
  --write   regenerate BENCHMARKS.md from this run
  --only    run the scenarios whose id contains one of the given parts, e.g. --only driver,async`;

/** Parses the arguments after `--`; unknown flags are an error that shows the usage. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let write = false;
  let help = false;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--write') write = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error(`--only needs a scenario id (or part of one)\n${USAGE}`);
      only.push(...value.split(',').filter(Boolean));
    } else throw new Error(`unknown option "${arg}"\n${USAGE}`);
  }
  if (write && only.length) throw new Error('--write regenerates the whole BENCHMARKS.md: run it without --only');
  return { quick, write, only, help };
}
