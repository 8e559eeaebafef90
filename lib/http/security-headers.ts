/**
 * The security headers of every page (set by proxy.ts). Script runs only with
 * this response's nonce (Next.js puts it on its own scripts) or when loaded by
 * such a script ('strict-dynamic': the status page adds snap.js); the host list
 * is the fallback for browsers without 'strict-dynamic'. Status tokens live in
 * URLs, so the referrer never carries a path to another site.
 */
export interface PageSecurityInput {
  nonce: string;
  /** Snap's origins (snap.js, its popup iframe, its API): script, frame and connect sources. */
  snapOrigins: string[];
  /** The app is served over https: HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev` needs eval and its HMR socket. */
  development: boolean;
  /** Only the playground's simulated Snap page is shown in a frame, and only by this site (its snap.js). */
  frameableBySelf: boolean;
}

/** Where botStartLink sends a customer with a real bot (lib/env.ts). */
export const TELEGRAM_DEEP_LINK_ORIGIN = "https://t.me";

export function pageSecurityHeaders(input: PageSecurityInput): Record<string, string> {
  const snap = input.snapOrigins.join(" ");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${input.nonce}' 'strict-dynamic' ${snap}${input.development ? " 'unsafe-eval'" : ""}`,
    // React's style attributes and snap.js' overlay styles are inline: no nonce can cover attributes.
    `style-src 'self' 'unsafe-inline' ${snap}`,
    `img-src 'self' data: blob: ${snap}`,
    "font-src 'self' data:",
    `connect-src 'self' ${snap}${input.development ? " ws: wss:" : ""}`,
    `frame-src 'self' ${snap}`,
    "object-src 'none'",
    "base-uri 'self'",
    // The home page's form posts here and is answered with a redirect to the bot's t.me deep link: browsers hold
    // a form's redirect to form-action too (Chromium blocked it as "Sending form data to …/reservasi").
    `form-action 'self' ${TELEGRAM_DEEP_LINK_ORIGIN}`,
    `frame-ancestors ${input.frameableBySelf ? "'self'" : "'none'"}`,
    ...(input.https ? ["upgrade-insecure-requests"] : []),
  ];
  return {
    "Content-Security-Policy": directives.join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": input.frameableBySelf ? "SAMEORIGIN" : "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(input.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** For JSON and webhook answers (no proxy runs for /api): nothing in them may be sniffed, framed or run. */
export const API_SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
