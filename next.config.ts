import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its Postgres as WASM + data files that must be loaded from
  // node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@vercel/postgres", "@neondatabase/serverless", "telegraf", "midtrans-client"],
  // Migrations are read from disk by the embedded database on first use.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
