import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a received secret with the expected one in constant time. Both are
 * hashed first so that neither the length nor a prefix leaks through timing.
 */
export function secretsMatch(received: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || typeof received !== "string") return false;
  const a = createHash("sha256").update(received).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? null;
}
