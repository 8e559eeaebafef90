import { pageSecurityHeaders } from "@/lib/http/security-headers";
import { snapBrowserOrigins } from "@/lib/payments/midtrans-hosts";
import { parseEnv } from "@/lib/env";

const base = { nonce: "bm9uY2U=", snapOrigins: ["https://app.sandbox.midtrans.com"], https: false, development: false, frameableBySelf: false };

function directives(headers: Record<string, string>): Map<string, string> {
  return new Map(headers["Content-Security-Policy"]!.split("; ").map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)]));
}

describe("page security headers", () => {
  it("allow scripts only with this response's nonce (and what they load), Snap's host as the fallback", () => {
    const csp = directives(pageSecurityHeaders(base));
    expect(csp.get("script-src")).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic' https://app.sandbox.midtrans.com");
    expect(csp.get("script-src")).not.toContain("unsafe-inline");
    expect(csp.get("frame-src")).toContain("https://app.sandbox.midtrans.com");
    expect(csp.get("connect-src")).toContain("https://app.sandbox.midtrans.com");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    // Forms post only here; the home page's is answered with a redirect to the bot's t.me link, which form-action governs too.
    expect(csp.get("form-action")).toBe("'self' https://t.me");
  });

  it("send nosniff, a referrer policy that never leaks a status token's path, and no HSTS over http", () => {
    const headers = pageSecurityHeaders(base);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("add HSTS and upgrade-insecure-requests when the shop is served over https", () => {
    const headers = pageSecurityHeaders({ ...base, https: true });
    expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(directives(headers).has("upgrade-insecure-requests")).toBe(true);
  });

  it("let only this site frame the playground's simulated Snap page", () => {
    const headers = pageSecurityHeaders({ ...base, frameableBySelf: true });
    expect(directives(headers).get("frame-ancestors")).toBe("'self'");
    expect(headers["X-Frame-Options"]).toBe("SAMEORIGIN");
  });

  it("allow eval and the HMR socket under next dev only", () => {
    expect(directives(pageSecurityHeaders({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(pageSecurityHeaders(base)).get("script-src")).not.toContain("'unsafe-eval'");
  });
});

describe("Snap's origins for the policy", () => {
  it("are the sandbox hosts by default and the production hosts with MIDTRANS_IS_PRODUCTION", () => {
    expect(snapBrowserOrigins(parseEnv({}))).toEqual(["https://app.sandbox.midtrans.com", "https://api.sandbox.midtrans.com"]);
    expect(snapBrowserOrigins(parseEnv({ MIDTRANS_IS_PRODUCTION: "true" }))).toEqual(["https://app.midtrans.com", "https://api.midtrans.com"]);
  });

  it("follow a snap.js moved elsewhere (a stand-in)", () => {
    const origins = snapBrowserOrigins(parseEnv({ MIDTRANS_SNAP_JS_URL: "http://127.0.0.1:4010/snap/snap.js" }));
    expect(origins).toContain("http://127.0.0.1:4010");
  });
});
