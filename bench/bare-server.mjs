// The bare baseline of the benchmark: what the matrix read and the cell edit cost with nothing but
// node:http and pg, doing the same database work as the API in the same row-level-security
// transaction, as the same application role, with the same pool size. The API's figures are
// reported as ratios to this server's, measured in the same run (bench/run.mjs).
//
// It has no framework, no sessions, no guards, no logging and no validation library; it trusts
// BARE_USER_ID as the signed-in person (an msp_admin, so app.client_id stays empty, as for the
// API's MSP roles). Same routes and response shapes as the API, so the load is identical:
//
//   GET /api/workspaces/:ws/matrices/:matrixId        the draft (MatrixView), ETag = matrix version
//   PUT /api/workspaces/:ws/matrices/:matrixId/responsibilities/:id/assignments
//       If-Match: "<row version>", body {"letters": {partyId: letter}} -> ResponsibilityView
//
// Env: BARE_PORT, DATABASE_URL (the application role), DATABASE_POOL_SIZE (default 10, as the
// API), BARE_USER_ID, BARE_USER_NAME.
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The same pure domain code as the API: the row rules behind `violations`, and the canonical JSON
// the audit chain hashes.
const { checkRow, canonicalJson } = require(path.join(root, 'libs/raci/dist/index.js'));

const port = Number(process.env.BARE_PORT ?? 3291);
const user = {
  id: required('BARE_USER_ID'),
  name: process.env.BARE_USER_NAME ?? 'Bench Runner',
  role: 'msp_admin',
  party: 'msp',
};
const pool = new pg.Pool({
  connectionString: required('DATABASE_URL'),
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const READ = new RegExp(`^/api/workspaces/(${UUID})/matrices/(${UUID})$`, 'i');
const EDIT = new RegExp(`^/api/workspaces/(${UUID})/matrices/(${UUID})/responsibilities/(${UUID})/assignments$`, 'i');
const PARTY_ID = new RegExp(`^${UUID}$`, 'i');
const LETTERS = new Set(['R', 'A', 'C', 'I']);

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`bare-server: ${name} must be set`);
  return value;
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The tenant transaction, as the API's TenantDb.run: settings that die with the transaction. */
async function tenantTx(workspaceId, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.workspace_id', $1, true), set_config('app.client_id', $2, true), set_config('app.user_id', $3, true)`,
      [workspaceId, '', user.id],
    );
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw error;
  }
}

/**
 * The draft in the API's MatrixView shape. The rows and their letters come from one SELECT (a
 * join, one line per letter); the matrix's own fields and its four parties from a second, small
 * one, because the response needs them too.
 */
async function readMatrix(workspaceId, matrixId) {
  return tenantTx(workspaceId, async (db) => {
    const head = (
      await db.query(
        `SELECT m.id, m.client_id, m.name, m.model, m.version, m.updated_at,
                p.id AS party_id, p.key, p.name AS party_name, p.kind, p.required_to_sign, p.position, p.version AS party_version
         FROM matrices m LEFT JOIN matrix_parties p ON p.workspace_id = m.workspace_id AND p.matrix_id = m.id
         WHERE m.workspace_id = $1 AND m.id = $2 ORDER BY p.position, p.key`,
        [workspaceId, matrixId],
      )
    ).rows;
    if (!head.length) throw new HttpError(404, 'No such matrix.');
    const lines = (
      await db.query(
        `SELECT r.id, r.key, r.category, r.title, r.description, r.critical, r.tool_access, r.after_hours, r.position, r.version,
                a.party_id, a.letter
         FROM responsibilities r
         LEFT JOIN assignments a ON a.workspace_id = r.workspace_id AND a.responsibility_id = r.id
         WHERE r.workspace_id = $1 AND r.matrix_id = $2
         ORDER BY r.position, r.key`,
        [workspaceId, matrixId],
      )
    ).rows;

    const responsibilities = [];
    let current = null;
    for (const line of lines) {
      if (current?.id !== line.id) {
        current = {
          id: line.id,
          key: line.key,
          category: line.category,
          title: line.title,
          description: line.description,
          critical: line.critical,
          toolAccess: line.tool_access ?? null,
          afterHours: line.after_hours,
          position: line.position,
          version: line.version,
          letters: {},
          violations: null,
        };
        responsibilities.push(current);
      }
      if (line.party_id) current.letters[line.party_id] = line.letter;
    }
    for (const r of responsibilities) r.violations = violationsOf(r.letters);

    const m = head[0];
    return {
      version: m.version,
      body: {
        id: m.id,
        clientId: m.client_id,
        name: m.name,
        model: m.model,
        version: m.version,
        updatedAt: m.updated_at.toISOString(),
        parties: head
          .filter((p) => p.party_id)
          .map((p) => ({
            id: p.party_id,
            key: p.key,
            name: p.party_name,
            kind: p.kind,
            requiredToSign: p.required_to_sign,
            position: p.position,
            version: p.party_version,
          })),
        responsibilities,
        signable: responsibilities.every((r) => r.violations.length === 0),
      },
    };
  });
}

