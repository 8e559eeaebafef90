import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { clientIpOf } from "@/lib/http/client-ip";
import { adminOfSessionToken, type SignedInAdmin } from "./auth";
import { seesEveryBranch, WHOLE_SHOP_ONLY } from "./branch-scope";
import { sessionCookieName } from "./cookie";
import { isOwner, OWNER_ONLY_MESSAGE } from "./roles";

/**
 * The signed-in admin of the current request (pages, layouts, server actions), if any.
 * Read once per server render: the layout and the page both check it, one query answers both.
 */
export const currentAdmin = cache(async (): Promise<SignedInAdmin | undefined> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return adminOfSessionToken(await getDb(), token);
});

/**
 * For admin pages: the admin, or a redirect to the login page that comes back here afterwards.
 * `wholeShop`: a page over every branch's data (seesEveryBranch); staff of some branches only are
 * sent to their branches' orders. The check is in the page, where the data is read.
 */
export async function requireAdminPage(next = "/admin", { wholeShop = false }: { wholeShop?: boolean } = {}): Promise<SignedInAdmin> {
  const admin = await currentAdmin();
  if (!admin) redirect(`/admin/login?next=${encodeURIComponent(next)}`);
  if (wholeShop && !(await seesEveryBranch(await getDb(), admin))) redirect("/admin/orders");
  return admin;
}

/** Why a server action refused to run; its message is what the admin reads. */
export class AdminSessionError extends Error {
  constructor(message = "Sesi admin berakhir. Silakan masuk lagi.") {
    super(message);
  }
}

/**
 * For server actions (Next checks their Origin against the host itself): the
 * admin, or AdminSessionError (no live session, or staff calling an owner's action).
 */
export async function requireAdminAction({ ownerOnly = false, wholeShop = false }: { ownerOnly?: boolean; wholeShop?: boolean } = {}): Promise<SignedInAdmin & { ip: string | null }> {
  const admin = await currentAdmin();
  if (!admin) throw new AdminSessionError();
  if (ownerOnly && !isOwner(admin)) throw new AdminSessionError(OWNER_ONLY_MESSAGE);
  if (wholeShop && !(await seesEveryBranch(await getDb(), admin))) throw new AdminSessionError(WHOLE_SHOP_ONLY);
  return { ...admin, ip: clientIpOf(await headers()) };
}
