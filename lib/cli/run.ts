import { closeDb } from "@/db";
import { EnvError, loadEnvFiles } from "@/lib/env";

/** Runs a command-line task: loads .env files, reports a bad configuration in one line, closes the database. */
export function runCli(task: (args: string[]) => Promise<number | void>): void {
  (async () => {
    await loadEnvFiles();
    const code = await task(process.argv.slice(2));
    await closeDb();
    process.exit(code ?? 0);
  })().catch(async (error: unknown) => {
    if (error instanceof EnvError) console.error(error.message);
    else console.error(error);
    await closeDb().catch(() => {});
    process.exit(1);
  });
}