function violationsOf(letters) {
  return checkRow(Object.entries(letters).map(([partyId, letter]) => ({ partyId, letter })));
}

/**
 * One cell edit: the version-checked UPDATE of the row, its letters replaced, and one audit event
 * appended to the workspace's hash chain (head row locked FOR UPDATE, as the API does), in one
 * transaction. No matrix touch and no NOTIFY: those serve the API's live updates, not the write.
 */
async function setLetters(workspaceId, matrixId, rowId, version, letters, meta) {
  return tenantTx(workspaceId, async (db) => {
    const row = (
      await db.query(
        `UPDATE responsibilities SET version = version + 1, updated_at = now()
         WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3 AND version = $4
         RETURNING id, client_id, key, category, title, description, critical, tool_access, after_hours, position, version`,
        [workspaceId, matrixId, rowId, version],
      )
    ).rows[0];
    if (!row) throw new HttpError(412, 'This responsibility was changed by someone else since you read it.');

    const before = (
      await db.query(
        `DELETE FROM assignments a USING matrix_parties p
         WHERE a.workspace_id = $1 AND a.responsibility_id = $2 AND p.workspace_id = a.workspace_id AND p.id = a.party_id
         RETURNING p.key, a.letter`,
        [workspaceId, rowId],
      )
    ).rows;
    const after = (
      await db.query(
        `WITH added AS (
           INSERT INTO assignments (workspace_id, client_id, matrix_id, responsibility_id, party_id, letter)
           SELECT $1, $2, $3, $4, p.id, l.value
           FROM jsonb_each_text($5::jsonb) AS l JOIN matrix_parties p ON p.workspace_id = $1 AND p.matrix_id = $3 AND p.id = l.key::uuid
           RETURNING party_id, letter)
         SELECT p.key, added.letter FROM added JOIN matrix_parties p ON p.workspace_id = $1 AND p.id = added.party_id`,
        [workspaceId, row.client_id, matrixId, rowId, JSON.stringify(letters)],
      )
    ).rows;
    if (after.length !== Object.keys(letters).length)
      throw new HttpError(400, 'A letter names a party that is not in this matrix.');

    const head = (
      await db.query(`SELECT seq, hash FROM audit_chain_heads WHERE workspace_id = $1 FOR UPDATE`, [workspaceId])
    ).rows[0];
    const byKey = (list) => Object.fromEntries(list.map((l) => [l.key, l.letter]));
    const payload = {
      workspaceId,
      seq: Number(head.seq) + 1,
      occurredAt: new Date().toISOString(),
      actorUserId: user.id,
      actorName: user.name,
      actorRole: user.role,
      actorParty: user.party,
      action: 'responsibility.letters_set',
      entityType: 'responsibility',
      entityId: rowId,
      clientId: row.client_id,
      matrixId,
      before: { title: row.title, letters: byKey(before) },
      after: { title: row.title, letters: byKey(after) },
      ip: meta.ip,
      userAgent: meta.userAgent,
      requestId: meta.requestId,
    };
    const body = canonicalJson(payload);
    const hash = createHash('sha256').update(head.hash).update(body).digest('hex');
    await db.query(
      `INSERT INTO audit_events (workspace_id, seq, occurred_at, actor_user_id, actor_name, actor_role, actor_party, action,
         entity_type, entity_id, client_id, matrix_id, before, after, ip, user_agent, request_id, prev_hash, hash, body)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)`,
      [
        workspaceId,
        payload.seq,
        payload.occurredAt,
        user.id,
        user.name,
        user.role,
        user.party,
        payload.action,
        payload.entityType,
        rowId,
        row.client_id,
        matrixId,
        JSON.stringify(payload.before),
        JSON.stringify(payload.after),
        meta.ip,
        meta.userAgent,
        meta.requestId,
        head.hash,
        hash,
        body,
      ],
    );
    await db.query(`UPDATE audit_chain_heads SET seq = $2, hash = $3 WHERE workspace_id = $1`, [
      workspaceId,
      payload.seq,
      hash,
    ]);

    return {
      version: row.version,
      body: {
        id: row.id,
        key: row.key,
        category: row.category,
        title: row.title,
        description: row.description,
        critical: row.critical,
        toolAccess: row.tool_access ?? null,
        afterHours: row.after_hours,
        position: row.position,
        version: row.version,
        letters,
        violations: violationsOf(letters),
      },
    };
  });
}

