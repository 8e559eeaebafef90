import { setAfterResponseRunner } from "@/lib/http/after-response";

/**
 * Jest serves route handlers and server actions without Next.js, so there is
 * no `after`. Here post-response work starts at once, as Next would start it
 * once the answer is out, and whoever plays the server (serveRoutes, postUpdate)
 * waits for it with settleAfterResponse before handing the answer to the test,
 * so a test sees a request's follow-ups done. Installed for every suite (jest.config).
 */
const pending = new Set<Promise<void>>();

function runNow(work: () => Promise<void>): void {
  const running = work().finally(() => pending.delete(running));
  pending.add(running);
}

setAfterResponseRunner(runNow);

/** Waits until no post-response work is left, including work that work started. */
export async function settleAfterResponse(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/**
 * For a test playing an instance that answers and is then gone (its
 * post-response work never ran): work after the answer is dropped until
 * restoreAfterResponse puts the usual runner back.
 */
export function dropAfterResponse(): void {
  setAfterResponseRunner(() => {});
}

export function restoreAfterResponse(): void {
  setAfterResponseRunner(runNow);
}
