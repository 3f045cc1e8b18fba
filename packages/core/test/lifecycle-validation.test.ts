import 'reflect-metadata';
import { Driver, type GraphAdapter, GraphBuildError, InputValidationError, node } from '@hamilton-ts/core';
import { describe, expect, it } from '@jest/globals';

class Small {
  @node() count(raw: string): number {
    return raw.length;
  }
  @node() doubled(count: number): number {
    return count * 2;
  }
}

class Mismatched {
  @node() count(): string {
    return '3';
  }
  @node() doubled(count: number): number {
    return Number(count) * 2;
  }
}

describe('validateNode and validateGraph', () => {
  it('turns a string verdict of validateNode into a GraphBuildError naming adapter and node', () => {
    class NoDoubles {
      validateNode({ node: v }: { node: { name: string } }) {
        return v.name === 'doubled' ? 'doubles are banned' : true;
      }
    }
    const make = () => new Driver({}, Small, { adapter: new NoDoubles() as GraphAdapter });
    expect(make).toThrow(GraphBuildError);
    expect(make).toThrow('NoDoubles.validateNode rejected node "doubled": doubles are banned');
  });

  it('turns a string verdict of validateGraph into a GraphBuildError', () => {
    const seen: string[] = [];
    const adapter: GraphAdapter = {
      validateGraph: ({ graph, config }) => {
        seen.push(...graph.variables.map((v) => v.name), ...Object.keys(config));
        return graph.get('raw') ? 'no raw inputs allowed' : true;
      },
    };
    const make = () => new Driver({ mode: 'x' }, Small, { adapter });
    expect(make).toThrow('adapter.validateGraph rejected the graph: no raw inputs allowed');
    expect(seen).toEqual(expect.arrayContaining(['count', 'doubled', 'raw', 'mode']));
  });

  it('reports adapter verdicts together with the built-in problems', () => {
    const adapter: GraphAdapter = { validateNode: () => 'nope', validateGraph: () => 'never' };
    try {
      new Driver({}, Mismatched, { adapter });
      throw new Error('expected a GraphBuildError');
    } catch (error) {
      expect((error as GraphBuildError).problems).toHaveLength(4); // edge type + 2 nodes + graph
    }
  });

  it('builds when every verdict is true', () => {
    expect(() => new Driver({}, Small, { adapter: { validateNode: () => true, validateGraph: () => true } })).not.toThrow();
  });
});

describe('validateInput', () => {
  it('widens the built-in check: true accepts a value of another type', async () => {
    const adapter: GraphAdapter = { validateInput: ({ name, value }) => (name === 'raw' && typeof value === 'number' ? true : undefined) };
    const dr = new Driver({}, Small, { adapter });
    await expect(dr.rawExecute(['raw'], { inputs: { raw: 12 } })).resolves.toEqual({ raw: 12 });
    await expect(dr.rawExecute(['raw'], { inputs: { raw: true } })).rejects.toThrow('input "raw" should be String but is boolean true');
  });

  it('narrows it: false rejects a value the type check would accept, naming the adapter', async () => {
    const seen: unknown[] = [];
    class NonEmpty {
      validateInput(e: { name: string; value: unknown; type: Function }) {
        seen.push(e);
        return e.value === '' ? false : undefined;
      }
    }
    const dr = new Driver({}, Small, { adapter: new NonEmpty() as GraphAdapter });
    const run = dr.rawExecute(['count'], { inputs: { raw: '' } });
    await expect(run).rejects.toThrow(InputValidationError);
    await expect(run).rejects.toThrow('input "raw" ("") was rejected by NonEmpty.validateInput');
    expect(seen[0]).toEqual({ name: 'raw', value: '', type: String });
    await expect(dr.rawExecute(['count'], { inputs: { raw: 'abc' } })).resolves.toEqual({ count: 3 });
  });
});

describe('checkEdgeTypesMatch', () => {
  it('widens the built-in edge check', async () => {
    const seen: unknown[] = [];
    const adapter: GraphAdapter = {
      checkEdgeTypesMatch: (e) => {
        seen.push(e);
        return e.from === String && e.to === Number ? true : undefined;
      },
    };
    const dr = new Driver({}, Mismatched, { adapter });
    expect(await dr.rawExecute(['doubled'])).toEqual({ doubled: 6 });
    expect(seen).toEqual([{ from: String, to: Number, producer: 'count', consumer: 'doubled' }]);
  });

  // Regression: the rejection was reported as "returns Number but takes Number", without the adapter.
  it('narrows it: false rejects an edge the built-in rule accepts, naming the adapter', () => {
    class Strict {
      checkEdgeTypesMatch() {
        return false;
      }
    }
    expect(() => new Driver({}, Small, { adapter: new Strict() })).toThrow(
      'Strict.checkEdgeTypesMatch rejected count -> doubled ("count" returns Number, doubled takes count: Number)',
    );
  });

  it('lets the first adapter with an answer decide', async () => {
    const dr = new Driver({}, Mismatched, {
      adapter: [{ checkEdgeTypesMatch: () => undefined }, { checkEdgeTypesMatch: () => true }, { checkEdgeTypesMatch: () => false }],
    });
    expect(await dr.rawExecute(['doubled'])).toEqual({ doubled: 6 });
  });

  it('leaves the built-in rule in charge when it returns undefined', () => {
    expect(() => new Driver({}, Mismatched, { adapter: { checkEdgeTypesMatch: () => undefined } })).toThrow(GraphBuildError);
  });
});

// Regression: a promise from a validation hook was truthy, so an async validateInput or
// checkEdgeTypesMatch accepted everything, and validateNode printed "[object Promise]".
describe('validation hooks answering with a promise', () => {
  const async =
    <T>(value: T) =>
    () =>
      Promise.resolve(value);

  it('are reported, not taken as a yes', async () => {
    const edge = () => new Driver({}, Mismatched, { adapter: { checkEdgeTypesMatch: async(true) } as unknown as GraphAdapter });
    expect(edge).toThrow(
      'adapter.checkEdgeTypesMatch returned a promise; validation hooks run while the graph is built or inputs are checked and must answer synchronously',
    );
    const node = () => new Driver({}, Small, { adapter: { validateNode: async(true) } as unknown as GraphAdapter });
    expect(node).toThrow('adapter.validateNode returned a promise; validation hooks run while the graph is built');
    const graph = () => new Driver({}, Small, { adapter: { validateGraph: async(true) } as unknown as GraphAdapter });
    expect(graph).toThrow('adapter.validateGraph returned a promise');
    const input = new Driver({}, Small, { adapter: { validateInput: async(false) } as unknown as GraphAdapter }).rawExecute(['count'], {
      inputs: { raw: 'x' },
    });
    await expect(input).rejects.toThrow(InputValidationError);
    await expect(input).rejects.toThrow('adapter.validateInput returned a promise');
  });
});
