import { describe, expect, it } from '@jest/globals';
import type { IoContext, LoaderSpec, SaverSpec } from './io-spec.js';
import { MaterializeRun } from './materialize-run.js';

function loader(target: string, load: LoaderSpec['load']): LoaderSpec {
  return { role: 'loader', target, format: 'fake', options: {}, doc: '', problems: () => [], load };
}

const saver: SaverSpec = {
  role: 'saver',
  id: 'save',
  format: 'fake',
  dependencies: ['x'],
  options: {},
  doc: '',
  problems: () => [],
  save: () => ({ format: 'fake', ms: 1 }),
};

describe('MaterializeRun', () => {
  it('computes every saver, then the additional variables, each once', () => {
    const run = new MaterializeRun([loader('rows', () => 1), saver], ['x', 'save']);
    expect(run.outputs).toEqual(['save', 'x']);
  });

  it("keeps what an async loader reports, with the spec's format and the time taken, under its target", async () => {
    const run = new MaterializeRun(
      [
        loader('rows', async (_options, context) => {
          context.reportLoad?.({ bytes: 3, format: 'other' });
          return 'abc';
        }),
      ],
      [],
    );
    const loaded = await (run.materializers[0] as LoaderSpec).load({}, { node: 'rows' });
    expect(loaded).toBe('abc');
    expect(run.result({}).metadata).toEqual({ rows: { bytes: 3, format: 'fake', ms: expect.any(Number) } });
  });

  it('lists loaders that ran and every saver in the order given, and the additional variables', () => {
    const run = new MaterializeRun([saver, loader('unused', () => 0), loader('rows', () => 1)], ['x']);
    (run.materializers[2] as LoaderSpec).load({}, { node: 'rows' });
    const result = run.result({ save: { format: 'fake', ms: 1 }, x: 7 });
    expect(Object.keys(result.metadata)).toEqual(['save', 'rows']);
    expect(result.results).toEqual({ x: 7 });
  });

  it('wraps a frozen loader, and one whose methods live on its class, without copying them', () => {
    const frozen = Object.freeze(loader('rows', (_options, context: IoContext) => context.node));
    const run = new MaterializeRun([frozen], []);
    const wrapped = run.materializers[0] as LoaderSpec;
    expect([wrapped.target, wrapped.format, wrapped.problems()]).toEqual(['rows', 'fake', []]);
    expect(wrapped.load({}, { node: 'rows' })).toBe('rows');
    expect(frozen.load).not.toBe(wrapped.load);
  });
});
