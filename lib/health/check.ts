import { sql } from "drizzle-orm";
import { getDbHandle, type DriverName } from "@/db";

export type HealthReport =
  | { ok: true; db: "up"; driver: DriverName }
  | { ok: false; db: "down"; driver: DriverName | "unknown" };

const PING_TIMEOUT_MS = 3_000;

/** Asks the database for `select 1`; a database that does not answer in time is down. */
export async function checkHealth(): Promise<HealthReport> {
  let driver: DriverName | "unknown" = "unknown";
  try {
    const ping = (async () => {
      const handle = await getDbHandle();
      driver = handle.driver;
      await handle.db.execute(sql`select 1`);
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database ping timed out")), PING_TIMEOUT_MS);
    });
    await Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
    return { ok: true, db: "up", driver: driver as DriverName };
  } catch (error) {
    console.error(`[health] database check failed: ${(error as Error).message}`);
    return { ok: false, db: "down", driver };
  }
}
