import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { findAdminByUsername } from "@/db/queries/admins";
import { setTechnicianDuty } from "@/db/queries/technicians";
import { createOrResetAdmin } from "@/lib/admin/create-admin";
import { weekdaysMask } from "@/lib/booking/technicians";

/** The demo's two technicians, on different days: Monday one place per slot, Tuesday–Saturday two, Sunday one. */
export const DEMO_TECHNICIANS = [
  { username: "teknisi.andi", weekdays: [1, 2, 3, 4, 5, 6] },
  { username: "teknisi.bayu", weekdays: [2, 3, 4, 5, 6, 0] },
] as const;

/**
 * Made on the demo's first start (playground only), each with a random
 * password returned only then, like the demo admin; on later starts left as
 * the owner set them.
 */
export async function ensureDemoTechnicians(db: Database): Promise<{ username: string; password: string }[]> {
  const created: { username: string; password: string }[] = [];
  for (const { username, weekdays } of DEMO_TECHNICIANS) {
    if (await findAdminByUsername(db, { username })) continue;
    const password = randomBytes(12).toString("base64url");
    const { id } = await createOrResetAdmin(db, { username, password });
    await setTechnicianDuty(db, { id, technician: true, workingWeekdays: weekdaysMask(weekdays) });
    created.push({ username, password });
  }
  return created;
}
