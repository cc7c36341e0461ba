import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { beginTenant } from './database.mjs';

/**
 * The SQL statements one request sends, read from PostgreSQL's own log (log_statement = 'all',
 * switched on for a moment through the embedded server's superuser): each is a round trip, and
 * the count per request, API against bare, is the plainest account of where a request's database
 * time goes. Embedded server only; with DATABASE_URL it is skipped.
 */
export async function traceStatements(embedded, requests) {
  if (!embedded) return null;
  const logFile = path.join(embedded.dataDirectory, 'server.log');
  const su = new pg.Client({ connectionString: embedded.superuserUrl('accord') });
  await su.connect();
  const out = {};
  try {
    await su.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await su.query('SELECT pg_reload_conf()');
    await sleep(500);
    for (const [label, send] of Object.entries(requests)) {
      const from = statSync(logFile).size;
      const status = await send();
      await sleep(300);
      const statements = parseLog(readFrom(logFile, from)).filter((s) => !/pg_reload_conf|ALTER SYSTEM/.test(s.sql));
      out[label] = { status, count: statements.length, statements };
    }
  } finally {
    await su.query('ALTER SYSTEM RESET log_statement').catch(() => undefined);
    await su.query('SELECT pg_reload_conf()').catch(() => undefined);
    await su.end();
  }
  return out;
}

/**
 * Log entries start with "<timestamp> [pid] LEVEL:  "; a statement may continue on the next lines,
 * and the extended protocol's parameters follow as a DETAIL entry of the same backend.
 */
function parseLog(text) {
  const entries = [];
  for (const line of text.split('\n')) {
    const head = /^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[(\d+)\] (\w+): {2}(.*)$/.exec(line);
    if (head) entries.push({ pid: head[1], level: head[2], text: head[3] });
    else if (entries.length) entries[entries.length - 1].text += `\n${line}`;
  }
  const statements = [];
  for (const entry of entries) {
    const statement = /^(?:statement|execute [^:]*): ([\s\S]*)$/.exec(entry.text);
    if (entry.level === 'LOG' && statement) statements.push({ pid: entry.pid, sql: statement[1].trim(), params: [] });
    const detail = /^parameters: ([\s\S]*)$/.exec(entry.text);
    if (entry.level === 'DETAIL' && detail) {
      const target = [...statements].reverse().find((s) => s.pid === entry.pid);
      if (target) target.params = parseParams(detail[1]);
    }
  }
  // A session id is a credential, even a throwaway one: not kept in the results.
  return statements.map(({ sql, params }) => ({
    sql,
    params: /FROM "sessions"/.test(sql) ? params.map(() => '…') : params,
  }));
}

function parseParams(text) {
  const params = [];
  for (const m of text.matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g)) {
    params[Number(m[1]) - 1] = m[2] === 'NULL' ? null : m[3].replace(/''/g, "'");
  }
  return params;
}

/**
 * EXPLAIN ANALYZE of the traced read statements, in a tenant transaction as the application role
 * (so the row-level-security policies are in the plans), rolled back. Planning is paid on every
 * request too: pg sends unnamed statements, which PostgreSQL plans each time.
 */
export async function explainReads(appUrl, scope, statements) {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  const out = [];
  // A simple-protocol message may carry several statements (the API sends its scope and a read
  // as one round trip): each is explained on its own.
  const parts = statements.flatMap(({ sql, params }) =>
    params.length ? [{ sql, params }] : sql.split(/;\s+(?=(?:SELECT|WITH)\b)/i).map((part) => ({ sql: part, params })),
  );
  try {
    for (const { sql, params } of parts) {
      if (
        !/^(SELECT|WITH)\b/i.test(sql) ||
        /set_config|FROM "sessions"|FOR UPDATE|\b(INSERT|UPDATE|DELETE)\b/i.test(sql)
      )
        continue;
      await beginTenant(client, scope);
      try {
        // Twice: the first run in a connection also fills its catalog caches.
        await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
        const [{ 'QUERY PLAN': plan }] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params))
          .rows;
        const text = (await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
        out.push({
          sql: sql.replace(/\s+/g, ' ').slice(0, 160),
          planningMs: plan[0]['Planning Time'],
          executionMs: plan[0]['Execution Time'],
          plan: text,
        });
      } finally {
        await client.query('ROLLBACK');
      }
    }
  } finally {
    await client.end();
  }
  return out;
}

function readFrom(file, from) {
  const size = statSync(file).size;
  const buffer = Buffer.alloc(Math.max(0, size - from));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, from);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}
