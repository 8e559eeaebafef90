import type { NextConfig } from "next";
import { API_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships its Postgres as WASM + data files that must be loaded from
  // node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@vercel/postgres", "@neondatabase/serverless", "telegraf", "midtrans-client"],
  // Migrations are read from disk by the embedded database on first use.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
  // Pages get theirs from proxy.ts (a nonce per response); /api answers are JSON only.
  async headers() {
    return [{ source: "/api/:path*", headers: Object.entries(API_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
