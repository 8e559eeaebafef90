import { sessionTokenOf } from "./cookie";

const SESSION_TOKEN = /^[A-Za-z0-9_-]{32,100}$/;
const PUBLIC_ADMIN_PATHS = new Set(["/admin/login"]);

/**
 * The first gate in front of /admin (proxy.ts): a request with no session
 * cookie of the right shape never reaches a page, an action or a route. It
 * cannot tell a revoked or expired session (that needs the database), so every
 * page, action and route still checks the session itself.
 */
export function adminGateAnswer(request: Request, pathname: string): Response | undefined {
  if (pathname !== "/admin" && !pathname.startsWith("/admin/")) return undefined;
  if (PUBLIC_ADMIN_PATHS.has(pathname)) return undefined;
  if (SESSION_TOKEN.test(sessionTokenOf(request) ?? "")) return undefined;
  const isPage = request.headers.has("rsc") || (request.headers.get("accept") ?? "").includes("text/html");
  if ((request.method === "GET" || request.method === "HEAD") && isPage) {
    const login = new URL("/admin/login", request.url);
    login.searchParams.set("next", pathname);
    return Response.redirect(login, 307);
  }
  return Response.json({ error: "unauthorized" }, { status: 401 });
}
