// `npm run bench`: builds Accord, starts it on its own embedded PostgreSQL (or DATABASE_URL), loads
// benchmark data, measures the API against the bare baseline (bench/bare-server.mjs) in
// interleaved rounds, the audit verification against raw SHA-256, and the web app in headless
// Chromium; prints a markdown table and writes bench/results.json. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DIR, loadConfig, ROOT } from './lib/config.mjs';
import {
  assertPortsFree,
  cleanup,
  installSignalHandlers,
  runCommand,
  startProcess,
  waitForHttp,
} from './lib/processes.mjs';

const config = loadConfig();
const startedAt = performance.now();
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0)} s`;
const say = (message) => process.stdout.write(`[bench ${elapsed().padStart(5)}] ${message}\n`);

let database;
let EDIT_PATTERNS;
// The machine's 1-minute load average through the run: other work on it shows here.
const loadSamples = [];
setInterval(() => loadSamples.push(loadavg()[0]), 5000).unref();
installSignalHandlers(() => database?.embedded?.stopSync());

async function main() {
  if (!config.fullRun)
    say(
      `partial run (${[...config.groups].join(', ')}${process.env.BENCH_AUDIT_EVENTS ? `, ${config.auditEvents} audit events` : ''}): bench/results.json is left alone`,
    );
  await assertPortsFree([
    ['BENCH_PORT', config.apiPort],
    ['BENCH_BARE_PORT', config.barePort],
    ...(config.databaseUrl ? [] : [['BENCH_PG_PORT', config.pgPort]]),
  ]);
  if (!config.skipBuild) {
    say('building raci, api and web (nx run-many -t build)…');
    await runCommand('npx', ['nx', 'run-many', '-t', 'build', '-p', 'raci', 'api', 'web', '--outputStyle=static'], {
      cwd: ROOT,
    });
  }
  const timings = { build: elapsed() };
  // These read the build (dist/), so they load only now.
  const { provideDatabase } = await import('./lib/database.mjs');
  const { generateTenants, vacuumAndCheckpoint } = await import('./lib/data.mjs');
  ({ EDIT_PATTERNS } = await import('./lib/data.mjs'));
  const { generateAuditChain } = await import('./lib/audit-data.mjs');

  mkdirSync(config.workDir, { recursive: true });
  // The API serves a copy of the SPA made now: another build of dist/apps/web during the run (the
  // e2e journeys rebuild it) must not change or empty what is measured.
  const webDist = path.join(config.workDir, 'web');
  rmSync(webDist, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'dist/apps/web'), webDist, { recursive: true });
  database = await provideDatabase(config, say);

  const api = await startApi(database, webDist);
  const tag = `${Date.now().toString(36)}`;
  say(`generating ${config.workspaces} workspaces with matrices of 200 and 1,000 rows…`);
  const data = await generateTenants(database.ownerUrl, { workspaces: config.workspaces, tag });
  const auditCtx = { workspaceId: data.audit.workspaceId, clientId: data.audit.clientId, userId: data.user.id };
  let auditChain = null;
  if (config.groups.has('audit')) {
    say(`generating an audit chain of ${config.auditEvents.toLocaleString('en-US')} events…`);
    const t = performance.now();
    let lastShown = 0;
    auditChain = await generateAuditChain(database.ownerUrl, auditCtx, config.auditEvents, (done) => {
      if (done - lastShown >= 200_000 || done === config.auditEvents) {
        lastShown = done;
        say(`  ${done.toLocaleString('en-US')} events`);
      }
    });
    timings.auditGeneration = `${((performance.now() - t) / 1000).toFixed(1)} s`;
  }
  say('VACUUM ANALYZE, CHECKPOINT…');
  const settled = await vacuumAndCheckpoint(database.ownerUrl, database.embedded?.superuserUrl('accord'));
  if (!settled.checkpoint) say(`CHECKPOINT skipped: ${settled.reason}`);
  timings.data = elapsed();

  const bare = await startBare(database, data.user);
  const cookie = await signIn(api.baseUrl, data.user);
  const headers = {
    Cookie: `${cookie.name}=${cookie.value}`,
    'X-Accord-Csrf': '1',
    'User-Agent': 'accord-bench (autocannon)',
  };

  const matricesOfSize = (size) =>
    data.tenants.map((t) => ({ ...t.matrices.find((m) => m.size === size), workspaceId: t.workspaceId }));
  const allMatrices = data.tenants.flatMap((t) => t.matrices.map((m) => ({ ...m, workspaceId: t.workspaceId })));
  const firstWorkspace = data.tenants[0].matrices.map((m) => ({ ...m, workspaceId: data.tenants[0].workspaceId }));

  const measurements = {};
  const detail = { config: publicConfig(), code: codeVersion(), timings, machine: machine(), measurements };
  const { postmasterPidOf } = await import('./lib/cpu.mjs');
  const servers = {
    api: { url: api.baseUrl, pid: api.child.pid },
    bare: { url: bare.baseUrl, pid: bare.child.pid },
    postmasterPid: postmasterPidOf(database.embedded),
  };

  const load = await import('./lib/load.mjs');
  if (database.embedded) {
    try {
      const { explainReads, traceStatements } = await import('./lib/trace.mjs');
      detail.statements = await traceStatements(
        database.embedded,
        await oneOfEach(servers, headers, matricesOfSize(200)[0]),
      );
      const count = (k) => detail.statements[k]?.count ?? 'n/a';
      say(
        `SQL statements per request (round trips): read API ${count('read: API')} vs bare ${count('read: bare')}; edit API ${count('edit: API')} vs bare ${count('edit: bare')}`,
      );
      const scope = { workspaceId: matricesOfSize(200)[0].workspaceId, userId: data.user.id };
      detail.explain = {};
      for (const side of ['API', 'bare']) {
        const plans = await explainReads(database.appUrl, scope, detail.statements[`read: ${side}`]?.statements ?? []);
        detail.explain[`read: ${side}`] = plans;
        const sum = (key) => plans.reduce((n, p) => n + p[key], 0).toFixed(2);
        say(
          `200-row read, ${side}: its SELECTs take ${sum('planningMs')} ms planning + ${sum('executionMs')} ms execution in PostgreSQL (EXPLAIN ANALYZE)`,
        );
      }
    } catch (error) {
      say(`statement trace skipped: ${error?.message ?? error}`);
    }
  }
  const guard = async (key, fn) => {
    try {
      measurements[key] = await fn();
    } catch (error) {
      say(`FAILED ${key}: ${error?.stack ?? error}`);
      measurements[key] = null;
      detail.errors = { ...(detail.errors ?? {}), [key]: String(error?.message ?? error) };
    }
  };

  if (config.groups.has('read')) {
    for (const size of [200, 1000]) {
      await guard(size === 200 ? 'read200' : 'read1000', async () => {
        await sameAnswers(servers, headers, matricesOfSize(size)[0]);
        return compare(
          `matrix read, ${size.toLocaleString('en-US')} rows`,
          servers,
          headers,
          load.readScenario(matricesOfSize(size)),
          load,
        );
      });
    }
  }
  if (config.groups.has('edit')) {
    await guard('editSpread', async () => {
      const scenario = load.editScenario({ ownerUrl: database.ownerUrl, matrices: allMatrices });
      await scenario.reload();
      return compare(`cell edit over ${config.workspaces} workspaces`, servers, headers, scenario, load);
    });
    await guard('editOne', async () => {
      const scenario = load.editScenario({ ownerUrl: database.ownerUrl, matrices: firstWorkspace });
      await scenario.reload();
      return compare('cell edit within one workspace', servers, headers, scenario, load);
    });
  }
  if (config.groups.has('rate')) {
    // The edit runs before leave about 250 MB of WAL and most shared buffers dirty: without this,
    // the timed checkpoint that follows (and its flushes) can fall inside a window.
    if (config.groups.has('edit')) await settle(servers, 'fixed-rate runs');
    if (database.embedded) {
      const { diskFlushLatency } = await import('./lib/disk.mjs');
      const flush = diskFlushLatency(database.embedded.dataDirectory);
      detail.machine.diskFlush = flush;
      say(
        `disk: 8 kB write + fdatasync p50 ${flush.p50Ms} ms, p99 ${flush.p99Ms} ms, max ${flush.maxMs} ms (${flush.flushes} in 2 s; every commit waits for one)`,
      );
    }
    await guard('readRate', () =>
      atFixedRate(
        `matrix read, 200 rows at ${config.readRate} req/s`,
        servers,
        headers,
        () => load.readScenario(matricesOfSize(200)),
        config.readRate,
        load,
      ),
    );
    await guard('editRate', async () => {
      const scenario = load.editScenario({ ownerUrl: database.ownerUrl, matrices: allMatrices });
      await scenario.reload();
      return atFixedRate(
        `cell edit at ${config.writeRate} writes/s`,
        servers,
        headers,
        () => scenario,
        config.writeRate,
        load,
      );
    });
  }
  if (config.groups.has('audit')) {
    await guard('audit', async () => {
      const settled = await settle(servers, 'audit verification');
      return { ...(await auditVerification(api.baseUrl, cookie, auditCtx, auditChain)), settled };
    });
  }
  if (config.groups.has('browser')) {
    await browserGroup(api.baseUrl, cookie, data, measurements, servers);
  }

  await stopAll(api, bare);
  timings.total = elapsed();
  detail.machine.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
  detail.machine.loadAverageDuringRun = {
    max: Math.round(Math.max(0, ...loadSamples) * 100) / 100,
    mean: Math.round((loadSamples.reduce((a, b) => a + b, 0) / Math.max(1, loadSamples.length)) * 100) / 100,
  };

  const { buildRows, markdownTable } = await import('./lib/report.mjs');
  const rows = buildRows(measurements, config);
  const table = markdownTable(rows);
  process.stdout.write(`\n${table}\n\n`);
  const passed = rows.filter((r) => r.result.pass).length;
  // A run that measured everything succeeds; BENCH_STRICT=1 makes failing targets fail the command.
  if (config.strict && passed < rows.length) process.exitCode = 2;
  if (config.profile)
    say(`CPU profile of the API: ${path.join(config.workDir, 'cpu-profiles')} (node bench/profile-summary.mjs <file>)`);
  say(
    `${passed} of ${rows.length} targets pass; whole run ${timings.total}${config.skipBuild ? ' (build skipped)' : ` (build done at ${timings.build})`}`,
  );
  const { max, mean } = detail.machine.loadAverageDuringRun;
  if (max > cpus().length)
    say(
      `note: the 1-minute load average was ${mean} on average and up to ${max} on ${cpus().length} CPUs: other work shared the machine, so absolute latencies and browser timings are pessimistic`,
    );
  detail.table = table;
  const suffix = config.fullRun ? '' : `-${[...config.groups].join('-')}`;
  if (config.fullRun)
    writeFileSync(
      path.join(BENCH_DIR, 'results.json'),
      `${JSON.stringify(
        rows.map((r) => r.result),
        null,
        2,
      )}\n`,
    );
  writeFileSync(
    path.join(config.fullRun ? BENCH_DIR : config.workDir, `results-detail${suffix}.json`),
    `${JSON.stringify(detail, null, 2)}\n`,
  );
  say(
    config.fullRun
      ? 'wrote bench/results.json and bench/results-detail.json'
      : `wrote ${path.join(config.workDir, `results-detail${suffix}.json`)}`,
  );
}

/** The API as it ships (Dockerfile: NODE_ENV=production, node --enable-source-maps), on the bench's database. */
async function startApi(db, webDist) {
  const logFile = path.join(config.workDir, 'api.log');
  const profileDir = path.join(config.workDir, 'cpu-profiles');
  const args = [
    '--enable-source-maps',
    ...(config.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    'dist/apps/api/main.js',
  ];
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    PORT: String(config.apiPort),
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATION_URL: db.ownerUrl,
    DATABASE_POOL_SIZE: String(config.poolSize),
    LOG_LEVEL: config.logLevel,
    MIGRATE_ON_START: 'true',
    SEED_DEMO: 'false',
    WEB_DIST: webDist,
    SMTP_URL: '',
  };
  say(`starting the API on 127.0.0.1:${config.apiPort} (log: ${logFile})`);
  const proc = startProcess('the API', args, { cwd: ROOT, env, logFile });
  const baseUrl = `http://127.0.0.1:${config.apiPort}`;
  await waitForHttp(`${baseUrl}/api/health/ready`, proc);
  if (config.profile) say(`CPU profile of the API goes to ${profileDir} when it stops`);
  return { ...proc, baseUrl };
}

