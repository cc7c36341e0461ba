import autocannon from 'autocannon';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { cpuMeter } from './cpu.mjs';
import { percentile } from './stats.mjs';
import { EDIT_PATTERNS } from './data.mjs';

/**
 * HTTP load with autocannon, the same requests against the API and the bare server, which share
 * routes and response shapes. Throughput is closed-loop (N connections, each sends its next
 * request when the last one answered); latency at a fixed rate is open-ish loop (see fixedRate).
 */

/** Only 2xx answers count as throughput; everything else is reported next to it. */
function summarize(result, seconds) {
  return {
    rps: result['2xx'] / seconds,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.average),
    },
  };
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** CPU seconds of the run and CPU milliseconds per successful request, per process group. */
function perRequest(cpu, ok) {
  if (!cpu) return null;
  const ms = (s) => (s === null || !ok ? null : round((1000 * s) / ok, 3));
  return {
    seconds: cpu,
    msPerRequest: { server: ms(cpu.server), postgres: ms(cpu.postgres), loadGenerator: ms(cpu.loadGenerator) },
  };
}

/**
 * One closed-loop run: `connections` connections for `seconds`; `requests` from a scenario.
 * `target` is { url, pid } of the server; `postmasterPid` lets the CPU of PostgreSQL be counted.
 */
export async function closedLoop({ target, postmasterPid, headers, scenario, connections, seconds }) {
  const baseUrl = target.url;
  const stopMeter = cpuMeter({ serverPid: target.pid, postmasterPid });
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    headers,
    timeout: 30,
    requests: scenario.requests(),
  });
  const cpu = stopMeter();
  await scenario.afterRun?.();
  const summary = summarize(result, result.duration || seconds);
  return { ...summary, cpu: perRequest(cpu, summary.ok) };
}

/**
 * Latency at a fixed request rate. autocannon's rate limit gives each connection a quota per
 * second that it spends at the start of the second, so with `overallRate` all connections fire
 * together: that measures a burst of 50, not a rate. Here the rate is `rate` connections with a
 * connectionRate of 1 request/s each, their starts spread evenly over the first second, so
 * requests arrive about every 1000/rate ms (bench/lib/rate-worker.mjs, in a worker thread so the
 * harness's own pauses stay out of the timings). The first `settleSeconds` are warm-up: opening
 * `rate` connections and starting their instances is not part of the rate being measured.
 *
 * Coordinated omission: autocannon 8 corrects rate-limited latencies with an expected interval of
 * ceil(1/rate) ms (1 ms here, not 1000 ms), which would add dozens of synthetic samples per real
 * one. The correction is therefore off; a connection only waits when its previous answer took
 * longer than a second, which the achieved rate shows (reported next to the p99).
 */
