import { after } from "next/server";

/** What runs a piece of post-response work where Next.js is not serving the request. */
export type AfterResponseRunner = (work: () => Promise<void>) => void;

// On globalThis, like the database handle: a test that loads the app's modules afresh still finds its harness's runner.
const slot = globalThis as unknown as { __jiotAfterResponseRunner?: AfterResponseRunner | null };

/**
 * Runs `work` once the response has gone out: on Vercel `after` keeps the
 * function alive for it. Its failure is logged, never the caller's: the answer
 * has been given, and what did not happen is retried by the due-work job.
 *
 * Outside a Next.js request there is no response to follow, and Next's `after`
 * throws. Whoever serves handlers without Next (a test harness) installs a
 * runner first with `setAfterResponseRunner` and decides when the work runs;
 * scripts do not call this, they run their follow-ups themselves.
 */
export function afterResponse(work: () => Promise<unknown>): void {
  const guarded = () =>
    work().then(
      () => undefined,
      (error: unknown) => console.error(`[after-response] work after the answer failed: ${(error as Error).message}`),
    );
  const runner = slot.__jiotAfterResponseRunner;
  if (runner) runner(guarded);
  else after(guarded);
}

/** Installs (or, with null, removes) the runner used instead of Next's `after`. */
export function setAfterResponseRunner(next: AfterResponseRunner | null): void {
  slot.__jiotAfterResponseRunner = next;
}
