import type { DagSpec, DepSpec, NodeSpec } from './random-dag.js';

/** A generated call: the pipeline and what one execution asks of it. */
export interface ParityCase {
  readonly spec: DagSpec;
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, number>>;
  readonly overrides: Readonly<Record<string, unknown>>;
}

const INPUTS = ['in0', 'in1', 'in2'];

/** A small deterministic generator (mulberry32), so a seed names a case exactly. */
function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random pipeline with fan-in, fan-out, async nodes, nodes that throw for some values, optional
 * inputs, and (in about half the cases) a parallelizable block; and a random call on it.
 */
export function parityCase(seed: number): ParityCase {
  const rnd = randomOf(seed);
  const chance = (p: number) => rnd() < p;
  const int = (max: number) => Math.floor(rnd() * max);
  const pick = <T>(list: readonly T[], most: number): T[] => list.filter(() => chance(most / Math.max(list.length, 1)));
  const nodes: NodeSpec[] = [];
  const outside: string[] = [];
  const flags = () => ({ async: chance(0.4), fragile: chance(0.15) });
  const inputDeps = (): DepSpec[] => pick(INPUTS, 1.2).map((name) => (chance(0.3) ? { name, fallback: int(9) } : { name }));
  const plain = (i: number) => {
    const name = `n${i}`;
    nodes.push({ name, deps: [...pick(outside, 2).map((d) => ({ name: d })), ...inputDeps()], role: 'plain', ...flags() });
    outside.push(name);
  };
  const plainCount = 2 + int(6);
  const blockAt = chance(0.5) ? int(plainCount) : -1;
  for (let i = 0; i < plainCount; i++) {
    if (i === blockAt) {
      nodes.push({ name: 'fan', deps: [{ name: 'in0' }, ...pick(outside, 1).map((d) => ({ name: d }))], role: 'parallel', ...flags() });
      const body: string[] = [];
      for (let j = 0, m = int(4); j < m; j++) {
        const name = `b${j}`;
        const inner = [...pick(body, 1.5), ...(body.length === 0 || chance(0.5) ? ['fan'] : [])];
        nodes.push({ name, deps: [...inner, ...pick(outside, 1)].map((d) => ({ name: d })), role: 'plain', ...flags() });
        body.push(name);
      }
      const gathered = body.at(-1) ?? 'fan';
      const deps = [{ name: gathered }, ...pick(outside, 1).map((d) => ({ name: d }))];
      nodes.push({ name: 'gather', deps, role: 'collect', collects: gathered, ...flags() });
      outside.push('gather');
    }
    plain(i);
  }
  const overrides: Record<string, unknown> = {};
  for (const n of nodes) {
    if (n.role === 'collect' || !chance(0.08)) continue;
    overrides[n.name] = n.role === 'parallel' ? [int(9), int(9)] : int(50);
  }
  const outputs = pick(outside, 2);
  if (outputs.length === 0) outputs.push(outside.at(-1)!);
  const inputs = Object.fromEntries(pick(INPUTS, 2.6).map((name) => [name, int(20)]));
  return { spec: { nodes }, outputs, inputs, overrides };
}
