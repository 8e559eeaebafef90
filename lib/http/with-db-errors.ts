import { isTransientDbError } from "@/db";

/**
 * Answers 503 (with Retry-After) when the database cannot do the work right
 * now, instead of a bare 500: the caller may simply try again.
 */
export function withDbErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isTransientDbError(error)) throw error;
      console.error(`[db] request not served, database unavailable: ${(error as Error).message}`);
      return Response.json({ error: "Layanan sedang sibuk, silakan coba lagi." }, { status: 503, headers: { "retry-after": "5" } });
    }
  };
}
