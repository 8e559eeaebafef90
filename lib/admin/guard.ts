import { getDb } from "@/db";
import { clientIp } from "@/lib/http/client-ip";
import { isSameOrigin } from "@/lib/http/same-origin";
import { adminOfSessionToken, type SignedInAdmin } from "./auth";
import { sessionTokenOf } from "./cookie";
import { isOwner } from "./roles";

export interface AdminContext {
  admin: SignedInAdmin;
  ip: string | null;
}

type AdminHandler<C> = (request: Request, admin: AdminContext, context: C) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * The one check in front of every admin route handler: a live admin session
 * (401 otherwise), for anything that changes state a same-origin request (403),
 * and for the owner's routes the owner (403 for staff).
 * `changesOnGet` is for the paper's GET URLs that act (/api/setWebhook).
 */
export function withAdmin<C = unknown>(
  handler: AdminHandler<C>,
  { changesOnGet = false, ownerOnly = false }: { changesOnGet?: boolean; ownerOnly?: boolean } = {},
) {
  return async (request: Request, context?: C): Promise<Response> => {
    const admin = await adminOfSessionToken(await getDb(), sessionTokenOf(request));
    if (!admin) return Response.json({ error: "unauthorized" }, { status: 401 });
    if ((changesOnGet || !SAFE_METHODS.has(request.method)) && !isSameOrigin(request)) {
      return Response.json({ error: "foreign origin" }, { status: 403 });
    }
    if (ownerOnly && !isOwner(admin)) return Response.json({ error: "owner only" }, { status: 403 });
    return handler(request, { admin, ip: clientIp(request) }, context as C);
  };
}
