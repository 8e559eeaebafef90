// npm run db:migrate [-- --if-server] – applies the committed migrations to the configured database.
import { getDbHandle } from "@/db";
import { migrateDatabase } from "@/db/client";
import { selectedDriver } from "@/lib/env";
import { runCli } from "./run";

runCli(async (args) => {
  const driver = selectedDriver();
  if (args.includes("--if-server") && driver === "pglite") {
    console.log("db:migrate: no server database configured; the embedded database migrates itself on first use.");
    return;
  }
  const handle = await getDbHandle();
  await migrateDatabase(handle);
  console.log(`db:migrate: migrations applied (${driver}).`);
});
