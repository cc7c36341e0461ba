import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './config.mjs';

const require = createRequire(import.meta.url);
const { hashPassword } = require(path.join(ROOT, 'dist/apps/api/auth/passwords.js'));
const { GENESIS_HASH } = require(path.join(ROOT, 'dist/apps/api/audit/audit-event.js'));
const { CATEGORIES } = require(path.join(ROOT, 'libs/raci/dist/index.js'));

export const BENCH_PASSWORD = 'accord-bench-2026';
export const MATRIX_SIZES = [200, 1000];

/** The four columns of every bench matrix: the three built-in parties and a custom one. */
export const PARTIES = [
  { key: 'msp', name: 'MSP', kind: 'msp', requiredToSign: true },
  { key: 'internal_it', name: 'Internal IT', kind: 'internal_it', requiredToSign: true },
  { key: 'business', name: 'Business', kind: 'business', requiredToSign: true },
  { key: 'cloud_vendor', name: 'Cloud vendor', kind: 'custom', requiredToSign: false },
];

/**
 * Two valid letter sets (one A, at least one R, one letter per party). The edit benchmark flips a
 * row between them, so every write really changes the row and the matrix stays signable.
 */
export const EDIT_PATTERNS = [
  { msp: 'R', internal_it: 'A', business: 'C', cloud_vendor: 'I' },
  { msp: 'A', internal_it: 'R', business: 'I', cloud_vendor: 'C' },
];

/**
 * The bench's tenants, written directly as the owner role (which bypasses row-level security) in
 * a few set-based statements per workspace, with the shapes of the migrations in
 * apps/api/src/database/migrations: `workspaces` workspaces, each with one client and two
 * co-managed matrices (200 and 1,000 rows, 4 parties, a letter for every party on every row),
 * plus one extra workspace for the audit chain. One user, msp_admin everywhere, signs in.
 */