export async function fixedRate({ target, postmasterPid, headers, scenario, rate, seconds, settleSeconds }) {
  const stopMeter = cpuMeter({ serverPid: target.pid, postmasterPid });
  const worker = new Worker(new URL('./rate-worker.mjs', import.meta.url), {
    workerData: { url: target.url, headers, spec: scenario.spec, rate, seconds, settleSeconds },
  });
  const out = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the fixed-rate worker exited with code ${code}`)));
  });
  await worker.terminate();
  const cpu = stopMeter();
  await scenario.afterRun?.();
  const ok = out.samples.length;
  const sorted = Float64Array.from(out.samples).sort();
  const at = (p) => (ok ? round(percentile(sorted, p), 1) : null);
  const non2xx = Object.entries(out.statusCounts).reduce((n, [code, c]) => (code >= 200 && code < 300 ? n : n + c), 0);
  if (scenario.stats && out.stats) scenario.stats.dropped += out.stats.dropped;
  return {
    rps: ok / seconds,
    ok,
    non2xx,
    errors: out.errors,
    timeouts: 0,
    statusCodes: out.statusCounts,
    latency: {
      p50: at(50),
      p90: at(90),
      p99: at(99),
      max: ok ? round(sorted[ok - 1], 1) : null,
      mean: ok ? round(out.samples.reduce((a, b) => a + b, 0) / ok) : null,
    },
    targetRate: rate,
    achievedRate: round(ok / seconds, 1),
    settleSeconds,
    lastStartLagMs: round(out.lastStartLagMs, 1),
    timeline: out.timeline,
    // Over the whole run, settling included: CPU cannot be split at a moment.
    cpu: perRequest(cpu, ok + out.unmeasuredOk),
  };
}

/** A scenario from its description (`spec`), so a worker thread can rebuild the harness's. */
export function scenarioOf(spec) {
  if (spec.kind === 'read') return readScenario(spec.matrices);
  if (spec.kind === 'edit') return editScenario(spec);
  throw new Error(`unknown scenario ${spec.kind}`);
}

/** GETs of the given matrices, round-robin over all of them (so over every workspace). */
export function readScenario(matrices) {
  const paths = matrices.map((m) => `/api/workspaces/${m.workspaceId}/matrices/${m.id}`);
  let next = 0;
  return {
    spec: { kind: 'read', matrices },
    requests: () => [
      {
        method: 'GET',
        setupRequest: (req) => {
          req.path = paths[next++ % paths.length];
          return req;
        },
      },
    ],
  };
}

/**
 * PUTs of one row's letters with If-Match, never a stale one: the rows of the scope are a shared
 * pool, a connection takes a row for each request (so no two requests edit the same row at once)
 * and gives it back with the version its answer carried (ETag). Each edit flips the row between
 * the two EDIT_PATTERNS, so every write changes letters. Before every run the pool is rebuilt from
 * the database: a request cut off by the end of a run leaves its row's version unknown otherwise.
 */
export function editScenario({ ownerUrl, matrices }) {
  let free = [];
  let head = 0;
  const stats = { dropped: 0 };

  const take = () => {
    if (head >= free.length) return undefined;
    return free[head++];
  };
  const give = (row) => {
    if (head > 4096 && head * 2 > free.length) {
      free = free.slice(head);
      head = 0;
    }
    free.push(row);
  };

  const readRows = async (client) =>
    (
      await client.query(
        `SELECT r.id, r.matrix_id, r.version, a.letter AS msp_letter
         FROM responsibilities r
         JOIN matrix_parties p ON p.workspace_id = r.workspace_id AND p.matrix_id = r.matrix_id AND p.key = 'msp'
         LEFT JOIN assignments a ON a.workspace_id = r.workspace_id AND a.responsibility_id = r.id AND a.party_id = p.id
         WHERE r.matrix_id = ANY($1::uuid[])`,
        [matrices.map((m) => m.id)],
      )
    ).rows;
  const fingerprint = (rows) => rows.reduce((n, r) => n + r.version, 0);

  /**
   * Requests that were in flight when autocannon stopped still run to their commit on the server
   * after the client hung up; the pool is rebuilt only once the versions have stopped moving
   * (two equal readings 500 ms apart), or a stale version would cost the next run 412s.
   */
  async function reload() {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    let found;
    try {
      // The owner bypasses row-level security: this is the harness looking, not a tenant.
      found = await readRows(client);
      for (let i = 0; i < 60; i += 1) {
        await sleep(500);
        const again = await readRows(client);
        const settled = fingerprint(again) === fingerprint(found);
        found = again;
        if (settled) break;
      }
    } finally {
      await client.end();
    }
    const matrixById = new Map(matrices.map((m) => [m.id, m]));
    free = [];
    head = 0;
    for (const r of found) {
      const row = {
        id: r.id,
        version: r.version,
        next: r.msp_letter === 'A' ? 0 : 1,
        matrix: matrixById.get(r.matrix_id),
      };
      free.push(row);
    }
    // Interleave the workspaces, so that consecutive requests go to different tenants.
    free.sort((a, b) => hashOf(a.id) - hashOf(b.id));
  }

  const lettersBody = (row) => {
    const pattern = EDIT_PATTERNS[row.next];
    const letters = {};
    for (const [key, letter] of Object.entries(pattern)) letters[row.matrix.partyIds[key]] = letter;
    return JSON.stringify({ letters });
  };

  return {
    spec: { kind: 'edit', ownerUrl, matrices },
    stats,
    reload,
    afterRun: reload,
    requests: () => [
      {
        method: 'PUT',
        setupRequest: (req, context) => {
          const row = take();
          if (!row) throw new Error('edit pool exhausted: more connections than rows');
          context.row = row;
          req.path = `/api/workspaces/${row.matrix.workspaceId}/matrices/${row.matrix.id}/responsibilities/${row.id}/assignments`;
          req.headers = { ...req.headers, 'Content-Type': 'application/json', 'If-Match': `"${row.version}"` };
          req.body = lettersBody(row);
          return req;
        },
        onResponse: (status, body, context, headers) => {
          const row = context.row;
          context.row = undefined;
          if (!row) return;
          if (status >= 200 && status < 300) {
            const etag = /"(\d+)"/.exec(String(headers?.etag ?? headers?.ETag ?? ''));
            row.version = etag ? Number(etag[1]) : JSON.parse(body).version;
            row.next = 1 - row.next;
            give(row);
          } else {
            // Its version is unknown now: keep it out until the pool is reloaded after the run.
            stats.dropped += 1;
          }
        },
      },
    ],
  };
}

/** A cheap, stable spread of ids (uuid v4 hex digits). */
function hashOf(id) {
  return parseInt(id.slice(24, 32), 16);
}