async function startBare(db, user) {
  const logFile = path.join(config.workDir, 'bare.log');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    BARE_PORT: String(config.barePort),
    DATABASE_URL: db.appUrl,
    DATABASE_POOL_SIZE: String(config.poolSize),
    BARE_USER_ID: user.id,
    BARE_USER_NAME: user.name,
  };
  say(`starting the bare server on 127.0.0.1:${config.barePort}`);
  const proc = startProcess('the bare server', [path.join(BENCH_DIR, 'bare-server.mjs')], { cwd: ROOT, env, logFile });
  const baseUrl = `http://127.0.0.1:${config.barePort}`;
  await waitForHttp(`${baseUrl}/health`, proc);
  return { ...proc, baseUrl };
}

/**
 * Signs in like the web app: POST /api/auth/login with the CSRF header. One session serves the
 * whole run (sessions last a week and are not touched per request); only failed sign-ins count
 * towards LOGIN_MAX_FAILURES, so a correct password is never throttled.
 */
async function signIn(baseUrl, user) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Accord-Csrf': '1' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('accord.sid='));
  if (!setCookie) throw new Error('sign-in set no accord.sid cookie');
  const [pair] = setCookie.split(';');
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
}

/**
 * One matrix read and one cell edit on each server, for the statement trace. The row's version is
 * read before (so that the GET is not traced with the edit) and taken from each edit's ETag.
 */
