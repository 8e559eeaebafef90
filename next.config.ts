import type { NextConfig } from "next";
import { API_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships its Postgres as WASM + data files that must be loaded from
  // node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@vercel/postgres", "@neondatabase/serverless", "telegraf", "midtrans-client"],
  // Migrations are read from disk by the embedded database on first use.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  poweredByHeader: false,
  // `next start` loads every route's bundle as it starts, on the thread that answers the first
  // request; a fresh instance loads only the route asked for (Vercel's functions do so anyway).
  experimental: { preloadEntriesOnStart: false },
  // .ci/run type-checks with `tsc --noEmit -p .` (same tsconfig) before it builds, and sets
  // CI_TYPES_CHECKED=1 so `next build` does not check the same files again (half of the build's time).
  // Everywhere else, Vercel included, the build checks types and fails on an error.
  typescript: { tsconfigPath: "tsconfig.json", ignoreBuildErrors: process.env.CI_TYPES_CHECKED === "1" },
  // Pages get theirs from proxy.ts (a nonce per response); /api answers are JSON only.
  async headers() {
    return [{ source: "/api/:path*", headers: Object.entries(API_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