export async function generateTenants(ownerUrl, { workspaces, tag }) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const email = `bench.${tag}@accord.bench`;
    const [user] = (
      await client.query(
        `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id, email, name`,
        [email, 'Bench Runner', await hashPassword(BENCH_PASSWORD)],
      )
    ).rows;

    const tenants = [];
    for (let i = 1; i <= workspaces; i += 1) {
      tenants.push(
        await createWorkspace(client, user.id, `Bench ${tag} · ${String(i).padStart(2, '0')}`, MATRIX_SIZES),
      );
    }
    // The audit chain of a million events goes into a workspace of its own, so the edit
    // benchmarks' chains stay short and the verification reads only the generated chain.
    const audit = await createWorkspace(client, user.id, `Bench ${tag} · audit`, []);
    await client.query('COMMIT');
    return { user: { ...user, password: BENCH_PASSWORD }, tenants, audit };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function createWorkspace(client, userId, name, sizes) {
  const q = async (sql, params) => (await client.query(sql, params)).rows;
  const [ws] = await q(`INSERT INTO workspaces (name) VALUES ($1) RETURNING id`, [name]);
  const [cl] = await q(`INSERT INTO clients (workspace_id, name) VALUES ($1, $2) RETURNING id`, [
    ws.id,
    'Bench Dental',
  ]);
  await q(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'msp_admin')`, [ws.id, userId]);
  // The chain head exists from the start, as after a workspace's first audit event.
  await q(`INSERT INTO audit_chain_heads (workspace_id, seq, hash) VALUES ($1, 0, $2)`, [ws.id, GENESIS_HASH]);

  const matrices = [];
  for (const size of sizes) {
    const [m] = await q(
      `INSERT INTO matrices (workspace_id, client_id, name, model) VALUES ($1, $2, $3, 'co_managed') RETURNING id`,
      [ws.id, cl.id, `Co-managed IT (${size} rows)`],
    );
    const parties = await q(
      `INSERT INTO matrix_parties (workspace_id, client_id, matrix_id, key, name, kind, required_to_sign, position)
       SELECT $1, $2, $3, p.key, p.name, p.kind, p.required_to_sign, p.position
       FROM jsonb_to_recordset($4::jsonb) AS p(key text, name text, kind text, required_to_sign boolean, position int)
       RETURNING id, key`,
      [
        ws.id,
        cl.id,
        m.id,
        JSON.stringify(
          PARTIES.map((p, position) => ({
            key: p.key,
            name: p.name,
            kind: p.kind,
            required_to_sign: p.requiredToSign,
            position,
          })),
        ),
      ],
    );
    const rows = await q(
      `INSERT INTO responsibilities (workspace_id, client_id, matrix_id, key, category, title, description, critical, after_hours, position)
       SELECT $1, $2, $3, 'r-' || lpad(i::text, 4, '0'), ($4::text[])[1 + i % cardinality($4::text[])],
              'Responsibility ' || lpad(i::text, 4, '0') || ': keep the ' || ($4::text[])[1 + i % cardinality($4::text[])] || ' work current',
              'Who plans, does, approves and hears about this piece of IT work, agreed between the MSP and the client.',
              i % 5 = 0, i % 7 = 0, i - 1
       FROM generate_series(1, $5::int) AS i
       RETURNING id`,
      [ws.id, cl.id, m.id, CATEGORIES.map((c) => c.key), size],
    );
    // Every party holds a letter on every row, in one of three valid patterns.
    await q(
      `INSERT INTO assignments (workspace_id, client_id, matrix_id, responsibility_id, party_id, letter)
       SELECT r.workspace_id, r.client_id, r.matrix_id, r.id, p.id,
              CASE r.position % 3
                WHEN 0 THEN CASE p.key WHEN 'msp' THEN 'A' WHEN 'internal_it' THEN 'R' WHEN 'business' THEN 'I' ELSE 'C' END
                WHEN 1 THEN CASE p.key WHEN 'msp' THEN 'R' WHEN 'internal_it' THEN 'A' WHEN 'business' THEN 'C' ELSE 'I' END
                ELSE        CASE p.key WHEN 'msp' THEN 'R' WHEN 'internal_it' THEN 'C' WHEN 'business' THEN 'A' ELSE 'I' END
              END
       FROM responsibilities r JOIN matrix_parties p ON p.workspace_id = r.workspace_id AND p.matrix_id = r.matrix_id
       WHERE r.workspace_id = $1 AND r.matrix_id = $2`,
      [ws.id, m.id],
    );
    matrices.push({
      id: m.id,
      size,
      partyIds: Object.fromEntries(parties.map((p) => [p.key, p.id])),
      rowIds: rows.map((r) => r.id),
    });
  }
  return { workspaceId: ws.id, clientId: cl.id, matrices };
}

/**
 * Fresh statistics and visibility, as a database in steady use has; the plans are then stable.
 * Then a CHECKPOINT: the load leaves up to a gigabyte of WAL and dirty pages, and the checkpoint
 * that writes them would otherwise fall inside a measured run, with its disk flushes delaying
 * every commit of whichever server is measured at that moment. Needs superuser (the embedded
 * cluster's) or pg_checkpoint; without, the harness says so and goes on.
 */
export async function vacuumAndCheckpoint(ownerUrl, superuserUrl) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    for (const table of [
      'users',
      'workspaces',
      'clients',
      'memberships',
      'matrices',
      'matrix_parties',
      'responsibilities',
      'assignments',
      'audit_chain_heads',
      'audit_events',
    ]) {
      await client.query(`VACUUM (ANALYZE) ${table}`);
    }
    try {
      if (superuserUrl) {
        const su = new pg.Client({ connectionString: superuserUrl });
        await su.connect();
        await su.query('CHECKPOINT').finally(() => su.end());
      } else {
        await client.query('CHECKPOINT');
      }
      return { checkpoint: true };
    } catch (error) {
      return { checkpoint: false, reason: String(error?.message ?? error) };
    }
  } finally {
    await client.end();
  }
}