async function oneOfEach(servers, headers, matrix) {
  const path = `/api/workspaces/${matrix.workspaceId}/matrices/${matrix.id}`;
  const rowId = matrix.rowIds[0];
  const view = await fetch(`${servers.bare.url}${path}`, { headers }).then((r) => r.json());
  let version = view.responsibilities.find((r) => r.id === rowId).version;
  const read = (server) => async () => {
    const res = await fetch(`${server.url}${path}`, { headers });
    await res.arrayBuffer();
    return res.status;
  };
  const edit = (server, letters) => async () => {
    const res = await fetch(`${server.url}${path}/responsibilities/${rowId}/assignments`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
      body: JSON.stringify({
        letters: Object.fromEntries(Object.entries(letters).map(([key, letter]) => [matrix.partyIds[key], letter])),
      }),
    });
    await res.arrayBuffer();
    version = Number(/\d+/.exec(res.headers.get('etag') ?? '')?.[0] ?? version);
    return res.status;
  };
  return {
    'read: API': read(servers.api),
    'read: bare': read(servers.bare),
    'edit: API': edit(servers.api, EDIT_PATTERNS[0]),
    'edit: bare': edit(servers.bare, EDIT_PATTERNS[1]),
  };
}

/**
 * The comparison is fair only if both servers answer the same thing: the API's MatrixView and the
 * bare server's must be equal as JSON values (key order aside).
 */
