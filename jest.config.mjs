// Jest runs every suite (DESIGN §11). Projects decide where each suite runs:
// unit tests twice (server in UTC and in Asia/Jakarta); the database, HTTP and
// reliability suites on PGlite, or, when TEST_DATABASE_URL is set, on the real
// Postgres, together with the suites that only make sense there (races,
// @vercel/postgres) and, on PGlite too, the ones the demo depends on (below).
import fs from "node:fs";
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const hasChromium = fs.existsSync(process.env.CHROMIUM_PATH || "/usr/bin/chromium");

const common = {
  testEnvironment: "node",
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  setupFiles: ["<rootDir>/tests/support/setup-env.ts", "<rootDir>/tests/support/after-response.ts"],
  // drizzle's `is()` with its answers remembered: a tenth of a database test's CPU (tests/support/drizzle-entity.cjs).
  resolver: "<rootDir>/tests/support/jest-resolver.cjs",
};

// With a Postgres to test on (CI), a suite runs on PGlite as well only where the embedded database is what it tests:
// the reliability suites (faults of each driver, a restart on the same data folder) and the demo's own paths (its
// migrations, seed and playground data, the playground's and health routes). The other database and HTTP suites test
// the shop's logic through lib and db, the same SQL on either driver, and run on the production driver alone: on
// both, CI's tests took 678-722 s; with the HTTP suites on Postgres alone 583 s; with the database suites too (and
// the browser's single-threaded V8) 546 -> 484 s, one clean-clone run each.
const ON_PGLITE_TOO = [
  "<rootDir>/tests/db/migrations/**/*.test.ts",
  "<rootDir>/tests/db/playground/**/*.test.ts",
  "<rootDir>/tests/db/seed/**/*.test.ts",
  "<rootDir>/tests/http/playground/**/*.test.ts",
  "<rootDir>/tests/http/health/**/*.test.ts",
  "<rootDir>/tests/reliability/*.test.ts",
];

async function project(displayName, config) {
  const { setupFiles = [], ...rest } = config;
  return createJestConfig({ ...common, displayName, ...rest, setupFiles: [...common.setupFiles, ...setupFiles] })();
}

export default async function config() {
  const projects = [
    await project("unit (TZ=UTC)", {
      testMatch: ["<rootDir>/tests/unit/**/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/tz-utc.ts"],
    }),
    await project("unit (TZ=Asia/Jakarta)", {
      testMatch: ["<rootDir>/tests/unit/**/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/tz-jakarta.ts"],
    }),
    await project("db+http on PGlite", {
      testMatch: hasPostgres
        ? ON_PGLITE_TOO
        : ["<rootDir>/tests/db/**/*.test.ts", "<rootDir>/tests/http/**/*.test.ts", "<rootDir>/tests/reliability/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/db-pglite.ts"],
    }),
  ];
  if (hasPostgres) {
    projects.push(
      await project("db+http on Postgres", {
        testMatch: [
          "<rootDir>/tests/db/**/*.test.ts",
          "<rootDir>/tests/http/**/*.test.ts",
          "<rootDir>/tests/postgres/**/*.test.ts",
          // tests/reliability/postgres/: faults only a server can have (a backend terminated mid-transaction).
          "<rootDir>/tests/reliability/**/*.test.ts",
        ],
        setupFiles: ["<rootDir>/tests/support/db-postgres.ts"],
      }),
    );
  } else {
    console.log("TEST_DATABASE_URL is not set: database suites run on PGlite only (set it to add real Postgres).");
  }
  if (hasChromium) {
    projects.push(
      await project("e2e (Chromium)", {
        testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
        testEnvironment: "<rootDir>/tests/support/e2e-environment.cjs",
        // One Chromium for the run, which each file connects to (tests/support/browser.ts launchBrowser).
        globalSetup: "<rootDir>/tests/support/e2e-browser-server.ts",
        globalTeardown: "<rootDir>/tests/support/e2e-browser-server-stop.ts",
      }),
    );
  } else {
    console.log("No /usr/bin/chromium: browser suites not run (apt-get install -y chromium).");
  }
  // CI: 3 workers on 2 cores. A database test file waits on the Postgres server, a browser file on `next start` and
  // Chromium, so 2 workers leave the cores idle at times; but each more worker costs CPU of its own (its warm-up, and
  // the workers crowding two cores). tests/db on PGlite (`npx jest --selectProjects "db+http on PGlite"
  // --testPathPatterns tests/db/ -w N`, machine CPU from /proc/stat around it): 4 workers 68 s and 131 CPU-s, 3 workers
  // 59-63 s and 114-122 CPU-s; on Postgres 45.4 s with 4, 45.1 s with 3, 47.7 s with 2.
  return { projects, testTimeout: 60_000, maxWorkers: process.env.CI ? 3 : "50%" };
}
