import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: bench/lib/ is two levels below it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_DIR = path.join(ROOT, 'bench');

function int(name, fallback, { min = 0 } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw new Error(`${name}: must be a whole number >= ${min} (got ${JSON.stringify(raw)})`);
  }
  return Number(raw);
}

function flag(name) {
  return ['1', 'true', 'yes'].includes(String(process.env[name] ?? '').toLowerCase());
}

const GROUPS = ['read', 'edit', 'rate', 'audit', 'browser'];

function only() {
  const raw = process.env.BENCH_ONLY;
  if (!raw) return new Set(GROUPS);
  const picked = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = picked.filter((g) => !GROUPS.includes(g));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown group(s) ${unknown.join(', ')}; choose from ${GROUPS.join(', ')}`);
  return new Set(picked);
}

/**
 * Every knob of a run, from the environment. The defaults fit the whole run (build included) in
 * about 10 minutes on a 2-core machine; see bench/README.md for what each one changes.
 */
export function loadConfig() {
  const pgPort = int('BENCH_PG_PORT', 54390, { min: 1 });
  const groups = only();
  return {
    /** Seconds of each measured throughput run (one side of one round). */
    seconds: int('BENCH_SECONDS', 5, { min: 1 }),
    /** Seconds of each fixed-rate run (one per side): 1,000 samples at 100 req/s for a steady p99. */
    rateSeconds: int('BENCH_RATE_SECONDS', 10, { min: 1 }),
    /** Seconds at the start of each fixed-rate run that are not measured: its connections open then. */
    rateSettleSeconds: int('BENCH_RATE_SETTLE_SECONDS', 2),
    /** Seconds of load before the measured rounds of each scenario, on each server. */
    warmupSeconds: int('BENCH_WARMUP_SECONDS', 3),
    /** A, B rounds per throughput scenario; the ratio uses every round of both sides. Short,
     *  many rounds spread the machine's drift over both sides better than few long ones. */
    rounds: int('BENCH_ROUNDS', 4, { min: 1 }),
    connections: int('BENCH_CONNECTIONS', 50, { min: 1 }),
    workspaces: int('BENCH_WORKSPACES', 20, { min: 1 }),
    auditEvents: int('BENCH_AUDIT_EVENTS', 1_000_000, { min: 1 }),
    /** Rounds of the audit verification (each side once per round). */
    auditRounds: int('BENCH_AUDIT_ROUNDS', 3, { min: 1 }),
    /** Also EXPLAIN ANALYZE the endpoint's statements (links, hashes); 0 skips it. */
    auditBreakdown: process.env.BENCH_AUDIT_BREAKDOWN !== '0',
    /** Key presses measured in the grid (the median is reported). */
    keypresses: int('BENCH_KEYPRESSES', 20, { min: 1 }),
    /** Page loads of the 1,000-row matrix for its first render (the median is reported). */
    renderRuns: int('BENCH_RENDER_RUNS', 10, { min: 1 }),
    lighthouseRuns: int('BENCH_LIGHTHOUSE_RUNS', 3, { min: 1 }),
    readRate: int('BENCH_READ_RATE', 100, { min: 1 }),
    writeRate: int('BENCH_WRITE_RATE', 200, { min: 1 }),
    apiPort: int('BENCH_PORT', 3290, { min: 1 }),
    barePort: int('BENCH_BARE_PORT', 3291, { min: 1 }),
    pgPort,
    /** Same default as the API (DATABASE_POOL_SIZE); the bare server gets the same number. */
    poolSize: int('DATABASE_POOL_SIZE', 10, { min: 1 }),
    /** The API's log level: the shipped default (info), so request logging is part of what is measured. */
    logLevel: process.env.BENCH_LOG_LEVEL || 'info',
    skipBuild: flag('BENCH_SKIP_BUILD'),
    /** Start the API under `node --cpu-prof` (written when it stops), and profile one load of the grid in Chromium. */
    profile: flag('BENCH_PROFILE'),
    /** Exit with status 2 when any target fails (the run itself succeeded). */
    strict: flag('BENCH_STRICT'),
    groups,
    fullRun: groups.size === GROUPS.length && !process.env.BENCH_AUDIT_EVENTS && !process.env.BENCH_WORKSPACES,
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    databaseUrl: process.env.DATABASE_URL || undefined,
    databaseMigrationUrl: process.env.DATABASE_MIGRATION_URL || undefined,
    /** Scratch space of this run: the embedded cluster, logs, profiles. Per user and port, like the e2e runs. */
    workDir: path.join(tmpdir(), `accord-bench-${process.getuid?.() ?? 0}-${pgPort}`),
  };
}
