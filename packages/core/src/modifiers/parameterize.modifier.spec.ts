import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { buildError } from '../../test/support/build-error.js';
import { Driver, dependsOn, group, node, parameterize, source, tag, testNode, value } from '../index.js';

class Rolling {
  @node({ doc: 'Mean of the first {window} values of {xs} ({output}).' })
  @parameterize({
    mean2: { window: value(2) },
    mean3: { window: value(3) },
    meanOfYs: { window: value(2), xs: source('ys') },
  })
  rollingMean(xs: number[], window: number): number {
    return xs.slice(0, window).reduce((a, b) => a + b, 0) / window;
  }
}

describe('@parameterize', () => {
  it('makes one node per output and no node named after the method', () => {
    const names = [...new Driver({}, Rolling).graph.nodes.keys()];
    expect(names).toEqual(['mean2', 'mean3', 'meanOfYs', 'xs', 'ys']);
  });

  it('fixes value-bound parameters, reads source-bound ones from the named node, keeps the rest as dependencies', async () => {
    const dr = new Driver({}, Rolling);
    const byName = new Map(dr.listAvailableVariables().map((v) => [v.name, v]));
    expect(byName.get('mean2')!.requiredDependencies).toEqual(['xs']);
    expect(byName.get('meanOfYs')!.requiredDependencies).toEqual(['ys']);
    const result = await dr.rawExecute(['mean2', 'mean3', 'meanOfYs'], { inputs: { xs: [1, 2, 3], ys: [10, 20] } });
    expect(result).toEqual({ mean2: 1.5, mean3: 2, meanOfYs: 15 });
  });

  it('templates the doc with the output name and the bound values', () => {
    const docs = Object.fromEntries(new Driver({}, Rolling).listAvailableVariables().map((v) => [v.name, v.documentation]));
    expect(docs.mean2).toBe('Mean of the first 2 values of xs (mean2).');
    expect(docs.meanOfYs).toBe('Mean of the first 2 values of ys (meanOfYs).');
  });

  it('passes groups as an array or a record', async () => {
    class Grouped {
      @node()
      @parameterize({
        listed: { parts: group(source('a'), value(10)) },
        keyed: { parts: group({ x: source('a'), y: value(10) }) },
      })
      describeParts(parts: unknown): string {
        return JSON.stringify(parts);
      }
    }
    expect(await new Driver({}, Grouped).rawExecute(['listed', 'keyed'], { inputs: { a: 1 } })).toEqual({
      listed: '[1,10]',
      keyed: '{"x":1,"y":10}',
    });
  });

  it('works with @tag (every output) and with testNode', async () => {
    class Tagged {
      @node()
      @tag({ team: 'growth' })
      @parameterize({ double: { k: value(2) }, triple: { k: value(3) } })
      scale(x: number, k: number): number {
        return x * k;
      }
    }
    const dr = new Driver({}, Tagged);
    expect(dr.listAvailableVariables({ tagFilter: { team: 'growth' } }).map((v) => v.name)).toEqual(['double', 'triple']);
    expect(await testNode(Tagged, 'triple', { x: 5 })).toBe(15);
  });

  it('accepts a parameter by its signature name or by its @dependsOn name', async () => {
    class Renamed {
      @node()
      @dependsOn('spendUsd', 'window')
      @parameterize({ byParam: { w: value(2) }, byDependency: { window: value(3) } })
      scaled(s: number, w: number): number {
        return s * w;
      }
    }
    expect(await new Driver({}, Renamed).rawExecute(['byParam', 'byDependency'], { inputs: { spendUsd: 10 } })).toEqual({
      byParam: 20,
      byDependency: 30,
    });
  });

  it('keeps the consumer parameter type of a source binding, so the edge check still applies', () => {
    class Mistyped {
      @node() label(): string {
        return 'a';
      }
      @node() @parameterize({ twice: { x: source('label') } }) double(x: number): number {
        return x * 2;
      }
    }
    expect(buildError(Mistyped).message).toContain('type mismatch on label -> twice: "label" returns String but twice takes x: Number');
  });

  it('builds 5,000 outputs, each with its own binding', async () => {
    const outputs = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`plus${i}`, { k: value(i) }]));
    class Many {
      @node({ doc: 'x plus {k}' }) @parameterize(outputs) plus(x: number, k: number): number {
        return x + k;
      }
    }
    const dr = new Driver({}, Many);
    expect(dr.graph.nodes.size).toBe(5001);
    expect(dr.graph.nodes.get('plus4999')!.doc).toBe('x plus 4999');
    expect(await dr.rawExecute(['plus0', 'plus1234', 'plus4999'], { inputs: { x: 1 } })).toEqual({
      plus0: 1,
      plus1234: 1235,
      plus4999: 5000,
    });
  });
});

