// npm run build – migrates a configured server database, then builds the app (Vercel runs this on deploy).
import { spawnSync } from "node:child_process";
import { getDbHandle } from "@/db";
import { migrateDatabase } from "@/db/client";
import { selectedDriver } from "@/lib/env";
import { runCli } from "./run";

runCli(async () => {
  if (selectedDriver() !== "pglite") {
    await migrateDatabase(await getDbHandle());
    console.log(`build: migrations applied (${selectedDriver()}).`);
  }
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  return result.status ?? 1;
});
