// Every page request: the admin's first gate, the playground's off switch, and the security headers.
import { NextResponse, type NextRequest } from "next/server";
import { adminGateAnswer } from "@/lib/admin/page-gate";
import { getEnv } from "@/lib/env";
import { clearForwardedFor } from "@/lib/http/client-ip";
import { pageSecurityHeaders } from "@/lib/http/security-headers";
import { snapBrowserOrigins } from "@/lib/payments/midtrans-hosts";

export function proxy(request: NextRequest) {
  const env = getEnv();
  const { pathname } = request.nextUrl;
  if (!env.PLAYGROUND && (pathname === "/playground" || pathname.startsWith("/playground/"))) {
    return new NextResponse("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
  }
  const refused = adminGateAnswer(request, pathname);
  if (refused) return refused;

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = pageSecurityHeaders({
    nonce,
    snapOrigins: env.PLAYGROUND ? [] : snapBrowserOrigins(env),
    https: new URL(env.APP_URL).protocol === "https:",
    development: env.NODE_ENV === "development",
    frameableBySelf: pathname.startsWith("/playground/midtrans/pay/"),
  });
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  clearForwardedFor(requestHeaders, env);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages, server actions and the admin's own routes; not /api (webhooks stay lean: next.config.ts sets their headers) nor static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|txt)$).*)"],
};
