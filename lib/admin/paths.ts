/** Where to go after login: only a path inside /admin (never another site, never `//host`). */
export function safeAdminPath(next: string | undefined | null): string {
  if (!next || !/^\/admin(\/|$|\?)/.test(next) || next.startsWith("/admin/login")) return "/admin";
  return next;
}
