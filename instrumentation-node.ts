import { EnvError, getEnv } from "@/lib/env";

// A configuration the env check refuses stops `next start` (or a Vercel function's cold start)
// here, in the check's one line, not at each request.
try {
  getEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
