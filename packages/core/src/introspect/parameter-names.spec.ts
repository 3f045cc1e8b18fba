import { readParameters } from './parameter-names.js';

const names = (fn: Function) => {
  const r = readParameters(fn);
  return r.ok ? r.params.map((p) => `${p.name}${p.hasDefault ? '?' : ''}`) : `error: ${r.reason}`;
};

class Sample {
  plain(a: number, b: string) {
    return [a, b];
  }
  async withDefaults(signups: number, windowDays = 7, label = 'a,b', f = (x: number) => x + 1, o = { k: [1, 2] }) {
    return [signups, windowDays, label, f, o];
  }
  *gen(x: number) {
    yield x;
  }
  'computed(name)'(y: number) {
    return y;
  }
  commented(
    /* first */ a: number, // trailing
    b: number,
  ) {
    return a + b;
  }
  template(a = `${'x,'}(`, b = 2) {
    return [a, b];
  }
  destructured({ a }: { a: number }) {
    return a;
  }
  rest(...xs: number[]) {
    return xs;
  }
  none() {
    return 1;
  }
  trailingComma(a: number, b: number) {
    return a + b;
  }
}

test('reads method parameters, marking defaults optional', () => {
  const p = Sample.prototype;
  expect(names(p.plain)).toEqual(['a', 'b']);
  expect(names(p.withDefaults)).toEqual(['signups', 'windowDays?', 'label?', 'f?', 'o?']);
  expect(names(p.gen)).toEqual(['x']);
  expect(names(p['computed(name)'])).toEqual(['y']);
  expect(names(p.commented)).toEqual(['a', 'b']);
  expect(names(p.template)).toEqual(['a?', 'b?']);
  expect(names(p.none)).toEqual([]);
  expect(names(p.trailingComma)).toEqual(['a', 'b']);
});

test('reads functions and arrows', () => {
  expect(
    names(function named(x: number, y = 2) {
      return x + y;
    }),
  ).toEqual(['x', 'y?']);
  expect(names((a: number, b: number) => a + b)).toEqual(['a', 'b']);
  expect(names(async (a: number) => a)).toEqual(['a']);
  expect(names(((v: number) => v) as Function)).toEqual(['v']);
  // biome-ignore lint/security/noGlobalEval: an arrow function as the runtime wrote it, untouched by the TypeScript emit.
  expect(names(eval('async x => x'))).toEqual(['x']);
});

test('reports parameters it cannot read, saying which and why', () => {
  expect(names(Sample.prototype.destructured)).toBe('error: parameter 1 is destructured');
  expect(names(Sample.prototype.rest)).toBe('error: parameter 1 is a rest parameter');
  expect(names(Math.max)).toMatch(/not available/);
  expect(names(Sample.prototype.plain.bind(null))).toMatch(/not available/);
});
