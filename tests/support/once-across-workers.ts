import fs from "node:fs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `make` once across concurrent Jest workers (and test runs): the others
 * wait on the lock file, then find `isDone()`. A lock older than `staleMs` is
 * taken to be left by a killed run.
 */
export async function onceAcrossWorkers(
  { lock, isDone, staleMs, pollMs }: { lock: string; isDone: () => boolean; staleMs: number; pollMs: number },
  make: () => Promise<void> | void,
): Promise<void> {
  for (;;) {
    if (isDone()) return;
    let fd: number | undefined;
    try {
      fd = fs.openSync(lock, "wx");
    } catch {
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > staleMs) fs.rmSync(lock, { force: true });
      await sleep(pollMs);
      continue;
    }
    try {
      if (!isDone()) await make();
      return;
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}
