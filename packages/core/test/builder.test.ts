import 'reflect-metadata';
import { AsyncDriver, Builder, config, Driver, type GraphAdapter, GraphBuildError, node } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';
import { describe, expect, it } from '@jest/globals';
import { ColumnTable } from 'arquero';

class Base {
  @node() greeting(name: string): string {
    return `hello ${name}`;
  }
  @node() @config.when({ loud: true }) shout__loud(greeting: string): string {
    return greeting.toUpperCase();
  }
  @node() @config.whenNot({ loud: true }) shout__quiet(greeting: string): string {
    return greeting;
  }
}
class Extra {
  @node() length(shout: string): number {
    return shout.length;
  }
}
class Replacement {
  @node() greeting(name: string): string {
    return `hi ${name}`;
  }
}

describe('Builder', () => {
  it('builds a Driver from modules added in several calls', async () => {
    const dr = new Builder().withModules(Base).withModules(Extra).withConfig({ name: 'ann' }).build();
    expect(dr).toBeInstanceOf(Driver);
    expect(dr).not.toBeInstanceOf(AsyncDriver);
    expect(await dr.rawExecute(['length', 'shout'])).toEqual({ length: 9, shout: 'hello ann' });
  });

  it('merges config across withConfig calls, later keys winning', async () => {
    const dr = new Builder().withModules(Base).withConfig({ name: 'ann', loud: false }).withConfig({ loud: true }).build();
    expect(dr.graph.config).toEqual({ name: 'ann', loud: true });
    expect(await dr.rawExecute(['shout'])).toEqual({ shout: 'HELLO ANN' });
  });

  it('appends adapters across withAdapters calls, keeping their order', async () => {
    const log: string[] = [];
    const named = (label: string): GraphAdapter => ({ preNodeExecute: ({ node: v }) => void log.push(`${label}:${v.name}`) });
    const dr = new Builder().withModules(Base).withAdapters(named('a')).withAdapters(named('b'), new DictResult()).build();
    expect(await dr.execute(['greeting'], { inputs: { name: 'x' } })).toEqual({ greeting: 'hello x' });
    expect(log).toEqual(['a:greeting', 'b:greeting']);
  });

  it('fails on duplicate nodes unless allowModuleOverrides, then the later module wins', async () => {
    expect(() => new Builder().withModules(Base, Replacement).build()).toThrow(GraphBuildError);
    expect(() => new Builder().withModules(Base, Replacement).build()).toThrow(
      'node "greeting" is defined twice: by Base.greeting and by Replacement.greeting',
    );
    const dr = new Builder().withModules(Base, Replacement).allowModuleOverrides().build();
    expect(await dr.rawExecute(['shout'], { inputs: { name: 'bo' } })).toEqual({ shout: 'hi bo' });
  });

  it('defaults to the arquero table result, like Driver', async () => {
    const t = await new Builder()
      .withModules(Base)
      .build()
      .execute(['greeting'], { inputs: { name: 'x' } });
    expect(t).toBeInstanceOf(ColumnTable);
  });

  it('builds independent drivers: later changes to the builder do not leak into a built one', async () => {
    const builder = new Builder().withModules(Base).withConfig({ name: 'ann' });
    const first = builder.build();
    builder.withConfig({ name: 'bob' }).withModules(Extra);
    expect(await first.rawExecute(['greeting'])).toEqual({ greeting: 'hello ann' });
    expect(() => first.whatIsUpstreamOf('length')).toThrow('unknown node: "length"');
    expect(await builder.build().rawExecute(['length'])).toEqual({ length: 9 });
  });
});
