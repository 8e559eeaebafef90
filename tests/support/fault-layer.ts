import { pause, type FakeAnswer } from "./serve-fake";

/** What a fault does to one call: hold it, drop it, or answer instead of the provider. */
export interface FaultEffect {
  delayMs?: number;
  /** No answer: the connection is dropped after this long (without the provider acting). */
  dropAfterMs?: number;
  /** Answered instead of the provider's answer (which then never acts). */
  respond?: Response;
}

/**
 * Faults waiting for the calls they break, in the order they were asked for:
 * each applies to the next `times` calls of its route (any route when none).
 */
export class FaultQueue<F> {
  private rules: { fault: F; route?: string; left: number }[] = [];

  add(fault: F, { route, times = Infinity }: { route?: string; times?: number } = {}): void {
    if (times > 0) this.rules.push({ fault, route, left: times });
  }

  /** The fault the next call of `route` gets, if any; it is used up by this call. */
  take(route: string): F | undefined {
    const rule = this.rules.find((r) => r.route === undefined || r.route === route);
    if (!rule) return undefined;
    if (--rule.left <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule.fault;
  }

  /** The next fault of `route` without using it up. */
  peek(route: string): F | undefined {
    return this.rules.find((r) => r.route === undefined || r.route === route)?.fault;
  }

  clear(route?: string): void {
    this.rules = route === undefined ? [] : this.rules.filter((r) => r.route !== route);
  }
}

/** Runs the provider (`pass`) through a fault's effect: late, not at all, or in its place. */
export async function applyFault(effect: FaultEffect | undefined, signal: AbortSignal, pass: () => Promise<Response>): Promise<FakeAnswer> {
  if (effect?.delayMs) await pause(effect.delayMs, signal);
  if (effect?.dropAfterMs !== undefined) return { dropAfterMs: effect.dropAfterMs };
  return effect?.respond ?? pass();
}