async function sameAnswers(servers, headers, matrix) {
  const path = `/api/workspaces/${matrix.workspaceId}/matrices/${matrix.id}`;
  const [a, b] = await Promise.all(
    [servers.api, servers.bare].map(async (s) => {
      const res = await fetch(`${s.url}${path}`, { headers });
      if (!res.ok) throw new Error(`${s.url}${path} answered ${res.status}`);
      return res.json();
    }),
  );
  if (!isDeepStrictEqual(a, b))
    throw new Error(`the API and the bare server answer ${path} differently; the comparison would not be fair`);
  say(`the API and the bare server answer the ${matrix.size}-row matrix with equal JSON`);
}

/**
 * Throughput, API (A) against bare (B): one warm-up of each, then A, B, A, B… rounds of
 * `seconds` each, so drift of the machine over the run falls on both. The ratio is the API's mean
 * over its rounds divided by the bare server's.
 */
async function compare(name, servers, headers, scenario, load) {
  const loadBefore = loadavg()[0];
  const { waitForQuiet } = await import('./lib/cpu.mjs');
  const run = async (side, seconds) => {
    const result = await load.closedLoop({
      target: servers[side],
      postmasterPid: servers.postmasterPid,
      headers,
      scenario,
      connections: config.connections,
      seconds,
    });
    await waitForQuiet(servers[side].pid);
    return result;
  };
  say(`${name}: warm-up (${config.warmupSeconds} s each)…`);
  if (config.warmupSeconds > 0) {
    await run('api', config.warmupSeconds);
    await run('bare', config.warmupSeconds);
  }
  const rounds = [];
  for (let i = 1; i <= config.rounds; i += 1) {
    const a = await run('api', config.seconds);
    const b = await run('bare', config.seconds);
    rounds.push({ api: a, bare: b });
    say(
      `${name}: round ${i}: API ${a.rps.toFixed(1)} req/s (p99 ${a.latency.p99} ms, non-2xx ${a.non2xx}, errors ${a.errors}), bare ${b.rps.toFixed(1)} req/s (p99 ${b.latency.p99} ms, non-2xx ${b.non2xx})`,
    );
  }
  const mean = (side) => rounds.reduce((n, r) => n + r[side].rps, 0) / rounds.length;
  const sum = (side, key) => rounds.reduce((n, r) => n + r[side][key], 0);
  // CPU per request over all rounds: the measured requests' cost, split by process group.
  const cpuPerRequest = (side) => {
    const ok = sum(side, 'ok');
    const part = (key) => {
      const values = rounds.map((r) => r[side].cpu?.seconds?.[key]);
      return values.some((v) => v === null || v === undefined) || !ok
        ? null
        : Math.round((1e6 * values.reduce((a, b) => a + b, 0)) / ok) / 1000;
    };
    return { server: part('server'), postgres: part('postgres'), loadGenerator: part('loadGenerator') };
  };
  const result = {
    api: {
      rps: mean('api'),
      non2xx: sum('api', 'non2xx'),
      errors: sum('api', 'errors') + sum('api', 'timeouts'),
      cpuMsPerRequest: cpuPerRequest('api'),
    },
    bare: {
      rps: mean('bare'),
      non2xx: sum('bare', 'non2xx'),
      errors: sum('bare', 'errors') + sum('bare', 'timeouts'),
      cpuMsPerRequest: cpuPerRequest('bare'),
    },
    rounds,
  };
  result.ratio = result.api.rps / result.bare.rps;
  result.loadAverage = { before: loadBefore, after: loadavg()[0] };
  const cpuText = (c) => `Node ${c.server ?? 'n/a'} ms + PostgreSQL ${c.postgres ?? 'n/a'} ms CPU per request`;
  say(`${name}: API ${cpuText(result.api.cpuMsPerRequest)}; bare ${cpuText(result.bare.cpuMsPerRequest)}`);
  if (scenario.stats) result.droppedRows = scenario.stats.dropped;
  say(`${name}: ${result.ratio.toFixed(3)}x bare`);
  return result;
}

