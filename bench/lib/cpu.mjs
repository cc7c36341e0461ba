import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, from /proc) spent by each side during a measured run: the server's
 * Node process, the PostgreSQL processes of the embedded cluster, and this process (autocannon).
 * Divided by the requests served, it says where a request's cost goes, and it is far less
 * disturbed by other load on the machine than wall-clock latency is. Linux only; elsewhere, or
 * with an external DATABASE_URL for PostgreSQL, the missing parts are null.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function ticksOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** The postmaster and all its children (backends, WAL writer, checkpointer, autovacuum). */
function postgresPids(postmasterPid) {
  if (!postmasterPid) return [];
  const pids = [postmasterPid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (ticksOf(entry)?.ppid === postmasterPid) pids.push(Number(entry));
  }
  return pids;
}

function sum(pids) {
  let total = 0;
  const seen = new Map();
  for (const pid of pids) {
    const t = ticksOf(pid);
    if (t) {
      seen.set(pid, t.ticks);
      total += t.ticks;
    }
  }
  return { total, seen };
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
  const pgStart = sum(postgresPids(postmasterPid));
  const serverStart = ticksOf(serverPid)?.ticks ?? null;
  const selfStart = process.cpuUsage();
  return () => {
    const pgEnd = sum(postgresPids(postmasterPid));
    let pgTicks = 0;
    for (const [pid, ticks] of pgEnd.seen) pgTicks += ticks - (pgStart.seen.get(pid) ?? 0);
    const serverEnd = ticksOf(serverPid)?.ticks ?? null;
    const self = process.cpuUsage(selfStart);
    return {
      server: serverStart === null || serverEnd === null ? null : (serverEnd - serverStart) / TICKS_PER_SECOND,
      postgres: postmasterPid ? pgTicks / TICKS_PER_SECOND : null,
      loadGenerator: (self.user + self.system) / 1e6,
    };
  };
}

/**
 * Waits until a server has finished the requests still in flight when a load run stopped (its
 * process uses under 5% of a CPU for half a second), so that they do not run into the next run,
 * which is the other server's. At most `maxMs`.
 */
export async function waitForQuiet(pid, maxMs = 15_000) {
  if (process.platform !== 'linux' || !pid) return;
  const deadline = Date.now() + maxMs;
  let last = ticksOf(pid)?.ticks;
  while (Date.now() < deadline && last !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = ticksOf(pid)?.ticks;
    if (now === undefined || now - last <= 2) return;
    last = now;
  }
}

/** Every process's CPU ticks, keyed by pid and start time (a pid can be reused; a name can change). */
function processTicks() {
  const out = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14, 15 (utime, stime) and 22 (starttime) of proc(5); this list starts at field 3.
      out.set(`${entry}@${fields[19]}`, { comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // ended while we looked
    }
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
 * Waits until the whole PostgreSQL cluster (autovacuum after the load runs, the checkpointer) and
 * the API are quiet, so the browser's timings measure the page, not the harness's leftovers.
 * Answers how long it waited.
 */
export async function waitForQuietServers({ serverPid, postmasterPid }, maxMs = 60_000) {
  if (process.platform !== 'linux') return 0;
  const started = Date.now();
  const reading = () => sum([serverPid, ...postgresPids(postmasterPid)]).seen;
  let last = reading();
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = reading();
    // Each process against its own earlier reading: a busy autovacuum worker that just ended must
    // not make the sum fall and look quiet.
    let used = 0;
    for (const [pid, ticks] of now) used += ticks - (last.get(pid) ?? 0);
    if (used <= 2) break;
    last = now;
  }
  return Date.now() - started;
}
