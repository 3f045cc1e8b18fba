import 'reflect-metadata';
import {
  AsyncDriver,
  collect,
  Driver,
  type GraphAdapter,
  GraphBuildError,
  NodeExecutionError,
  node,
  parallelizable,
  UnknownNodeError,
} from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Files {
  @node() @parallelizable(String) files(names: string[]): string[] {
    return names;
  }
  @node() size(files: string, unit: number): number {
    return files.length * unit;
  }
  @node() labelled(size: number, files: string): string {
    return `${files}:${size}`;
  }
  @node() @collect('labelled', String) report(labelled: string[], title: string): string {
    return `${title} ${labelled.join(',')}`;
  }
  @node() afterReport(report: string): number {
    return report.length;
  }
}

const inputs = { names: ['a', 'bb', 'ccc'], unit: 10, title: 'T' };

describe('@parallelizable / @collect', () => {
  it('runs the block once per item and collects in item order', async () => {
    const out = await new Driver({}, Files).rawExecute(['report', 'afterReport'], { inputs });
    expect(out.report).toBe('T a:10,bb:20,ccc:30');
    expect(out.afterReport).toBe('T a:10,bb:20,ccc:30'.length);
  });

  it('collects [] for zero items', async () => {
    const out = await new Driver({}, Files).rawExecute(['report'], { inputs: { ...inputs, names: [] } });
    expect(out.report).toBe('T ');
  });

  it('keeps item order when later items finish first, and runs items concurrently with AsyncDriver', async () => {
    let inFlight = 0;
    let most = 0;
    class Slow {
      @node() @parallelizable(Number) delays(): number[] {
        return [30, 1, 15, 5];
      }
      @node() async waited(delays: number): Promise<number> {
        inFlight++;
        most = Math.max(most, inFlight);
        await tick(delays);
        inFlight--;
        return delays * 2;
      }
      @node() @collect('waited') all(waited: number[]): number[] {
        return waited;
      }
    }
    expect((await new AsyncDriver({}, Slow).rawExecute(['all'])).all).toEqual([60, 2, 30, 10]);
    expect(most).toBe(4);
    most = 0;
    expect((await new AsyncDriver({}, Slow, { maxConcurrency: 2 }).rawExecute(['all'])).all).toEqual([60, 2, 30, 10]);
    expect(most).toBe(2);
    most = 0;
    expect((await new Driver({}, Slow).rawExecute(['all'])).all).toEqual([60, 2, 30, 10]);
    expect(most).toBe(1);
  });

  it('takes generators, Sets and async iterables', async () => {
    class Kinds {
      @node() @parallelizable() gen(kind: string): Iterable<number> | AsyncIterable<number> {
        if (kind === 'set') return new Set([1, 2]);
        if (kind === 'async')
          return (async function* () {
            yield 3;
            yield 4;
          })();
        return (function* () {
          yield 5;
          yield 6;
        })();
      }
      @node() @collect('gen') items(gen: number[]): number[] {
        return gen;
      }
    }
    const dr = new Driver({}, Kinds);
    expect((await dr.rawExecute(['items'], { inputs: { kind: 'set' } })).items).toEqual([1, 2]);
    expect((await dr.rawExecute(['items'], { inputs: { kind: 'async' } })).items).toEqual([3, 4]);
    expect((await dr.rawExecute(['items'], { inputs: { kind: 'gen' } })).items).toEqual([5, 6]);
  });

  it('fails naming the parallelizable node when it returns something not iterable', async () => {
    class Bad {
      @node() @parallelizable() items(): unknown {
        return 42;
      }
      @node() @collect('items') all(items: unknown[]): unknown[] {
        return items;
      }
    }
    const error = await new Driver({}, Bad).rawExecute(['all']).catch((e) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect(error.node).toBe('items');
    expect(error.message).toMatch(/number 42, which is not iterable/);
  });

  it('feeds an override of the fan-out as its items, and an override of a block node to every item', async () => {
    const dr = new Driver({}, Files);
    expect((await dr.rawExecute(['report'], { inputs, overrides: { files: ['z'] } })).report).toBe('T z:10');
    expect((await dr.rawExecute(['report'], { inputs, overrides: { size: 7 } })).report).toBe('T a:7,bb:7,ccc:7');
  });

  it('reports inputs needed inside the block as missing, naming the nodes inside that read them', async () => {
    const error = await new Driver({}, Files).rawExecute(['report'], { inputs: { names: ['a'], title: 'T' } }).catch((e) => e);
    expect(error.message).toMatch(/"unit".*size/s);
  });

  it('refuses a node inside the block as an output', async () => {
    const dr = new Driver({}, Files);
    expect(() => dr.validateExecution(['size'], { inputs })).toThrow(GraphBuildError);
    expect(() => dr.validateExecution(['size'], { inputs })).toThrow(
      /"size" runs once per item of @parallelizable "files".*request "report"/,
    );
    await expect(dr.rawExecute(['nope'], { inputs })).rejects.toThrow(UnknownNodeError);
  });

  it('fails with the error of the earliest failing item, whatever the engine', async () => {
    class Flaky {
      @node() @parallelizable(Number) n(): number[] {
        return [1, 2, 3, 4];
      }
      @node() async checked(n: number): Promise<number> {
        await tick(n === 2 ? 20 : 1);
        if (n >= 2) throw new Error(`bad ${n}`);
        return n;
      }
      @node() @collect('checked') all(checked: number[]): number[] {
        return checked;
      }
    }
    for (const dr of [new Driver({}, Flaky), new AsyncDriver({}, Flaky)]) {
      const error = await dr.rawExecute(['all']).catch((e) => e);
      expect(error).toBeInstanceOf(NodeExecutionError);
      expect(error.node).toBe('checked');
      expect(error.cause.message).toBe('bad 2');
    }
  });

  it('calls node hooks once per item and counts the block once in nodeCount', async () => {
    const seen: string[] = [];
    let count = -1;
    const adapter: GraphAdapter = {
      preGraphExecute: ({ nodeCount }) => {
        count = nodeCount;
      },
      postNodeExecute: ({ node: n }) => void seen.push(n.name),
    };
    await new Driver({}, Files, { adapter }).rawExecute(['report'], { inputs: { ...inputs, names: ['a', 'b'] } });
    expect(count).toBe(4);
    expect(seen.filter((s) => s === 'size')).toHaveLength(2);
    expect(seen.filter((s) => s === 'labelled')).toHaveLength(2);
    expect(seen.at(-1)).toBe('report');
  });

  it('may collect the items themselves', async () => {
    class Direct {
      @node() @parallelizable(Number) n(): number[] {
        return [3, 1];
      }
      @node() @collect('n', Number) all(n: number[]): number {
        return n.reduce((a, b) => a + b, 0);
      }
    }
    expect((await new Driver({}, Direct).rawExecute(['all'])).all).toBe(4);
  });

  it('types edges from the fan-out by its item type, and into the collect by its item type', () => {
    class Mismatch {
      @node() @parallelizable(String) s(): string[] {
        return [];
      }
      @node() twice(s: number): number {
        return s * 2;
      }
      @node() @collect('twice', String) all(twice: string[]): number {
        return twice.length;
      }
    }
    const error = (() => {
      try {
        new Driver({}, Mismatch);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(GraphBuildError);
    expect(error?.message).toMatch(/"s" returns String but twice takes s: Number/);
    expect(error?.message).toMatch(/"twice" returns Number but all takes twice: String/);
  });
});

describe('@parallelizable / @collect misuse', () => {
  const buildError = (modules: unknown): string => {
    try {
      new Driver({}, modules as object);
    } catch (e) {
      expect(e).toBeInstanceOf(GraphBuildError);
      return (e as Error).message;
    }
    throw new Error('expected a GraphBuildError');
  };

  it('a parallelizable with no collect', () => {
    class NoCollect {
      @node() @parallelizable() p(): number[] {
        return [];
      }
      @node() each(p: number): number {
        return p;
      }
    }
    expect(buildError(NoCollect)).toMatch(/@parallelizable node "p" has no @collect downstream/);
  });

  it('a collect with no parallelizable upstream', () => {
    class NoParallel {
      @node() xs(): number[] {
        return [];
      }
      @node() @collect('xs') all(xs: number[]): number {
        return xs.length;
      }
    }
    expect(buildError(NoParallel)).toMatch(/@collect node "all" gathers "xs", which is not downstream of any @parallelizable node/);
  });

  it('nested blocks', () => {
    class Nested {
      @node() @parallelizable() outer(): number[] {
        return [];
      }
      @node() @parallelizable() inner(outer: number): number[] {
        return [outer];
      }
      @node() @collect('inner') all(inner: number[]): number {
        return inner.length;
      }
    }
    expect(buildError(Nested)).toMatch(/@parallelizable node "inner" is inside the block of "outer"; nested blocks are not supported/);
  });

  it('two collects for one block', () => {
    class TwoCollects {
      @node() @parallelizable() p(): number[] {
        return [];
      }
      @node() each(p: number): number {
        return p;
      }
      @node() @collect('each') a(each: number[]): number {
        return 1;
      }
      @node() @collect('each') b(each: number[]): number {
        return 2;
      }
    }
    expect(buildError(TwoCollects)).toMatch(/the block of @parallelizable "p" is gathered by 2 @collect nodes \(a, b\)/);
  });

  it('a collect reading a block node through another parameter, and a block node depending on its collect', () => {
    class Leaky {
      @node() @parallelizable() p(): number[] {
        return [];
      }
      @node() each(p: number): number {
        return p;
      }
      @node() @collect('each') all(each: number[], p: number): number {
        return each.length + p;
      }
    }
    expect(buildError(Leaky)).toMatch(
      /@collect node "all" reads "p", which runs once per item of "p", through a parameter it does not collect/,
    );
    class Loop {
      @node() @parallelizable() p(): number[] {
        return [];
      }
      @node() each(p: number): number {
        return p;
      }
      @node() @collect('each') all(each: number[]): number {
        return each.length;
      }
      @node() late(p: number, all: number): number {
        return p + all;
      }
    }
    expect(buildError(Loop)).toMatch(/"late" runs once per item of "p" but also depends on "all", which collects that block/);
  });

  it('a node downstream of two fan-outs', () => {
    class Crossed {
      @node() @parallelizable() p(): number[] {
        return [];
      }
      @node() @parallelizable() q(): number[] {
        return [];
      }
      @node() both(p: number, q: number): number {
        return p + q;
      }
      @node() @collect('both') all(both: number[]): number {
        return both.length;
      }
    }
    expect(buildError(Crossed)).toMatch(/"both" is downstream of two @parallelizable nodes \(p, q\)/);
  });

  it('bad decorator arguments', () => {
    class BadArgs {
      @node() @parallelizable('String' as unknown as Function) p(): number[] {
        return [];
      }
      @node() @collect('nope') all(p: number[]): number {
        return p.length;
      }
    }
    const message = buildError(BadArgs);
    expect(message).toMatch(/BadArgs.p: @parallelizable item type is "String"; pass a constructor/);
    expect(message).toMatch(/BadArgs.all: @collect\("nope"\) names no parameter of the method \(it has p\)/);
  });
});
