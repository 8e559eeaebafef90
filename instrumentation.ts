// Next.js calls register() once as the server starts: a configuration the env check refuses stops
// `next start` (or a Vercel function's cold start) here, in the check's one line, not at each request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, getEnv } = await import("@/lib/env");
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