/** Latency at a fixed rate, API then bare, each after the throughput runs warmed it. */
async function atFixedRate(name, servers, headers, makeScenario, rate, load) {
  const scenario = makeScenario();
  const { waitForQuiet } = await import('./lib/cpu.mjs');
  const out = {};
  for (const side of ['api', 'bare']) {
    // Warm, whether or not the throughput runs came first (BENCH_ONLY=rate).
    if (config.warmupSeconds > 0) {
      await load.closedLoop({
        target: servers[side],
        headers,
        scenario,
        connections: 10,
        seconds: config.warmupSeconds,
      });
      await waitForQuiet(servers[side].pid);
    }
    out[side] = await load.fixedRate({
      target: servers[side],
      postmasterPid: servers.postmasterPid,
      headers,
      scenario,
      rate,
      seconds: config.rateSeconds,
      settleSeconds: config.rateSettleSeconds,
    });
    await waitForQuiet(servers[side].pid);
    say(
      `${name}: ${side}: p50 ${out[side].latency.p50} ms, p99 ${out[side].latency.p99} ms at ${out[side].achievedRate}/s achieved, non-2xx ${out[side].non2xx}, errors ${out[side].errors + out[side].timeouts}`,
    );
  }
  return out;
}

/**
 * Before a measurement that the load runs' leftovers would distort: the tens of thousands of
 * edits before leave dead rows, and an autovacuum that starts during the audit verification or
 * the browser's timings takes a core from one side only (PostgreSQL, not the raw hashing in this
 * process; the page, not nothing). So vacuum now, as the start of the run did, and wait until the
 * API and PostgreSQL are quiet.
 */
async function settle(servers, what) {
  const { vacuumAndCheckpoint } = await import('./lib/data.mjs');
  const { waitForQuietServers } = await import('./lib/cpu.mjs');
  const started = performance.now();
  const vacuumed = await vacuumAndCheckpoint(database.ownerUrl, database.embedded?.superuserUrl('accord'));
  const vacuumMs = Math.round(performance.now() - started);
  const quietMs = await waitForQuietServers({ serverPid: servers.api.pid, postmasterPid: servers.postmasterPid });
  say(`${what}: VACUUM ANALYZE and CHECKPOINT ${(vacuumMs / 1000).toFixed(1)} s, then quiet after ${(quietMs / 1000).toFixed(1)} s`);
  return { vacuumMs, checkpoint: vacuumed.checkpoint, quietMs };
}

