import { AsyncLocalStorage } from "node:async_hooks";

export interface ScopedState<S> {
  /** The state the current request runs on: its own (run), else the process's. */
  current(): S;
  /** Runs `work` (and everything it starts) on this state instead of the process's. */
  run<T>(state: S, work: () => T): T;
  /** Replaces the process's state by a fresh one and answers the old one, if any. */
  replace(): S | undefined;
}

/**
 * A simulator's state: one per process for the playground (globalThis, shared
 * by every route bundle of one `next start`, the way db/index.ts caches its
 * handle), or one of a test's own for the requests it serves.
 */
export function scopedState<S>(globalKey: string, create: () => S): ScopedState<S> {
  const holder = globalThis as unknown as Record<string, S | undefined>;
  const scoped = new AsyncLocalStorage<S>();
  return {
    current: () => scoped.getStore() ?? (holder[globalKey] ??= create()),
    run: (state, work) => scoped.run(state, work),
    replace() {
      const old = holder[globalKey];
      holder[globalKey] = create();
      return old;
    },
  };
}
