import { readdir } from 'node:fs/promises';
import type { Scenario } from './scenario.js';

const SCENARIO_DIR = new URL('../scenarios/', import.meta.url);

/**
 * Every scenario in bench/scenarios/: each `.ts` file default-exports a scenario or a list of them.
 * Adding an engine's benchmark is adding a file; nothing here lists them by name.
 */
export async function discoverScenarios(): Promise<Scenario[]> {
  const files = (await readdir(SCENARIO_DIR)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const found: Scenario[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, SCENARIO_DIR).href)) as { default?: Scenario | Scenario[] };
    const exported = module.default;
    const list = Array.isArray(exported) ? exported : exported ? [exported] : [];
    if (list.length === 0 || !list.every(isScenario))
      throw new Error(`bench/scenarios/${file} must default-export a Scenario (id, title, description, run) or an array of them`);
    found.push(...list);
  }
  const ids = new Set<string>();
  for (const s of found) {
    if (ids.has(s.id)) throw new Error(`two scenarios share the id "${s.id}"; give each file's scenario its own id`);
    ids.add(s.id);
  }
  return found.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
}

function isScenario(value: unknown): value is Scenario {
  const s = value as Partial<Scenario> | null;
  return !!s && typeof s.id === 'string' && typeof s.title === 'string' && typeof s.run === 'function';
}
