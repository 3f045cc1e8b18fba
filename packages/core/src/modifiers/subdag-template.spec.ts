import { Driver, node, parameterizedSubdag, source, subdag, tag, value } from '../index.js';

/** Every call counts on the instance it runs on: a shared instance would show in the results. */
class Counter {
  calls = 0;
  @node() count(seed: number): number {
    this.calls++;
    return seed * 100 + this.calls;
  }
}

class Uses {
  @node() @subdag(Counter, { inputs: { seed: value(1) } }) first(count: number): number {
    return count;
  }
  @node() @subdag(Counter, { inputs: { seed: value(2) } }) second(count: number): number {
    return count;
  }
  @node() @parameterizedSubdag(Counter, { third: { inputs: { seed: value(3) } }, fourth: { inputs: { seed: source('start') } } }) each(
    count: number,
  ): number {
    return count;
  }
}

describe('subdags of the same plain modules in one build', () => {
  it('run on an instance per subdag (a parameterizedSubdag keeps one for its entries), in a graph of their own', async () => {
    const dr = new Driver({}, Uses);
    const result = await dr.rawExecute(['first', 'second', 'third', 'fourth'], { inputs: { start: 4 } });
    // The entries of one parameterizedSubdag share an instance, as they did before any sharing of work.
    expect(result).toEqual({ first: 101, second: 201, third: 301, fourth: 402 });
    const byName = new Map(dr.listAvailableVariables().map((v) => [v.name, v]));
    expect(byName.get('second.count')!.requiredDependencies).toEqual(['second.seed']);
    expect(byName.get('fourth.count')!.requiredDependencies).toEqual(['start']);
    expect(byName.get('first.count')!.origin).toBe('Uses.first');
  });

  it('give each build instances of its own', async () => {
    const runs = [new Driver({}, Uses), new Driver({}, Uses)].map((dr) => dr.rawExecute(['first', 'second'], {}));
    expect(await Promise.all(runs)).toEqual([
      { first: 101, second: 201 },
      { first: 101, second: 201 },
    ]);
  });

  it('are built alone when their methods carry modifiers', async () => {
    class Tagged {
      @node() @tag({ owner: 'inner' }) count(seed: number): number {
        return seed;
      }
    }
    class Outer {
      @node() @subdag(Tagged, { inputs: { seed: value(1) } }) a(count: number): number {
        return count;
      }
      @node() @subdag(Tagged, { inputs: { seed: value(2) } }) b(count: number): number {
        return count;
      }
    }
    const dr = new Driver({}, Outer);
    expect(await dr.rawExecute(['a', 'b'], {})).toEqual({ a: 1, b: 2 });
    expect(dr.listAvailableVariables().find((v) => v.name === 'b.count')!.tags.owner).toBe('inner');
  });
});