describe('@parameterize misuse', () => {
  it('names an unknown parameter and lists the real ones', () => {
    class Unknown {
      @node() @parameterize({ m7: { windw: value(7) } }) rolling(xs: number[], window: number): number {
        return xs.length * window;
      }
    }
    const error = buildError(Unknown);
    expect(error.problems).toEqual([
      {
        node: 'm7',
        message:
          'Unknown.rolling: @parameterize output "m7" names "windw", which is not a parameter of the method; its parameters are xs, window',
      },
    ]);
  });

  it('asks to wrap a bare literal in value() (and suggests source() for a string)', () => {
    class Bare {
      @node() @parameterize({ m7: { window: 7, xs: 'ys' } as never }) rolling(xs: number[], window: number): number {
        return xs.length * window;
      }
    }
    const messages = buildError(Bare).problems.map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining('@parameterize output "m7" binds "window" to number 7; wrap it in value(7) for a fixed value'),
      expect.stringContaining('binds "xs" to "ys"; wrap it in value("ys") for a fixed value, or write source("ys") to read that node'),
    ]);
  });

  it('reports an output named like another node clearly, naming both methods', () => {
    class Clash {
      @node() total(): number {
        return 1;
      }
      @node() @parameterize({ total: { k: value(2) }, other: { k: value(3) } }) scale(k: number): number {
        return k;
      }
    }
    expect(buildError(Clash).message).toContain(
      'node "total" is produced twice in one module: by Clash.total and by Clash.scale (an output of @parameterize); rename one',
    );
  });

  it('rejects an empty parameterization', () => {
    class Empty {
      @node() @parameterize({}) scale(k: number): number {
        return k;
      }
    }
    expect(buildError(Empty).message).toContain('Empty.scale: @parameterize was given no outputs; name at least one');
  });

  it('rejects a value of the wrong type, a bad group member and a non-record binding, all in one error', () => {
    class Several {
      @node()
      @parameterize({
        a: { k: value('7') },
        b: { parts: value([]), k: group(5 as never) },
        c: 3 as never,
      })
      scale(k: number, parts: number[]): number {
        return k * parts.length;
      }
    }
    const error = buildError(Several);
    expect(error.problems.map((p) => p.node)).toEqual(['a', 'b', 'b', 'c']);
    expect(error.message).toContain('@parameterize output "a" binds "k" to "7" but the parameter takes Number');
    expect(error.message).toContain('puts number 5 in the group bound to "k"; a group member is value(...) or source(...)');
    expect(error.message).toContain('binds "k" to a group, which passes an array, but the parameter takes Number');
    expect(error.message).toContain(
      '@parameterize output "c" must map parameter names to value(...), source(...) or group(...), got number 3',
    );
  });

  it('rejects an output name ending in "__" and an empty source name', () => {
    class Names {
      @node() @parameterize({ bad__: {}, ok: { k: source('') } }) scale(k: number): number {
        return k;
      }
    }
    const error = buildError(Names);
    expect(error.message).toContain('@parameterize names output "bad__"; a node name is a non-empty string that does not end in "__"');
    expect(error.message).toContain('binds "k" to source(""); source() takes the name of a node or input');
  });
});
