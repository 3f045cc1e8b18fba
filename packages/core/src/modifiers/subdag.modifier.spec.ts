import { checkOutput, config, Driver, node, source, subdag, tag, testNode, value } from '../index.js';

class Cleaning {
  @node() clean(raw: number[], floor = 0): number[] {
    return raw.filter((x) => x >= floor);
  }
  @node() total(clean: number[], scale: number): number {
    return clean.reduce((a, b) => a + b, 0) * scale;
  }
  @node() unused(other: string): string {
    return other;
  }
  @node() @config.when({ mode: 'double' }) bonus__double(total: number): number {
    return total * 2;
  }
  @node() @config.whenNot({ mode: 'double' }) bonus__single(total: number): number {
    return total;
  }
}

class Features {
  @node()
  @subdag(Cleaning, { inputs: { raw: source('usSpend'), scale: value(10) } })
  us(total: number, clean: number[]): number {
    return total + clean.length;
  }

  @node()
  @subdag([Cleaning], { inputs: { raw: source('euSpend') }, config: { mode: 'double', scale: 1 }, namespace: 'eu' })
  euBonus(bonus: number): number {
    return bonus;
  }
}

const inputs = { usSpend: [1, -2, 3], euSpend: [5, 5] };

describe('subdag', () => {
  const dr = new Driver({}, Features);
  const names = dr.listAvailableVariables().map((v) => v.name);

  it('puts the subdag nodes under the namespace (default: the method node name) and feeds the method', async () => {
    expect(names).toEqual(expect.arrayContaining(['us.clean', 'us.total', 'us.scale', 'us', 'usSpend']));
    const result = await dr.rawExecute(['us'], { inputs });
    expect(result.us).toBe((1 + 3) * 10 + 2);
  });

  it('binds inputs: source() reads an outer node, value() becomes a namespaced node', () => {
    const byName = new Map(dr.listAvailableVariables().map((v) => [v.name, v]));
    expect(byName.get('us.clean')!.requiredDependencies).toEqual(['usSpend']);
    expect(byName.get('us.total')!.requiredDependencies).toEqual(['us.clean', 'us.scale']);
    expect(byName.get('us.scale')!.isExternalInput).toBe(false);
  });

  it('leaves unbound inputs to the outer graph by their own name (here the optional floor)', async () => {
    expect(names).toContain('floor');
    expect((await dr.rawExecute(['us'], { inputs: { ...inputs, floor: 2 } })).us).toBe(3 * 10 + 1);
  });

  it('merges its config over the outer config: it drives config.when and feeds inputs', async () => {
    expect(names).toEqual(expect.arrayContaining(['eu.bonus', 'eu.total', 'eu.scale']));
    expect((await dr.rawExecute(['euBonus'], { inputs })).euBonus).toBe(20);
    expect(dr.listAvailableVariables().find((v) => v.name === 'eu.scale')!.isExternalInput).toBe(true);
  });

  it('adds only the subdag nodes the method needs', () => {
    expect(names).not.toContain('us.unused');
    expect(names).not.toContain('other');
    expect(names).not.toContain('us.bonus');
  });

  it('marks subdag nodes as made by the method, so testNode runs the whole subdag', async () => {
    expect(dr.listAvailableVariables().find((v) => v.name === 'us.total')!.origin).toBe('Features.us');
    await expect(testNode(Features, 'us', { usSpend: [4] })).resolves.toBe(41);
  });

  it('may contain modified methods, and composes with checkOutput and tag on the output', async () => {
    class Inner {
      @node() @checkOutput({ range: [0, 5] }, { importance: 'fail' }) level(x: number): number {
        return x;
      }
    }
    class Outer {
      @tag({ kind: 'out' })
      @checkOutput({ nonEmpty: true })
      @node()
      @subdag(Inner, { inputs: { x: source('y') } })
      out(level: number): number {
        return level;
      }
    }
    const outer = new Driver({}, Outer);
    const vars = new Map(outer.listAvailableVariables().map((v) => [v.name, v]));
    expect([...vars.keys()]).toEqual(expect.arrayContaining(['out.level_raw', 'out.level_range_validator', 'out.level', 'out_raw', 'out']));
    expect(vars.get('out')!.tags.kind).toBe('out');
    expect(vars.get('out.level')!.tags.kind).toBeUndefined();
    expect(vars.get('out.level_range_validator')!.tags['hamilton.data_quality.source_node']).toBe('out.level');
    await expect(outer.rawExecute(['out'], { inputs: { y: 9 } })).rejects.toThrow('node "out.level" failed validator range');
  });

  it('nests: a subdag inside a subdag gets both namespaces', async () => {
    class Mid {
      @node() @subdag(Cleaning, { inputs: { scale: value(1) } }) sum(total: number): number {
        return total;
      }
    }
    class Top {
      @node() @subdag(Mid) top(sum: number): number {
        return sum;
      }
    }
    const top = new Driver({}, Top);
    expect(top.listAvailableVariables().map((v) => v.name)).toEqual(expect.arrayContaining(['top.sum.total', 'top.sum', 'raw']));
    expect((await top.rawExecute(['top'], { inputs: { raw: [1, 2] } })).top).toBe(3);
  });

  it('reads parameters listed in externalInputs from the outer graph, by their own name', async () => {
    class WithFx {
      @node() fx(): number {
        return 2;
      }
      @node()
      @subdag(Cleaning, { inputs: { raw: source('usSpend'), scale: value(1) }, externalInputs: ['fx', 'bonus'] })
      usd(total: number, fx: number, bonus: number): number {
        return total * fx + bonus;
      }
    }
    const withFx = new Driver({}, WithFx);
    const byName = new Map(withFx.listAvailableVariables().map((v) => [v.name, v]));
    expect(byName.get('usd')!.requiredDependencies).toEqual(['usd.total', 'fx', 'bonus']);
    expect(byName.get('bonus')!.isExternalInput).toBe(true);
    // "bonus" names a subdag node too (under config mode): the outer graph wins, as in Hamilton.
    expect(byName.has('usd.bonus')).toBe(false);
    expect((await withFx.rawExecute(['usd'], { inputs: { usSpend: [1, 2], bonus: 1 } })).usd).toBe(7);
  });
});
