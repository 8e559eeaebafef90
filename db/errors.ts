/** SQLSTATE classes and codes after which the same request may succeed if retried. */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123]|40001|40P01|55P03|58)/;
const TRANSIENT_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const TRANSIENT_MESSAGES = [
  "Connection terminated",
  "connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "Cannot use a pool after calling end",
  "PGlite is closed",
  "terminating connection",
  "socket hang up",
];

/**
 * True when the database could not do the work now (down, restarting, overloaded,
 * serialization conflict): the caller answers 503 so the sender retries.
 * drizzle wraps driver errors, so the whole cause chain is inspected.
 */
export function isTransientDbError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === "string" && (TRANSIENT_SQLSTATE.test(e.code) || TRANSIENT_NODE_CODES.has(e.code))) return true;
    if (typeof e.message === "string" && TRANSIENT_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isTransientDbError(inner))) return true;
    current = e.cause;
  }
  return false;
}
