import { after } from "next/server";

/**
 * Runs `work` once the response has gone out: on Vercel `after` keeps the
 * function alive for it. Outside a Next.js request (a test harness serving the
 * handler, a script) there is no "after": the work is done now and awaited, so
 * the caller sees it finished.
 */
export async function runAfterResponse(work: () => Promise<void>): Promise<void> {
  try {
    after(work);
    return;
  } catch {
    // called outside a request scope
  }
  await work();
}