/**
 * The endpoint (A) and the raw hash rate (B) alternate, A, B, A, B, … for BENCH_AUDIT_ROUNDS
 * rounds, and the median round of each side is reported; then, once, where the endpoint's time
 * goes (EXPLAIN ANALYZE of its statements). An endpoint that fails (it has answered 500 when its
 * SELECT hit the API's 30 s statement timeout) is reported as failed, with its error, and the
 * rest still runs.
 */
async function auditVerification(baseUrl, cookie, ctx, chain) {
  const { verifyThroughApi, rawSha256, verifyBreakdown } = await import('./lib/audit-verify.mjs');
  const { canonicalBodies } = await import('./lib/audit-data.mjs');
  const canonical = canonicalBodies(ctx, config.auditEvents);
  const rounds = [];
  for (let i = 1; i <= config.auditRounds; i += 1) {
    let api;
    try {
      api = await verifyThroughApi({
        baseUrl,
        cookie,
        workspaceId: ctx.workspaceId,
        expectedEvents: config.auditEvents,
      });
    } catch (error) {
      const reason = error?.requestId ? apiLogReason(error.requestId) : null;
      api = { error: `${error?.message ?? error}${reason ? `: ${reason}` : ''}`, seconds: error?.seconds };
    }
    const raw = rawSha256(canonical);
    if (raw.lastHash !== chain.lastHash)
      throw new Error('the raw SHA-256 baseline did not hash the same bytes as the generated chain');
    rounds.push({ api, raw });
    const apiText = api.error
      ? `API FAILED (${api.error.slice(0, 160)})`
      : `API ${Math.round(api.eventsPerSecond).toLocaleString('en-US')} events/s (${api.seconds.toFixed(1)} s for ${api.events.toLocaleString('en-US')})`;
    say(
      `audit verification: round ${i}: ${apiText}, raw SHA-256 ${Math.round(raw.eventsPerSecond).toLocaleString('en-US')} events/s`,
    );
  }
  let breakdown = { skipped: 'BENCH_AUDIT_BREAKDOWN=0' };
  if (config.auditBreakdown) {
    say('audit verification: where the time goes (EXPLAIN ANALYZE of its statements)…');
    try {
      breakdown = await verifyBreakdown({
        appUrl: database.appUrl,
        workspaceId: ctx.workspaceId,
        userId: ctx.userId,
        events: config.auditEvents,
      });
      const part = (p) => `${(p.ms / 1000).toFixed(2)} s (${p.workersLaunched} parallel workers)`;
      say(
        `audit verification: in PostgreSQL, the links take ${part(breakdown.links)} and the hashes ${part(breakdown.hashes)}`,
      );
    } catch (error) {
      breakdown = { error: String(error?.message ?? error) };
    }
  }
  // The median round of each side: one round that something else on the machine slowed moves a
  // mean of few rounds far (4.1 s against 2.4 s seen), and the median not at all.
  const { median } = await import('./lib/stats.mjs');
  const ok = rounds.filter((r) => !r.api.error);
  const raw = {
    eventsPerSecond: median(rounds.map((r) => r.raw.eventsPerSecond)),
    seconds: median(rounds.map((r) => r.raw.seconds)),
    bytes: rounds[0].raw.bytes,
  };
  const api =
    ok.length === rounds.length
      ? {
          eventsPerSecond: median(ok.map((r) => r.api.eventsPerSecond)),
          seconds: median(ok.map((r) => r.api.seconds)),
          events: ok[0].api.events,
        }
      : { error: rounds.find((r) => r.api.error).api.error };
  return {
    ratio: api.error ? null : api.eventsPerSecond / raw.eventsPerSecond,
    api,
    raw,
    rounds: rounds.map((r) => ({
      api: r.api,
      raw: { seconds: r.raw.seconds, eventsPerSecond: r.raw.eventsPerSecond },
    })),
    breakdown,
  };
}

/** The API's own account of a failed request: the error its log holds for that request id. */
function apiLogReason(requestId) {
  try {
    const lines = readFileSync(path.join(config.workDir, 'api.log'), 'utf8').split('\n');
    for (const line of lines) {
      if (!line.includes(requestId)) continue;
      const message = JSON.parse(line)?.err?.message;
      if (message && !/^failed with status code/.test(message)) return message;
    }
  } catch {
    // no log, or not JSON: the status is all there is
  }
  return null;
}

