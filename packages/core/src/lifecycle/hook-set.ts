import type { GraphAdapter, HookName } from './hooks.js';

type Hook<K extends HookName> = NonNullable<GraphAdapter[K]>;

/** An adapter's hook bound to it, with the adapter's name for messages. */
export interface BoundHook<K extends HookName> {
  readonly adapter: string;
  readonly call: Hook<K>;
}

/** The hooks of a driver's adapters, grouped by name once so the hot path only checks array lengths. */
export class HookSet {
  private readonly byName = new Map<HookName, BoundHook<HookName>[]>();

  constructor(readonly adapters: readonly GraphAdapter[]) {
    for (const adapter of adapters)
      for (const name of hookNamesOf(adapter)) {
        const list = this.byName.get(name) ?? [];
        list.push({ adapter: adapterName(adapter), call: (adapter[name] as Function).bind(adapter) });
        this.byName.set(name, list);
      }
  }

  /** The bound hooks named `name`, in adapter order. */
  get<K extends HookName>(name: K): readonly BoundHook<K>[] {
    return (this.byName.get(name) ?? []) as unknown as BoundHook<K>[];
  }

  has(name: HookName): boolean {
    return this.byName.has(name);
  }

  /** Calls every hook named `name` in order, awaiting the async ones. */
  async callAll<K extends HookName>(name: K, event: Parameters<Hook<K>>[0]): Promise<void> {
    await this.callEach(name, event);
  }

  /**
   * Calls every hook named `name` in order; a promise only once a hook returns one (the rest then
   * wait for it), so synchronous hooks on the per-node path cost no promise at all.
   */
  callEach<K extends HookName>(name: K, event: Parameters<Hook<K>>[0], from = 0): Promise<void> | undefined {
    const hooks = this.get(name);
    for (let i = from; i < hooks.length; i++) {
      const result = (hooks[i].call as (e: unknown) => unknown)(event);
      if (isThenable(result)) return Promise.resolve(result).then(() => this.callEach(name, event, i + 1));
    }
    return undefined;
  }
}

const HOOKS: readonly HookName[] = [
  'postGraphConstruct',
  'preGraphExecute',
  'postGraphExecute',
  'preNodeExecute',
  'postNodeExecute',
  'doNodeExecute',
  'runNode',
  'buildResult',
  'validateNode',
  'validateGraph',
  'validateInput',
  'checkEdgeTypesMatch',
];

function hookNamesOf(adapter: GraphAdapter): HookName[] {
  return HOOKS.filter((h) => typeof (adapter as Record<string, unknown>)[h] === 'function');
}

/** A readable adapter name: its class name, or `adapter` for plain objects. */
export function adapterName(adapter: object): string {
  const name = adapter.constructor?.name;
  return name && name !== 'Object' ? name : 'adapter';
}

/**
 * The first answer other than `undefined` of a validation hook (`validateInput`, `checkEdgeTypesMatch`),
 * with the adapter that gave it; `undefined` when every hook leaves the built-in check to decide.
 */
export function firstVerdict<E>(hooks: readonly BoundHook<HookName>[], event: E): { verdict: unknown; adapter: string } | undefined {
  for (const hook of hooks) {
    const verdict: unknown = (hook.call as (e: E) => unknown)(event);
    if (verdict !== undefined) return { verdict, adapter: hook.adapter };
  }
  return undefined;
}

/** True for promises and promise-likes: the only values the executor awaits. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function'
  );
}
