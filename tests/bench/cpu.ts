import fs from "node:fs";
import os from "node:os";

/**
 * Where the CPU went during a measurement, read from /proc (Linux): the app's
 * processes (and their main JS thread, which is what saturates first in Node),
 * the Postgres backends serving the bench database, the load generator (this
 * process, autocannon's worker threads included), and the rest of the machine
 * (other people's work on a shared box). Each share is in "% of one core".
 */
export interface CpuShares {
  wallMs: number;
  cores: number;
  /** All app processes together. */
  app: number;
  /** The busiest app process's main thread: 100 means its event loop never rested. */
  appMainThread: number;
  /** That thread's time ready to run but waiting for a core (run queue); running + waiting ≈ 100 means CPU-bound. */
  appMainWaiting: number;
  postgres: number;
  loadGenerator: number;
  other: number;
  /** Whole machine busy, % of all cores. */
  machineBusy: number;
}

const TICK_MS = 10; // CLK_TCK is 100 on Linux

function readTicks(statPath: string): number {
  try {
    const stat = fs.readFileSync(statPath, "utf8");
    // The command name (field 2) may contain spaces: count fields after its closing paren.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0; // the process is gone
  }
}

function readMachine(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** Nanoseconds a thread spent waiting in the run queue (/proc/…/schedstat, field 2). */
function readRunQueueWaitMs(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
  } catch {
    return 0;
  }
}

interface Snapshot {
  at: number;
  app: number[];
  appMain: number[];
  appMainWait: number[];
  postgres: Map<number, number>;
  self: number;
  machine: { busy: number; total: number };
}

function snapshot(appPids: number[], postgresPids: number[]): Snapshot {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    app: appPids.map((pid) => readTicks(`/proc/${pid}/stat`)),
    appMain: appPids.map((pid) => readTicks(`/proc/${pid}/task/${pid}/stat`)),
    appMainWait: appPids.map(readRunQueueWaitMs),
    postgres: new Map(postgresPids.map((pid) => [pid, readTicks(`/proc/${pid}/stat`)])),
    self: (usage.user + usage.system) / 1000,
    machine: readMachine(),
  };
}

/**
 * Runs `work` and reports the CPU each party used meanwhile. `postgresPids` is
 * asked again at the end, so backends opened during the run are counted from
 * their start.
 */
export async function measureCpu<T>(
  parties: { appPids: number[]; postgresPids: () => Promise<number[]> },
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuShares }> {
  const pidsBefore = await parties.postgresPids();
  const before = snapshot(parties.appPids, pidsBefore);
  const result = await work();
  const pidsAfter = await parties.postgresPids();
  const after = snapshot(parties.appPids, pidsAfter);
  const wallMs = after.at - before.at;
  const pct = (ms: number) => (100 * ms) / wallMs;
  const appMs = after.app.reduce((sum, ticks, i) => sum + (ticks - (before.app[i] ?? 0)) * TICK_MS, 0);
  const mainMs = after.appMain.map((ticks, i) => (ticks - (before.appMain[i] ?? 0)) * TICK_MS);
  const busiest = mainMs.indexOf(Math.max(...mainMs));
  const appMainMs = mainMs[busiest] ?? 0;
  const appMainWaitMs = (after.appMainWait[busiest] ?? 0) - (before.appMainWait[busiest] ?? 0);
  let postgresMs = 0;
  for (const [pid, ticks] of after.postgres) postgresMs += (ticks - (before.postgres.get(pid) ?? 0)) * TICK_MS;
  const selfMs = after.self - before.self;
  const machineTotal = after.machine.total - before.machine.total;
  const machineBusyMs = ((after.machine.busy - before.machine.busy) / Math.max(1, machineTotal)) * wallMs * os.cpus().length;
  return {
    result,
    cpu: {
      wallMs,
      cores: os.cpus().length,
      app: pct(appMs),
      appMainThread: pct(appMainMs),
      appMainWaiting: pct(appMainWaitMs),
      postgres: pct(postgresMs),
      loadGenerator: pct(selfMs),
      other: Math.max(0, pct(machineBusyMs - appMs - postgresMs - selfMs)),
      machineBusy: (100 * machineBusyMs) / (wallMs * os.cpus().length),
    },
  };
}

/**
 * What limited a measurement, read off the CPU shares: a saturated event loop,
 * all cores busy (and who had them), or neither (the time went to waiting: on
 * the database's locks or round trips, or on the client's own pacing).
 */
export function describeLimit(cpu: CpuShares): string {
  const parts = `app ${cpu.app.toFixed(0)} % (main thread ${cpu.appMainThread.toFixed(0)} % running + ${cpu.appMainWaiting.toFixed(0)} % waiting for a core), Postgres ${cpu.postgres.toFixed(0)} %, load generator ${cpu.loadGenerator.toFixed(0)} %, other work on the machine ${cpu.other.toFixed(0)} %`;
  let verdict: string;
  const demand = cpu.appMainThread + cpu.appMainWaiting;
  if (demand >= 90) {
    verdict =
      cpu.appMainWaiting >= 15
        ? `app CPU: its one JS thread always wanted a core (running ${cpu.appMainThread.toFixed(0)} %, ${cpu.appMainWaiting.toFixed(0)} % waiting while the ${cpu.cores} cores served others)`
        : "app CPU: its one JS thread is saturated";
  } else if (cpu.machineBusy >= 85) {
    const shares: [string, number][] = [
      ["app", cpu.app],
      ["Postgres", cpu.postgres],
      ["load generator", cpu.loadGenerator],
      ["other work on the machine", cpu.other],
    ];
    shares.sort((a, b) => b[1] - a[1]);
    verdict = `CPU: all ${cpu.cores} cores busy, most by ${shares[0]![0]}`;
  } else if (cpu.postgres > cpu.app) verdict = "database: Postgres uses more CPU than the app, and no core is saturated";
  else verdict = "waiting, not CPU: no core saturated (round trips, locks or client pacing)";
  return `${verdict} — CPU in % of one core: ${parts}; machine ${cpu.machineBusy.toFixed(0)} % busy`;
}