async function browserGroup(baseUrl, cookie, data, measurements, servers) {
  const browser = await import('./lib/browser.mjs');
  const { machineCpuMeter } = await import('./lib/cpu.mjs');
  const settled = await settle(servers, 'browser');
  const big = data.tenants[0].matrices.find((m) => m.size === 1000);
  const matrixPath = `/w/${data.tenants[0].workspaceId}/matrices/${big.id}`;
  const guard = async (key, fn) => {
    try {
      measurements[key] = await fn();
    } catch (error) {
      say(`FAILED ${key}: ${error?.stack ?? error}`);
      measurements[key] = null;
    }
  };
  const chromium = await browser.launchBrowser(config.chromePath);
  try {
    say('browser: first-load JavaScript (cold cache)…');
    await guard('jsSignIn', () =>
      browser.firstLoadJs(chromium, { baseUrl, path: '/sign-in', ready: 'input[type="password"]' }),
    );
    await guard('jsMatrix', () =>
      browser.firstLoadJs(chromium, { baseUrl, cookie, path: matrixPath, ready: '[role="grid"] [data-grid-cell]' }),
    );
    for (const key of ['jsSignIn', 'jsMatrix'])
      if (measurements[key])
        say(`browser: ${key}: ${(measurements[key].bytes / 1000).toFixed(1)} kB (${measurements[key].source})`);
    say(`browser: first render of the 1,000-row grid (${config.renderRuns} loads)…`);
    await guard('gridRender', async () => {
      const machineCpu = machineCpuMeter();
      const result = await browser.gridFirstRender(chromium, {
        baseUrl,
        cookie,
        matrixPath,
        runs: config.renderRuns,
        profileTo: config.profile ? path.join(config.workDir, 'grid-first-render.cpuprofile') : undefined,
      });
      return { ...result, settled, machineCpu: machineCpu() };
    });
    if (measurements.gridRender)
      say(
        `browser: grid drawn ${measurements.gridRender.ms} ms after navigation start (data at ${measurements.gridRender.untilDataMs} ms)`,
      );
    say(`browser: key press to updated cell (${config.keypresses} presses)…`);
    await guard('keypress', () =>
      browser.keypressToCell(chromium, { baseUrl, cookie, matrixPath, presses: config.keypresses }),
    );
    if (measurements.keypress)
      say(
        `browser: key press to cell ${measurements.keypress.ms} ms median (next frame ${measurements.keypress.toFrameMs} ms)`,
      );
  } finally {
    await chromium.close();
  }
  say(`browser: Lighthouse (desktop), ${config.lighthouseRuns} run(s) per page…`);
  await guard('lighthouseSignIn', () =>
    browser.lighthouseScores({ chromePath: config.chromePath, url: `${baseUrl}/sign-in`, runs: config.lighthouseRuns }),
  );
  await guard('lighthouseMatrix', () =>
    browser.lighthouseScores({
      chromePath: config.chromePath,
      url: `${baseUrl}${matrixPath}`,
      cookie,
      runs: config.lighthouseRuns,
    }),
  );
  for (const key of ['lighthouseSignIn', 'lighthouseMatrix'])
    if (measurements[key]) say(`browser: ${key}: ${measurements[key].score}`);
}

async function stopAll(api, bare) {
  say('stopping the bare server and the API…');
  await bare.stop();
  await api.stop();
}

function publicConfig() {
  const { databaseUrl, databaseMigrationUrl, groups, ...rest } = config;
  return {
    ...rest,
    groups: [...groups],
    database: databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL on 127.0.0.1:${config.pgPort}`,
  };
}

/** Which code was measured: the commit, and whether apps/ or libs/ had uncommitted changes. */
function codeVersion() {
  const git = (args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const changed = git(['status', '--porcelain', '--', 'apps', 'libs']);
  return { commit: git(['rev-parse', 'HEAD']), uncommittedAppChanges: changed === null ? null : changed.length > 0 };
}

function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // Other work on the machine shows here; ratios are measured A, B, A, B so that it falls on both.
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  say(`bench failed: ${error?.stack ?? error}`);
} finally {
  await cleanup();
}
