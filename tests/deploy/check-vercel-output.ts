// npx tsx tests/deploy/check-vercel-output.ts <build log> – checks what `vercel build` made of vercel.json (.ci/run)
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const OUTPUT = path.join(ROOT, ".vercel/output");

interface VercelJson {
  functions?: Record<string, { maxDuration?: number }>;
  crons?: Array<{ path: string; schedule: string }>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

/** app/(group)/x/[id]/route.ts → x/[id]: where the route's function lands in .vercel/output/functions. */
function routeFunctionDir(file: string): string {
  const route = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((part) => !/^\(.*\)$/.test(part))
    .join("/");
  return path.join(OUTPUT, "functions", `${route || "index"}.func`);
}

function listFiles(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** The `functions` globs of vercel.json that this repository uses: `dir/**` + `/name`. */
function matches(glob: string, file: string): boolean {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .split("**/")
    .map((part) => part.replace(/\*/g, "[^/]*"))
    .join("(?:.*/)?");
  return new RegExp(`^${pattern}$`).test(path.relative(ROOT, file).split(path.sep).join("/"));
}

/**
 * Vercel's and Next's warnings. Two kinds of line are not counted: the notice
 * every local build prints (no Vercel system variables off Vercel), and npm's
 * own chatter while `vercel build` installs dependencies (EBADENGINE on a
 * machine whose Node differs from engines.node, install-script policy), which
 * says nothing about the deployment.
 */
const OFFLINE_NOTICE = "WARNING! Build not running on Vercel. System environment variables will not be available.";
function isWarning(line: string): boolean {
  const text = line.trim();
  if (text === OFFLINE_NOTICE || /^npm warn\b/i.test(text)) return false;
  return /\bwarn(ing)?\b|⚠/i.test(text);
}

export function checkVercelOutput(buildLog: string): string[] {
  const problems: string[] = [];
  const config = readJson<VercelJson>(path.join(ROOT, "vercel.json"));
  const routes = listFiles(path.join(ROOT, "app"), "route.ts");
  for (const [glob, { maxDuration }] of Object.entries(config.functions ?? {})) {
    const covered = routes.filter((file) => matches(glob, file));
    if (covered.length === 0) problems.push(`vercel.json functions "${glob}" matches no route`);
    for (const file of covered) {
      const vcConfig = path.join(routeFunctionDir(file), ".vc-config.json");
      if (!fs.existsSync(vcConfig)) {
        problems.push(`${path.relative(ROOT, file)}: no function at ${path.relative(ROOT, vcConfig)}`);
        continue;
      }
      const actual = readJson<{ maxDuration?: number }>(vcConfig).maxDuration;
      if (actual !== maxDuration) problems.push(`${path.relative(ROOT, file)}: maxDuration ${actual} in the output, ${maxDuration} in vercel.json`);
    }
  }
  const built = readJson<{ crons?: Array<{ path: string; schedule: string }> }>(path.join(OUTPUT, "config.json")).crons ?? [];
  for (const cron of config.crons ?? []) {
    if (!built.some((b) => b.path === cron.path && b.schedule === cron.schedule)) problems.push(`cron ${cron.path} (${cron.schedule}) missing from config.json`);
  }
  for (const line of buildLog.split("\n")) if (isWarning(line)) problems.push(`build warned: ${line.trim()}`);
  return problems;
}

if (require.main === module) {
  const logFile = process.argv[2];
  if (!logFile) {
    console.error("usage: tsx tests/deploy/check-vercel-output.ts <vercel build log>");
    process.exit(2);
  }
  const problems = checkVercelOutput(fs.readFileSync(logFile, "utf8"));
  for (const problem of problems) console.error(`deploy check: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log("deploy check: every route function has its maxDuration, every cron is scheduled, no build warning.");
}
