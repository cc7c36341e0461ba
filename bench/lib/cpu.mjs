import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, from /proc) spent by each side during a measured run: the server's
 * Node process, the PostgreSQL processes of the embedded cluster, and this process (autocannon).
 * Divided by the requests served, it says where a request's cost goes, and it is far less
 * disturbed by other load on the machine than wall-clock latency is. Linux only; elsewhere, or
 * with an external DATABASE_URL for PostgreSQL, the missing parts are null.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** One process's line of /proc/<pid>/stat: its name, parent, CPU ticks and start time; null once it ended. */
function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ": this list starts at
    // field 3 of proc(5), so ppid (4) is [1], utime and stime (14, 15) are [11], [12], starttime (22) [19].
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      start: fields[19],
    };
  } catch {
    return null;
  }
}

const numericEntries = () => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));

/** The postmaster and all its children (backends, WAL writer, checkpointer, autovacuum). */
function postgresPids(postmasterPid) {
  if (!postmasterPid) return [];
  return [postmasterPid, ...numericEntries().filter((e) => statOf(e)?.ppid === postmasterPid).map(Number)];
}

/** CPU ticks of each of `pids` that still runs, by pid. */
function ticksByPid(pids) {
  const seen = new Map();
  for (const pid of pids) {
    const t = statOf(pid);
    if (t) seen.set(pid, t.ticks);
  }
  return seen;
}

/**
 * Ticks used between two readings, each process against its own earlier reading: one that started
 * in between counts from 0, one that ended is left out (its fall must not hide others' use).
 */
function ticksUsed(before, after) {
  let used = 0;
  for (const [key, ticks] of after) used += ticks - (before.get(key) ?? 0);
  return used;
}

export function postmasterPidOf(embedded) {
  if (!embedded) return null;
  try {
    return Number(readFileSync(`${embedded.dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

/**
 * Starts counting; the returned function stops and answers CPU seconds per part. Processes that
 * start during the run (a new pool connection) count from 0, ones that end are counted until
 * their last reading at the start (rare: pools keep their connections).
 */
export function cpuMeter({ serverPid, postmasterPid }) {
  if (process.platform !== 'linux') return () => null;
  const pgStart = ticksByPid(postgresPids(postmasterPid));
  const serverStart = statOf(serverPid)?.ticks ?? null;
  const selfStart = process.cpuUsage();
  return () => {
    const pgTicks = ticksUsed(pgStart, ticksByPid(postgresPids(postmasterPid)));
    const serverEnd = statOf(serverPid)?.ticks ?? null;
    const self = process.cpuUsage(selfStart);
    return {
      server: serverStart === null || serverEnd === null ? null : (serverEnd - serverStart) / TICKS_PER_SECOND,
      postgres: postmasterPid ? pgTicks / TICKS_PER_SECOND : null,
      loadGenerator: (self.user + self.system) / 1e6,
    };
  };
}

/**
 * Waits until the processes `pids()` names use under 5% of a CPU for half a second, at most
 * `maxMs`; answers how long it waited. After a load run, so that the requests still in flight do
 * not run into the next run, which is the other server's; and before a measurement that the load
 * runs' leftovers (autovacuum, the checkpointer) would distort.
 */
async function waitUntilQuiet(pids, maxMs) {
  const started = Date.now();
  if (process.platform !== 'linux') return 0;
  let last = ticksByPid(pids());
  while (last.size && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = ticksByPid(pids());
    if (ticksUsed(last, now) <= 2) break;
    last = now;
  }
  return Date.now() - started;
}

/** Until one server has finished the requests of a load run (see waitUntilQuiet). */
export async function waitForQuiet(pid, maxMs = 15_000) {
  if (pid) await waitUntilQuiet(() => [pid], maxMs);
}

/** Every process's CPU ticks, keyed by pid and start time (a pid can be reused; a name can change). */
function processTicks() {
  const out = new Map();
  for (const entry of numericEntries()) {
    const t = statOf(entry);
    if (t) out.set(`${entry}@${t.start}`, t);
  }
  return out;
}

/**
 * Which programs used the CPU, machine-wide, between start and stop: for timings that other work
 * on the machine would distort (the browser's), so a slow reading can be told from a busy machine.
 * Answers CPU milliseconds by program name, largest first. Processes that ended before the stop
 * (a closed browser tab's renderer) are not counted.
 */
export function machineCpuMeter() {
  if (process.platform !== 'linux') return () => null;
  const start = processTicks();
  const started = performance.now();
  return () => {
    const end = processTicks();
    const byProgram = new Map();
    for (const [key, { comm, ticks }] of end) {
      const used = ticks - (start.get(key)?.ticks ?? 0);
      // Kernel threads name themselves after their current work: group them under their kind.
      const program = comm.replace(/^(kworker)\/.*/, '$1');
      if (used > 0) byProgram.set(program, (byProgram.get(program) ?? 0) + used);
    }
    const top = [...byProgram].sort((a, b) => b[1] - a[1]).slice(0, 8);
    return {
      wallMs: Math.round(performance.now() - started),
      cpuMsByProgram: Object.fromEntries(top.map(([comm, ticks]) => [comm, (ticks * 1000) / TICKS_PER_SECOND])),
    };
  };
}

/**
 * Until the API and the whole PostgreSQL cluster (autovacuum after the load runs, the
 * checkpointer) are quiet (see waitUntilQuiet), at most a minute; answers how long it waited.
 */
export function waitForQuietServers({ serverPid, postmasterPid }, maxMs = 60_000) {
  return waitUntilQuiet(() => [serverPid, ...postgresPids(postmasterPid)], maxMs);
}
