import type { SignedInAdmin } from "@/db/queries/admins";

/**
 * Two roles. Staff run the day: orders, payments, the audit trail. Only the
 * owner changes what the shop sells and when (catalog, prices, schedule,
 * settings), the bot's webhook, and who may sign in.
 */
export type AdminRole = SignedInAdmin["role"];

export function isOwner(admin: Pick<SignedInAdmin, "role">): boolean {
  return admin.role === "owner";
}

export const OWNER_ONLY_MESSAGE = "Hanya pemilik toko yang dapat melakukan ini.";
