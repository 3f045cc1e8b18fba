import { checkOutput, Driver, node, pipe, source, step, tag, testNode, value } from '../index.js';

const add = (x: number, n: number) => x + n;
const times = (x: number, k: number) => x * k;

class Prices {
  @node()
  @pipe(step(add, value(1)), step(times, source('factor')).named('scaled'), step(add, value(100)).named('eu').when({ region: 'EU' }))
  price(base: number, vat = 0): number {
    return base + vat;
  }
}

describe('pipe', () => {
  it('runs the first argument through the steps, in order, before the body', async () => {
    const result = await new Driver({}, Prices).rawExecute(['price'], { inputs: { base: 2, factor: 10 } });
    expect(result.price).toBe((2 + 1) * 10);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: the title quotes the naming pattern.
  it('makes each step a visible node: ${node}.${fn.name} by default, or its .named() name', () => {
    const vars = new Driver({}, Prices).listAvailableVariables();
    const byName = new Map(vars.map((v) => [v.name, v]));
    expect(byName.get('price.add')!.requiredDependencies).toEqual(['base']);
    expect(byName.get('scaled')!.requiredDependencies).toEqual(['price.add', 'factor']);
    expect(byName.get('price')!.requiredDependencies).toEqual(['scaled']);
    expect(byName.get('price')!.optionalDependencies).toEqual(['vat']);
    expect(byName.get('scaled')!.origin).toBe('Prices.price');
  });

  it('includes a .when() step only when config matches', async () => {
    const dr = new Driver({ region: 'EU' }, Prices);
    expect(dr.listAvailableVariables().map((v) => v.name)).toContain('eu');
    expect((await dr.rawExecute(['price'], { inputs: { base: 2, factor: 10 } })).price).toBe(130);
  });

  it('leaves the method alone when every step is excluded by config', () => {
    class Only {
      @node() @pipe(step(add, value(1)).whenNot({ fast: true })) x(a: number): number {
        return a;
      }
    }
    expect(new Driver({ fast: true }, Only).listAvailableVariables().find((v) => v.name === 'x')!.requiredDependencies).toEqual(['a']);
  });

  it('passes the piped value even when a step function has more parameters than arguments', async () => {
    const wrap = (x: unknown, label?: string) => `${label ?? '?'}:${String(x)}`;
    class Loose {
      @node() @pipe(step(wrap)) x(a: number): string {
        return String(a);
      }
    }
    expect((await new Driver({}, Loose).rawExecute(['x'], { inputs: { a: 1 } })).x).toBe('?:1');
  });

  it('composes with checkOutput and tag, whatever the order they are written in', async () => {
    class Checked {
      @checkOutput({ range: [0, 10] }, { importance: 'fail' })
      @tag({ team: 'a' })
      @node()
      @pipe(step(add, value(1)))
      y(a: number): number {
        return a;
      }
    }
    const dr = new Driver({}, Checked);
    const y = dr.listAvailableVariables().find((v) => v.name === 'y')!;
    expect(y.tags.team).toBe('a');
    expect(dr.listAvailableVariables().find((v) => v.name === 'y.add')!.tags).toEqual({});
    await expect(dr.rawExecute(['y'], { inputs: { a: 100 } })).rejects.toThrow('node "y" failed validator range');
  });

  it('runs the steps under testNode', async () => {
    await expect(testNode(Prices, 'price', { base: 2, factor: 3 })).resolves.toBe(9);
  });
});
