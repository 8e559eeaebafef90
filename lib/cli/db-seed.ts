// npm run db:seed – adds the catalog, slots and default settings that are missing; safe to run twice.
import { getDb } from "@/db";
import { countSeededRows, seedDatabase } from "@/db/seed";
import { runCli } from "./run";

runCli(async () => {
  const db = await getDb();
  await seedDatabase(db);
  const counts = await countSeededRows(db);
  console.log(`db:seed: ${Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(", ")}.`);
});
