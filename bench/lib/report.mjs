/**
 * One result per target of issue 7, in the shape { name, value, unit, target, pass, baseline }:
 * - ratio targets: `value` is the API's figure divided by the baseline's, measured in the same run,
 *   and `baseline` the baseline's own figure (req/s; events/s for the audit verification);
 * - latency targets at a fixed rate: `value` is the API's p99 in ms, `baseline` the bare server's
 *   p99 at the same rate;
 * - browser targets: `baseline` is null (there is no bare equivalent).
 * A target that could not be measured has value null and pass false.
 */

const fmt = (n, digits = 2) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : Number(n).toFixed(digits));
const num = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? 'n/a'
    : Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function check(value, op, limit) {
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  if (op === '>=') return value >= limit;
  if (op === '<') return value < limit;
  if (op === '<=') return value <= limit;
  throw new Error(`unknown operator ${op}`);
}

function row({ name, value, unit, op, limit, baseline, measured, base }) {
  return {
    result: { name, value, unit, target: `${op} ${limit}`, pass: check(value, op, limit), baseline: baseline ?? null },
    // For the printed table only: the raw figures behind a ratio.
    measured,
    base,
  };
}

const ratioRow = (name, cmp, op, limit) =>
  row({
    name,
    value: cmp ? round(cmp.ratio, 3) : null,
    unit: 'x bare',
    op,
    limit,
    baseline: cmp ? round(cmp.bare.rps, 1) : null,
    measured: cmp ? `${num(cmp.api.rps, 1)} req/s` : 'n/a',
    base: cmp ? `${num(cmp.bare.rps, 1)} req/s` : 'n/a',
  });

const round = (n, digits) =>
  n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** The measurements of a run (any may be missing when a group was skipped or failed) as rows. */
export function buildRows(m, config) {
  const rows = [];
  if (m.read200 !== undefined) rows.push(ratioRow('matrix read, 200 rows: throughput', m.read200, '>=', 1.0));
  if (m.readRate !== undefined)
    rows.push(
      row({
        name: `matrix read, 200 rows: p99 at ${config.readRate} req/s`,
        value: m.readRate?.api.latency.p99 ?? null,
        unit: 'ms',
        op: '<',
        limit: 50,
        baseline: m.readRate?.bare.latency.p99 ?? null,
        measured: m.readRate
          ? `p99 ${m.readRate.api.latency.p99} ms (${m.readRate.api.achievedRate} req/s achieved)`
          : 'n/a',
        base: m.readRate ? `p99 ${m.readRate.bare.latency.p99} ms` : 'n/a',
      }),
    );
  if (m.read1000 !== undefined) rows.push(ratioRow('matrix read, 1,000 rows: throughput', m.read1000, '>=', 1.0));
  if (m.editSpread !== undefined)
    rows.push(ratioRow(`cell edit over ${config.workspaces} workspaces: throughput`, m.editSpread, '>=', 0.8));
  if (m.editRate !== undefined)
    rows.push(
      row({
        name: `cell edit over ${config.workspaces} workspaces: p99 at ${config.writeRate} writes/s`,
        value: m.editRate?.api.latency.p99 ?? null,
        unit: 'ms',
        op: '<',
        limit: 50,
        baseline: m.editRate?.bare.latency.p99 ?? null,
        measured: m.editRate
          ? `p99 ${m.editRate.api.latency.p99} ms (${m.editRate.api.achievedRate} writes/s achieved)`
          : 'n/a',
        base: m.editRate ? `p99 ${m.editRate.bare.latency.p99} ms` : 'n/a',
      }),
    );
  if (m.editOne !== undefined) rows.push(ratioRow('cell edit within one workspace: throughput', m.editOne, '>=', 0.5));
  if (m.audit !== undefined) {
    const a = m.audit;
    const parts = a?.breakdown?.links && a?.breakdown?.hashes;
    const inProcess = parts
      ? `; in PostgreSQL links ${round(a.breakdown.links.ms / 1000, 2)} s + hashes ${round(a.breakdown.hashes.ms / 1000, 2)} s`
      : '';
    rows.push(
      row({
        name: `audit verification of ${num(config.auditEvents)} events (GET .../audit-events/verify): rate`,
        value: a?.ratio ? round(a.ratio, 3) : null,
        unit: 'x raw SHA-256',
        op: '>=',
        limit: 0.5,
        baseline: a ? round(a.raw.eventsPerSecond, 0) : null,
        measured: !a
          ? 'n/a'
          : a.api.error
            ? `endpoint failed: ${a.api.error.slice(0, 120)}${inProcess}`
            : `${num(a.api.eventsPerSecond)} events/s (${fmt(a.api.seconds, 1)} s)${inProcess}`,
        base: a ? `${num(a.raw.eventsPerSecond)} events/s` : 'n/a',
      }),
    );
  }
  if (m.gridRender !== undefined)
    rows.push(
      row({
        name: 'grid of 1,000 rows: first render',
        value: m.gridRender?.ms ?? null,
        unit: 'ms',
        op: '<',
        limit: 500,
        measured: m.gridRender
          ? `${m.gridRender.ms} ms (data at ${m.gridRender.untilDataMs}, drawn ${m.gridRender.dataToDrawnMs} later)`
          : 'n/a',
      }),
    );
  if (m.keypress !== undefined)
    rows.push(
      row({
        name: 'grid of 1,000 rows: key press to updated cell (median)',
        value: m.keypress?.ms ?? null,
        unit: 'ms',
        op: '<',
        limit: 50,
        measured: m.keypress ? `${m.keypress.ms} ms (next frame ${m.keypress.toFrameMs} ms)` : 'n/a',
      }),
    );
  for (const [key, label] of [
    ['jsSignIn', 'sign-in page'],
    ['jsMatrix', 'matrix page'],
  ]) {
    if (m[key] === undefined) continue;
    const js = m[key];
    rows.push(
      row({
        name: `first-load JavaScript, ${label} (gzip)`,
        value: js ? round(js.bytes / 1000, 1) : null,
        unit: 'kB',
        op: '<=',
        limit: 300,
        measured: js
          ? `${fmt(js.bytes / 1000, 1)} kB gzip (${fmt(js.rawBytes / 1000, 1)} kB raw, ${js.files.length} files)`
          : 'n/a',
      }),
    );
  }
  for (const [key, label] of [
    ['lighthouseSignIn', 'sign-in page'],
    ['lighthouseMatrix', 'matrix page'],
  ]) {
    if (m[key] === undefined) continue;
    const lh = m[key];
    const mid = lh?.runs.find((r) => r.score === lh.score) ?? lh?.runs[0];
    rows.push(
      row({
        name: `Lighthouse performance, ${label} (desktop)`,
        value: lh?.score ?? null,
        unit: 'score',
        op: '>=',
        limit: 0.95,
        measured: lh
          ? `${fmt(lh.score)} (FCP ${mid.fcpMs} ms, LCP ${mid.lcpMs} ms, TBT ${mid.tbtMs} ms, CLS ${mid.cls})`
          : 'n/a',
      }),
    );
  }
  return rows;
}

export function markdownTable(rows) {
  const lines = ['| target | measured | baseline (same run) | value | target | pass |', '|---|---|---|---|---|---|'];
  for (const { result: r, measured, base } of rows) {
    const value = r.value === null ? 'n/a' : `${r.value} ${r.unit}`;
    lines.push(
      `| ${r.name} | ${measured ?? value} | ${base ?? '–'} | ${value} | ${r.target} ${r.unit} | ${r.pass ? 'pass' : '**FAIL**'} |`,
    );
  }
  return lines.join('\n');
}
