import { EnvError, parseEnv } from "@/lib/env";

/** The message parseEnv refuses this configuration with; throws if it is accepted. */
export function envRefusal(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error("expected the configuration to be refused");
}