function send(res, status, body, version) {
  const json = JSON.stringify(body);
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  };
  if (version !== undefined) headers.ETag = `"${version}"`;
  res.writeHead(status, headers);
  res.end(json);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseLetters(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
  const letters = body?.letters;
  if (!letters || typeof letters !== 'object' || Array.isArray(letters))
    throw new HttpError(400, 'letters must be an object.');
  for (const [partyId, letter] of Object.entries(letters)) {
    if (!PARTY_ID.test(partyId) || !LETTERS.has(letter))
      throw new HttpError(400, `letters.${partyId} must be one of R, A, C, I`);
  }
  return letters;
}

async function handle(req, res) {
  const url = req.url.split('?')[0];
  let match;
  if (req.method === 'GET' && (match = READ.exec(url))) {
    const { version, body } = await readMatrix(match[1], match[2]);
    return send(res, 200, body, version);
  }
  if (req.method === 'PUT' && (match = EDIT.exec(url))) {
    const ifMatch = /^(?:W\/)?"?(\d+)"?$/.exec(String(req.headers['if-match'] ?? '').trim());
    if (!req.headers['if-match']) throw new HttpError(428, 'This change needs an If-Match header.');
    if (!ifMatch) throw new HttpError(412, 'If-Match does not name a version.');
    const letters = parseLetters(await readBody(req));
    const meta = {
      ip: req.socket.remoteAddress ?? null,
      userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
      requestId: randomUUID(),
    };
    const { version, body } = await setLetters(match[1], match[2], match[3], Number(ifMatch[1]), letters, meta);
    return send(res, 200, body, version);
  }
  if (req.method === 'GET' && url === '/health') return send(res, 200, { ok: true });
  throw new HttpError(404, 'Not found.');
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) process.stderr.write(`bare-server: ${error?.stack ?? error}\n`);
    if (!res.headersSent) send(res, status, { statusCode: status, message: error.message });
    else res.destroy();
  });
});
// As Node's defaults, which NestJS on Express keeps too.
server.keepAliveTimeout = 5_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`bare-server listening on 127.0.0.1:${port}\n`));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections?.();
  await pool.end().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
