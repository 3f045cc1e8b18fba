/** A performance target: a metric reported under this id passes when its value is at most `max`. */
export interface Target {
  readonly id: string;
  /** What the target says, as BENCHMARKS.md prints it. */
  readonly text: string;
  readonly max: number;
  readonly unit: string;
}

/**
 * Every target of the project, in the order BENCHMARKS.md lists them. Scenarios refer to them by
 * id; a target no scenario reported shows as "not measured".
 */
export const TARGETS: readonly Target[] = [
  { id: 'execute-per-node', text: 'execute ≤ 1 µs per trivial node at 10k nodes', max: 1, unit: 'µs/node' },
  {
    id: 'build-per-node',
    text: 'build ≤ 5 µs per node, linear up to 100k nodes (the bound holds at 1k, 10k and 100k)',
    max: 5,
    unit: 'µs/node',
  },
  { id: 'execute-two-nodes', text: 'one 2-node `execute()` ≤ 20 µs', max: 20, unit: 'µs' },
  { id: 'realistic-ratio', text: 'realistic 10k chain: driver ≤ 1.3× hand-written', max: 1.3, unit: '×' },
  { id: 'async-ratio', text: 'AsyncDriver ≤ async.auto on the same DAG', max: 1, unit: '×' },
  { id: 'table-10x1m', text: 'table of 10 × 1M typed columns ≤ 5 ms (zero-copy)', max: 5, unit: 'ms' },
  {
    id: 'parallel-per-item',
    text: 'Parallelizable over 10,000 trivial items ≤ 2 µs per item of overhead, sequentially',
    max: 2,
    unit: 'µs/item',
  },
  { id: 'lifecycle-overhead', text: 'a lifecycle adapter that does nothing costs ≤ 1 µs per node on a 10k chain', max: 1, unit: 'µs/node' },
  {
    id: 'thread-speedup',
    text: 'worker threads: 4 independent ~200 ms CPU nodes on 2 threads take ≤ 0.59× the sequential time (≥ 1.7× speed-up)',
    max: 0.59,
    unit: '×',
  },
  {
    id: 'cluster-round-trip',
    text: 'BullMQ cluster: a node sent through Redis to a worker process and back ≤ 2 ms (chain of 100 trivial nodes, loopback)',
    max: 2,
    unit: 'ms/node',
  },
  {
    id: 'cluster-speedup',
    text: 'BullMQ cluster: 4 independent ~500 ms CPU nodes on 2 worker processes take ≤ 0.59× the sequential time (≥ 1.7× speed-up)',
    max: 0.59,
    unit: '×',
  },
  {
    id: 'nest-bootstrap',
    text: 'NestJS: building the driver at bootstrap for 50 pipelines of 20 nodes adds ≤ 50 ms to startup',
    max: 50,
    unit: 'ms',
  },
  {
    id: 'cache-rerun',
    text: 'cache: a fully cached rerun of the realistic 10k chain is ≥ 5× faster than computing it',
    max: 0.2,
    unit: '×',
  },
  { id: 'cache-cold', text: 'cache: a cold run of the realistic 10k chain costs ≤ 30% more than an uncached run', max: 1.3, unit: '×' },
  {
    id: 'cache-fingerprint',
    text: 'cache: fingerprinting a 1M-double Float64Array (8 MB) takes ≤ 8 ms, i.e. runs at ≥ 1 GB/s',
    max: 8,
    unit: 'ms',
  },
  { id: 'io-csv', text: 'io: loading a 1M-row, 5-column CSV through from.csv costs ≤ 10% more than arquero alone', max: 1.1, unit: '×' },
  { id: 'io-parquet', text: 'io: a Parquet save + load of 1M rows costs ≤ 10% more than parquet-wasm alone', max: 1.1, unit: '×' },
  { id: 'io-arrow', text: 'io: an Arrow IPC save + load of 1M rows costs ≤ 10% more than arquero alone', max: 1.1, unit: '×' },
  {
    id: 'modifier-family-build',
    text: 'building a class that uses every modifier on 1,000 methods ≤ 5 µs per produced node',
    max: 5,
    unit: 'µs/node',
  },
  {
    id: 'tracking-overhead',
    text: 'ui: run tracking adds ≤ 5 µs per node to the 10k chain, with summaries of scalars',
    max: 5,
    unit: 'µs/node',
  },
  { id: 'summary-1m', text: 'ui: summarising a 1M-double Float64Array takes ≤ 5 ms', max: 5, unit: 'ms' },
  { id: 'store-list-runs', text: 'ui: listing runs answers in ≤ 50 ms with 10,000 runs stored', max: 50, unit: 'ms' },
  { id: 'ui-runs-api', text: 'ui: `GET /api/runs` over HTTP answers in ≤ 50 ms with 10,000 runs stored', max: 50, unit: 'ms' },
  {
    id: 'ui-run-page',
    text: 'ui: the run page of a 10,000-node run becomes interactive in ≤ 2 s in headless Chromium',
    max: 2000,
    unit: 'ms',
  },
  { id: 'memory-peak', text: 'memory of the 8 MB chain ≤ 3 arrays live at peak', max: 3, unit: 'arrays' },
];

/** The target with this id; throws on a typo so a scenario cannot silently report against nothing. */
export function targetById(id: string): Target {
  const target = TARGETS.find((t) => t.id === id);
  if (!target) throw new Error(`unknown target "${id}"; known: ${TARGETS.map((t) => t.id).join(', ')}`);
  return target;
}
