import { NotFoundException } from '@nestjs/common';
import { checkRow, isRaciLetter, type MatrixContent, type Party, type RaciLetter, type Responsibility, type SupportModel } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { uuidLiteral } from '../database/tenant-db';

export interface MatrixRow {
  id: string;
  client_id: string;
  name: string;
  model: SupportModel;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface PartyRow {
  id: string;
  key: string;
  name: string;
  kind: Party['kind'];
  required_to_sign: boolean;
  position: number;
  version: number;
}

export interface ResponsibilityRow {
  id: string;
  /** Read on single-row writes, which audit it; the whole-matrix read leaves it out. */
  client_id?: string;
  key: string;
  category: string;
  title: string;
  description: string;
  critical: boolean;
  tool_access: Responsibility['toolAccess'] | null;
  after_hours: boolean;
  position: number;
  version: number;
  updated_at: Date;
}

export interface AssignmentRow {
  responsibility_id: string;
  party_id: string;
  letter: RaciLetter;
}

/** A draft as stored: the rows and their ids, versions and letters keyed by party id. */
export interface StoredMatrix {
  matrix: MatrixRow;
  parties: PartyRow[];
  responsibilities: (ResponsibilityRow & { letters: Record<string, RaciLetter> })[];
}

/** The matrix's client, which the writes audit; 404 when the matrix is not in the workspace. */
export async function matrixHead(tx: EntityManager, workspaceId: string, matrixId: string): Promise<{ client_id: string }> {
  const [m]: { client_id: string }[] = await tx.query(`SELECT client_id FROM matrices WHERE workspace_id = $1 AND id = $2`, [workspaceId, matrixId]);
  if (!m) throw new NotFoundException('No such matrix.');
  return m;
}

/** Reads a whole draft (see readMatrices); 404 when it is not in the workspace. */
export async function readMatrix(tx: EntityManager, workspaceId: string, matrixId: string): Promise<StoredMatrix> {
  const stored = (await readMatrices(tx, workspaceId, [matrixId])).get(matrixId);
  if (!stored) throw new NotFoundException('No such matrix.');
  return stored;
}

/**
 * Reads whole drafts in four queries, whatever their number and size: the matrices, their
 * parties, their rows and all their letters. Nothing is fetched per matrix or per row. Answers
 * the drafts found, by id; ids not in the workspace are left out.
 */
export async function readMatrices(tx: EntityManager, workspaceId: string, matrixIds: string[]): Promise<Map<string, StoredMatrix>> {
  const byId = new Map<string, StoredMatrix>();
  if (!matrixIds.length) return byId;
  const matrices: MatrixRow[] = await tx.query(
    `SELECT id, client_id, name, model, version, created_at, updated_at FROM matrices WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, matrixIds],
  );
  if (!matrices.length) return byId;
  const found = matrices.map((m) => m.id);
  const parties: (PartyRow & { matrix_id: string })[] = await tx.query(
    `SELECT matrix_id, id, key, name, kind, required_to_sign, position, version FROM matrix_parties
     WHERE workspace_id = $1 AND matrix_id = ANY($2::uuid[]) ORDER BY position, key`,
    [workspaceId, found],
  );
  const rows: (ResponsibilityRow & { matrix_id: string })[] = await tx.query(
    `SELECT matrix_id, id, key, category, title, description, critical, tool_access, after_hours, position, version, updated_at
     FROM responsibilities WHERE workspace_id = $1 AND matrix_id = ANY($2::uuid[]) ORDER BY position, key`,
    [workspaceId, found],
  );
  const assignments: AssignmentRow[] = await tx.query(
    `SELECT responsibility_id, party_id, letter FROM assignments WHERE workspace_id = $1 AND matrix_id = ANY($2::uuid[])`,
    [workspaceId, found],
  );
  const lettersByRow = new Map<string, Record<string, RaciLetter>>();
  for (const a of assignments) {
    const letters = lettersByRow.get(a.responsibility_id) ?? {};
    letters[a.party_id] = a.letter;
    lettersByRow.set(a.responsibility_id, letters);
  }
  for (const matrix of matrices) byId.set(matrix.id, { matrix, parties: [], responsibilities: [] });
  for (const { matrix_id, ...party } of parties) byId.get(matrix_id)?.parties.push(party);
  for (const { matrix_id, ...row } of rows) byId.get(matrix_id)?.responsibilities.push({ ...row, letters: lettersByRow.get(row.id) ?? {} });
  return byId;
}

/**
 * The draft read of the API (MatrixView) as JSON text built by PostgreSQL in one statement: no entity
 * hydration, no row parsing and no JSON.stringify of a thousand rows in Node, which is where a
 * large matrix's read time went. The RACI rules stay in libs/raci: the query writes every row
 * with no violations and `signable: true`, and also returns each row's letters in compact form
 * ("RAC,RA,..."); only when libs/raci finds a broken row is the text parsed and its violations
 * filled in. A row holds one letter per party by primary key, so the letters alone decide.
 * Answers one row (version, revision, json, compact), or none for an unknown matrix. Values are
 * inlined (checked UUIDs), so the read can travel with its scope in one message (TenantDb.once).
 * With `knownRevision`, the revision of a JSON the caller holds: when the matrix is still at it,
 * nothing is built and json and compact are NULL (CASE evaluates only the branch it takes).
 */
export function readMatrixJsonSql(workspaceId: string, matrixId: string, knownRevision: string | null = null): string {
  if (knownRevision !== null && !/^\d+$/.test(knownRevision)) throw new Error('a revision is a number');
  const ws = uuidLiteral(workspaceId);
  const id = uuidLiteral(matrixId);
  return `WITH rows AS (
       SELECT r.id, r.key, r.category, r.title, r.description, r.critical, r.tool_access, r.after_hours, r.position, r.version, l.letters, l.compact
       FROM responsibilities r
       LEFT JOIN LATERAL (
         SELECT json_object_agg(a.party_id, a.letter) AS letters, string_agg(a.letter, '') AS compact
         FROM assignments a WHERE a.workspace_id = r.workspace_id AND a.responsibility_id = r.id
       ) l ON true
       WHERE r.workspace_id = ${ws} AND r.matrix_id = ${id}
     )
     SELECT m.version, m.revision::text AS revision,
       CASE WHEN m.revision = ${knownRevision ?? -1} THEN NULL ELSE json_build_object(
         'id', m.id, 'clientId', m.client_id, 'name', m.name, 'model', m.model, 'version', m.version,
         'updatedAt', to_char(m.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'parties', coalesce((
           SELECT json_agg(json_build_object('id', p.id, 'key', p.key, 'name', p.name, 'kind', p.kind, 'requiredToSign', p.required_to_sign, 'position', p.position, 'version', p.version) ORDER BY p.position, p.key)
           FROM matrix_parties p WHERE p.workspace_id = m.workspace_id AND p.matrix_id = m.id), '[]'::json),
         'responsibilities', coalesce((
           SELECT json_agg(json_build_object('id', id, 'key', key, 'category', category, 'title', title, 'description', description, 'critical', critical,
             'toolAccess', tool_access, 'afterHours', after_hours, 'position', position, 'version', version,
             'letters', coalesce(letters, '{}'::json), 'violations', '[]'::json) ORDER BY position, key)
           FROM rows), '[]'::json),
         'signable', true
       )::text END AS json,
       CASE WHEN m.revision = ${knownRevision ?? -1} THEN NULL ELSE (SELECT string_agg(coalesce(compact, ''), ',' ORDER BY position, key) FROM rows) END AS compact
     FROM matrices m WHERE m.workspace_id = ${ws} AND m.id = ${id}`;
}

/** The stored draft as the domain sees it: parties and letters by key, not by database id. */
export function toContent(stored: StoredMatrix): MatrixContent {
  const keyOf = new Map(stored.parties.map((p) => [p.id, p.key]));
  return {
    model: stored.matrix.model,
    parties: stored.parties.map((p) => ({ key: p.key, name: p.name, kind: p.kind, requiredToSign: p.required_to_sign })),
    responsibilities: stored.responsibilities.map((r) => ({
      key: r.key,
      category: r.category as Responsibility['category'],
      title: r.title,
      description: r.description,
      critical: r.critical,
      ...(r.tool_access ? { toolAccess: r.tool_access } : {}),
      ...(r.after_hours ? { afterHours: true } : {}),
      letters: Object.fromEntries(Object.entries(r.letters).map(([partyId, letter]) => [keyOf.get(partyId) as string, letter])),
    })),
  };
}

/**
 * Writes a whole content into an empty matrix (creation from a template, import). Bulk inserts:
 * three statements, not one per row.
 */
export async function insertContent(
  tx: EntityManager,
  ids: { workspaceId: string; clientId: string; matrixId: string },
  content: MatrixContent,
  /** The matrix's parties by key, when they exist already (an import replaces rows only). */
  existingParties?: Map<string, string>,
): Promise<void> {
  const { workspaceId, clientId, matrixId } = ids;
  const parties: { id: string; key: string }[] = existingParties
    ? [...existingParties].map(([key, id]) => ({ key, id }))
    : content.parties.length
    ? await tx.query(
        `INSERT INTO matrix_parties (workspace_id, client_id, matrix_id, key, name, kind, required_to_sign, position)
         SELECT $1, $2, $3, p.key, p.name, p.kind, p.required_to_sign, p.position
         FROM jsonb_to_recordset($4::jsonb) AS p(key text, name text, kind text, required_to_sign boolean, position int)
         RETURNING id, key`,
        [workspaceId, clientId, matrixId, JSON.stringify(content.parties.map((p, i) => ({ key: p.key, name: p.name, kind: p.kind, required_to_sign: p.requiredToSign, position: i })))],
      )
    : [];
  if (!content.responsibilities.length) return;
  const rows: { id: string; key: string }[] = await tx.query(
    `INSERT INTO responsibilities (workspace_id, client_id, matrix_id, key, category, title, description, critical, tool_access, after_hours, position)
     SELECT $1, $2, $3, r.key, r.category, r.title, r.description, r.critical, r.tool_access, r.after_hours, r.position
     FROM jsonb_to_recordset($4::jsonb) AS r(key text, category text, title text, description text, critical boolean, tool_access text, after_hours boolean, position int)
     RETURNING id, key`,
    [
      workspaceId,
      clientId,
      matrixId,
      JSON.stringify(
        content.responsibilities.map((r, i) => ({
          key: r.key,
          category: r.category,
          title: r.title,
          description: r.description ?? '',
          critical: r.critical,
          tool_access: r.toolAccess ?? null,
          after_hours: Boolean(r.afterHours),
          position: i,
        })),
      ),
    ],
  );
  const partyId = new Map(parties.map((p) => [p.key, p.id]));
  const rowId = new Map(rows.map((r) => [r.key, r.id]));
  const letters = content.responsibilities.flatMap((r) =>
    Object.entries(r.letters).map(([key, letter]) => ({ responsibility_id: rowId.get(r.key), party_id: partyId.get(key), letter })),
  );
  if (!letters.length) return;
  await tx.query(
    `INSERT INTO assignments (workspace_id, client_id, matrix_id, responsibility_id, party_id, letter)
     SELECT $1, $2, $3, a.responsibility_id, a.party_id, a.letter
     FROM jsonb_to_recordset($4::jsonb) AS a(responsibility_id uuid, party_id uuid, letter text)`,
    [workspaceId, clientId, matrixId, JSON.stringify(letters)],
  );
}

/** A row's broken rules (libs/raci), from its letters by party id. */
export function rowViolations(letters: Record<string, string>) {
  return checkRow(Object.entries(letters).map(([partyId, letter]) => ({ partyId, letter: letter as RaciLetter })));
}

/** Each letter that names a party outside the matrix or is not R, A, C or I, by field. */
export function letterProblems(partyIds: { has(id: string): boolean }, letters: Record<string, string>): { field: string; message: string }[] {
  return Object.entries(letters).flatMap(([partyId, letter]) => [
    ...(partyIds.has(partyId) ? [] : [{ field: `letters.${partyId}`, message: 'is not a party of this matrix' }]),
    ...(isRaciLetter(letter) ? [] : [{ field: `letters.${partyId}`, message: 'must be one of R, A, C, I' }]),
  ]);
}
