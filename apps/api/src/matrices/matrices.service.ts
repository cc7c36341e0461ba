import { LRUCache } from 'lru-cache';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { checkMatrix, checkRow, describeDiff, diffMatrices, gapReport, makeKey, matrixToTable, type RaciLetter, tableToResponsibilities, isTemplateKey, type MatrixContent, normalizeMatrix, TEMPLATES, templateContent, transitionTo } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { AuditService, chainHeadCte, scopeOf, writeContext } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { prepared, rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import { readPolicy } from '../escalation/policy-store';
import { TARGET_MODELS } from './dto/matrix.dto';
import type { SaveTemplateDto, TemplateView, CreatePartyDto, TransitionDto, TransitionPreviewView, UpdatePartyDto, CreateMatrixDto, CreateResponsibilityDto, MatrixSummaryView, MatrixView, ResponsibilityView, SetAssignmentsDto, UpdateResponsibilityDto } from './dto/matrix.dto';
import { type MatrixEvent, MatrixEvents } from './matrix-events';
import { insertContent, letterProblems, matrixHead, readMatrix, readMatrixJsonSql, type ResponsibilityRow, rowViolations, type StoredMatrix, toContent } from './matrix-store';

type StoredRow = StoredMatrix['responsibilities'][number];

const TEMPLATE_ROW_KEYS = [...new Set(TEMPLATES.flatMap((t) => t.content().responsibilities.map((r) => r.key)))];

function rowView(r: StoredRow): ResponsibilityView {
  return {
    id: r.id,
    key: r.key,
    category: r.category,
    title: r.title,
    description: r.description,
    critical: r.critical,
    toolAccess: r.tool_access ?? null,
    afterHours: r.after_hours,
    position: r.position,
    version: r.version,
    letters: r.letters,
    violations: rowViolations(r.letters),
  };
}

/**
 * The draft's JSON as PostgreSQL wrote it (every row without violations, `signable: true`), with
 * the violations of libs/raci filled in when a row breaks a rule; `compact` holds each row's
 * letters ("RAC,RA,..."), so the text is parsed only then.
 */
function withViolations(json: string, compact: string | null): string {
  // NULL when the matrix has no rows; '' is one row without letters, which is broken.
  const rowsLetters = compact === null ? [] : compact.split(',');
  const broken = rowsLetters.some((letters) => checkRow([...letters].map((letter, i) => ({ partyId: String(i), letter: letter as RaciLetter }))).length > 0);
  if (!broken) return json;
  const view = JSON.parse(json) as MatrixView;
  for (const row of view.responsibilities) row.violations = rowViolations(row.letters);
  view.signable = view.responsibilities.every((row) => row.violations.length === 0);
  return JSON.stringify(view);
}

/**
 * The drafts this process built last, by matrix, with the revision they were built at. Any change
 * to a draft moves its matrix's revision (MATRIX_CHANGED), and every read asks PostgreSQL, under
 * the reader's row-level security, whether the revision still holds: an unchanged matrix (each
 * open editor refetches it after every edit) is answered without building it again, a changed
 * one never from here. Bounded by size: a 1,000-row draft is about 650 kB.
 */
function draftCache(): LRUCache<string, { revision: string; draft: { version: number; json: string } }> {
  return new LRUCache({ maxSize: 64 * 1024 * 1024, sizeCalculation: (entry) => entry.draft.json.length + 64 });
}

/**
 * What every change to a draft sets on its matrix: "last changed", and a new revision, which the
 * drafts cached by getJson are checked against. One fragment for every statement that changes a
 * draft (touch, bumpMatrix, applyLetters), so none can move one without the other.
 */
const MATRIX_CHANGED = 'updated_at = now(), revision = revision + 1';

function matrixView(stored: StoredMatrix): MatrixView {
  const responsibilities = stored.responsibilities.map(rowView);
  return {
    id: stored.matrix.id,
    clientId: stored.matrix.client_id,
    name: stored.matrix.name,
    model: stored.matrix.model,
    version: stored.matrix.version,
    updatedAt: stored.matrix.updated_at.toISOString(),
    parties: stored.parties.map((p) => ({ id: p.id, key: p.key, name: p.name, kind: p.kind, requiredToSign: p.required_to_sign, position: p.position, version: p.version })),
    responsibilities,
    signable: responsibilities.every((r) => r.violations.length === 0),
  };
}

@Injectable()
export class MatricesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: MatrixEvents,
  ) {}

  private readonly drafts = draftCache();

  list(ctx: TenantContext, clientId: string): Promise<MatrixSummaryView[]> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const found: { id: string; client_id: string; name: string; model: string; version: number; updated_at: Date; responsibilities: number }[] = await tx.query(
        `SELECT m.id, m.client_id, m.name, m.model, m.version, m.updated_at,
                (SELECT count(*)::int FROM responsibilities r WHERE r.workspace_id = m.workspace_id AND r.matrix_id = m.id) AS responsibilities
         FROM matrices m WHERE m.workspace_id = $1 AND m.client_id = $2 ORDER BY m.updated_at DESC`,
        [ctx.workspaceId, clientId],
      );
      if (!found.length) await this.assertClient(tx, ctx, clientId);
      return found.map((m) => ({ id: m.id, clientId: m.client_id, name: m.name, model: m.model, version: m.version, responsibilities: m.responsibilities, updatedAt: m.updated_at.toISOString() }));
    });
  }

  create(ctx: TenantContext, clientId: string, dto: CreateMatrixDto, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      await this.assertClient(tx, ctx, clientId);
      const content = await this.startingContent(tx, ctx, dto.template);
      const [matrix] = await tx.query(`INSERT INTO matrices (workspace_id, client_id, name, model) VALUES ($1, $2, $3, $4) RETURNING id`, [ctx.workspaceId, clientId, dto.name, content.model]);
      await insertContent(tx, { workspaceId: ctx.workspaceId, clientId, matrixId: matrix.id }, content);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'matrix.created',
        entityType: 'matrix',
        entityId: matrix.id,
        clientId,
        matrixId: matrix.id,
        after: { name: dto.name, template: dto.template, model: content.model, responsibilities: content.responsibilities.length },
      });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrix.id));
    });
  }

  /**
   * The draft (the view every write answers with), as JSON text from one query: the hot read of the editor. The text is
   * sent as it is unless libs/raci finds a broken row, whose violations are then filled in.
   */
  async getJson(ctx: TenantContext, matrixId: string): Promise<{ version: number; json: string }> {
    const cached = this.drafts.get(matrixId);
    const [[read]] = await this.db.once<{ version: number; revision: string; json: string | null; compact: string | null }>(
      scopeOf(ctx),
      readMatrixJsonSql(ctx.workspaceId, matrixId, cached?.revision ?? null),
    );
    if (!read) throw new NotFoundException('No such matrix.');
    if (read.json === null && cached) return cached.draft;
    const draft = { version: read.version, json: withViolations(read.json as string, read.compact) };
    this.drafts.set(matrixId, { revision: read.revision, draft });
    return draft;
  }

  /** The built-in templates and the workspace's own, for the "new matrix" dialog. */
  templates(ctx: TenantContext): Promise<TemplateView[]> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const own: { id: string; name: string; description: string; model: string; responsibilities: number }[] = await tx.query(
        `SELECT id, name, description, content->>'model' AS model, jsonb_array_length(content->'responsibilities') AS responsibilities
         FROM matrix_templates WHERE workspace_id = $1 ORDER BY lower(name)`,
        [ctx.workspaceId],
      );
      return [
        ...TEMPLATES.map((t) => {
          const content = t.content();
          return { id: t.key, name: t.name, description: t.description, model: content.model, responsibilities: content.responsibilities.length, builtIn: true };
        }),
        ...own.map((t) => ({ ...t, builtIn: false })),
      ];
    });
  }

  /** Saves a matrix's draft as one of the workspace's own templates. */
  saveTemplate(ctx: TenantContext, dto: SaveTemplateDto, meta: RequestMeta): Promise<TemplateView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const content = normalizeMatrix(toContent(await readMatrix(tx, ctx.workspaceId, dto.matrixId)));
      const [clash] = await tx.query(`SELECT 1 FROM matrix_templates WHERE workspace_id = $1 AND lower(name) = lower($2)`, [ctx.workspaceId, dto.name]);
      if (clash) throw new ConflictException({ message: `A template called "${dto.name}" exists already.`, details: [{ field: 'name', message: 'is already taken' }] });
      const [saved] = await tx.query(`INSERT INTO matrix_templates (workspace_id, name, description, content, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        ctx.workspaceId,
        dto.name,
        dto.description ?? '',
        JSON.stringify(content),
        ctx.user.id,
      ]);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'template.saved',
        entityType: 'template',
        entityId: saved.id,
        matrixId: dto.matrixId,
        after: { name: dto.name, responsibilities: content.responsibilities.length },
      });
      return { id: saved.id, name: dto.name, description: dto.description ?? '', model: content.model, responsibilities: content.responsibilities.length, builtIn: false };
    });
  }

  rename(ctx: TenantContext, matrixId: string, name: string, version: number, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      await this.bumpMatrix(tx, ctx, stored, version, { name });
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'matrix.renamed',
        entityType: 'matrix',
        entityId: matrixId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { name: stored.matrix.name },
        after: { name },
      });
      this.events.notify(tx, { kind: 'matrix.changed', workspaceId: ctx.workspaceId, matrixId, actorUserId: ctx.user.id });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrixId));
    });
  }

  /** Puts the rows in a new order: every row named once, against the matrix version read. */
  reorder(ctx: TenantContext, matrixId: string, order: string[], version: number, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const ids = new Set(stored.responsibilities.map((r) => r.id));
      if (order.length !== ids.size || new Set(order).size !== order.length || order.some((id) => !ids.has(id))) {
        throw new BadRequestException({ message: 'The order must name every row of the matrix once.', details: [{ field: 'order', message: 'must list every row id of the matrix once' }] });
      }
      await this.bumpMatrix(tx, ctx, stored, version);
      await tx.query(
        `UPDATE responsibilities r SET position = o.position FROM unnest($3::uuid[]) WITH ORDINALITY AS o(id, position)
         WHERE r.workspace_id = $1 AND r.matrix_id = $2 AND r.id = o.id`,
        [ctx.workspaceId, matrixId, order],
      );
      const keyOf = new Map(stored.responsibilities.map((r) => [r.id, r.key]));
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'matrix.rows_reordered',
        entityType: 'matrix',
        entityId: matrixId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { order: stored.responsibilities.map((r) => r.key) },
        after: { order: order.map((id) => keyOf.get(id)) },
      });
      this.events.notify(tx, { kind: 'matrix.changed', workspaceId: ctx.workspaceId, matrixId, actorUserId: ctx.user.id });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrixId));
    });
  }

  /** A built-in template, blank, or one of the workspace's own (404 when it is not theirs). */
  private async startingContent(tx: EntityManager, ctx: TenantContext, template: string): Promise<MatrixContent> {
    if (template === 'blank') return { ...templateContent('co_managed'), model: 'custom', responsibilities: [] };
    if (isTemplateKey(template)) return templateContent(template);
    const [own] = await tx.query(`SELECT content FROM matrix_templates WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, template]);
    if (!own) throw new NotFoundException({ message: 'No such template.', details: [{ field: 'template', message: 'is not a template of this workspace' }] });
    return own.content as MatrixContent;
  }

  /** 404 unless the matrix exists and this person may see it (row-level security decides). */
  assertVisible(ctx: TenantContext, matrixId: string): Promise<void> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      await matrixHead(tx, ctx.workspaceId, matrixId);
    });
  }

  gaps(ctx: TenantContext, matrixId: string) {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const rowIds = new Map(stored.responsibilities.map((r) => [r.key, r.id]));
      const partyIds = new Map(stored.parties.map((p) => [p.key, p.id]));
      const content = toContent(stored);
      // Escalation checks start once a policy is saved: the default has no paths and no people yet.
      const policy = await readPolicy(tx, ctx.workspaceId, matrixId, content);
      const options = policy.saved ? { escalation: { policy: policy.policy, reference: new Date() } } : {};
      return gapReport(content, options).map((gap) => ({
        ...gap,
        responsibilityId: gap.rowKey ? (rowIds.get(gap.rowKey) ?? null) : null,
        partyId: gap.partyKey ? (partyIds.get(gap.partyKey) ?? null) : null,
      }));
    });
  }

  /** The draft as a table (header + rows), for CSV and XLSX export. */
  exportTable(ctx: TenantContext, matrixId: string): Promise<{ name: string; table: string[][] }> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      return { name: stored.matrix.name, table: matrixToTable(toContent(stored)) };
    });
  }

  /**
   * Replaces the draft's rows with a file's, if every row of the file is valid and the matrix is
   * still at the version the caller read; otherwise nothing is written and every problem is named
   * by row and column.
   */
  importTable(ctx: TenantContext, matrixId: string, table: string[][], version: number, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const before = toContent(stored);
      const { responsibilities, problems } = tableToResponsibilities(table, before.parties);
      if (problems.length) {
        throw new BadRequestException({
          message: `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.`,
          details: problems.map((p) => ({ field: `row ${p.row}, ${p.column}`, message: p.message, row: p.row, column: p.column })),
        });
      }
      await this.bumpMatrix(tx, ctx, stored, version);
      await tx.query(`DELETE FROM responsibilities WHERE workspace_id = $1 AND matrix_id = $2`, [ctx.workspaceId, matrixId]);
      const after = { ...before, responsibilities };
      await insertContent(tx, { workspaceId: ctx.workspaceId, clientId: stored.matrix.client_id, matrixId }, after, new Map(stored.parties.map((p) => [p.key, p.id])));
      const changes = describeDiff(diffMatrices(before, after), after);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'matrix.imported',
        entityType: 'matrix',
        entityId: matrixId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { responsibilities: before.responsibilities.length },
        after: { responsibilities: responsibilities.length, changes: changes.slice(0, 200) },
      });
      this.events.notify(tx, { kind: 'matrix.changed', workspaceId: ctx.workspaceId, matrixId, actorUserId: ctx.user.id });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrixId));
    });
  }

  /** What moving to the other support model would change, before anything is applied. */
  previewTransition(ctx: TenantContext, matrixId: string, to: string | undefined): Promise<TransitionPreviewView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      // The matrix first: for an id that is not theirs, people learn nothing from their input's errors.
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      if (!(TARGET_MODELS as readonly string[]).includes(to ?? '')) {
        throw new BadRequestException({ message: 'Choose the model to move to.', details: [{ field: 'to', message: `to must be one of ${TARGET_MODELS.join(', ')}` }] });
      }
      const before = toContent(stored);
      const after = transitionTo(before, to as TransitionDto['to']);
      return {
        from: before.model,
        to: to as TransitionDto['to'],
        changes: describeDiff(diffMatrices(before, after), after),
        violations: checkMatrix(after).map((v) => ({ code: v.code, message: v.message, partyIds: v.partyKeys })),
        version: stored.matrix.version,
      };
    });
  }

  /** Applies the previewed transition to the draft in one transaction, if nothing changed since the preview. */
  applyTransition(ctx: TenantContext, matrixId: string, to: TransitionDto['to'], version: number, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const before = toContent(stored);
      const after = transitionTo(before, to);
      await this.bumpMatrix(tx, ctx, stored, version, { model: after.model });
      await tx.query(`DELETE FROM responsibilities WHERE workspace_id = $1 AND matrix_id = $2`, [ctx.workspaceId, matrixId]);
      await tx.query(`DELETE FROM matrix_parties WHERE workspace_id = $1 AND matrix_id = $2`, [ctx.workspaceId, matrixId]);
      await insertContent(tx, { workspaceId: ctx.workspaceId, clientId: stored.matrix.client_id, matrixId }, after);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'matrix.model_changed',
        entityType: 'matrix',
        entityId: matrixId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { model: before.model },
        after: { model: after.model, changes: describeDiff(diffMatrices(before, after), after).slice(0, 200) },
      });
      this.events.notify(tx, { kind: 'matrix.changed', workspaceId: ctx.workspaceId, matrixId, actorUserId: ctx.user.id });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrixId));
    });
  }

  addParty(ctx: TenantContext, matrixId: string, dto: CreatePartyDto, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      if (stored.parties.some((p) => p.name.toLowerCase() === dto.name.toLowerCase())) {
        throw new ConflictException({ message: `This matrix already has a party called "${dto.name}".`, details: [{ field: 'name', message: 'is already taken' }] });
      }
      const key = makeKey(dto.name, stored.parties.map((p) => p.key));
      const [party] = await tx.query(
        `INSERT INTO matrix_parties (workspace_id, client_id, matrix_id, key, name, kind, required_to_sign, position)
         VALUES ($1, $2, $3, $4, $5, 'custom', $6, $7) RETURNING id`,
        [ctx.workspaceId, stored.matrix.client_id, matrixId, key, dto.name, dto.requiredToSign ?? false, stored.parties.length],
      );
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'party.created',
        entityType: 'party',
        entityId: party.id,
        clientId: stored.matrix.client_id,
        matrixId,
        after: { key, name: dto.name, requiredToSign: dto.requiredToSign ?? false },
      });
      await this.touch(tx, ctx, matrixId, { kind: 'matrix.changed' });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrixId));
    });
  }

  updateParty(ctx: TenantContext, matrixId: string, partyId: string, dto: UpdatePartyDto, version: number, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const party = stored.parties.find((p) => p.id === partyId);
      if (!party) throw new NotFoundException('No such party.');
      if (party.version !== version) throw new PreconditionFailed('This party was changed by someone else since you read it.', matrixView(stored));
      if (dto.name && stored.parties.some((p) => p.id !== partyId && p.name.toLowerCase() === dto.name?.toLowerCase())) {
        throw new ConflictException({ message: `This matrix already has a party called "${dto.name}".`, details: [{ field: 'name', message: 'is already taken' }] });
      }
      const [updated] = await rows(
        tx,
        `UPDATE matrix_parties SET name = coalesce($4, name), required_to_sign = coalesce($5, required_to_sign), version = version + 1
         WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3 AND version = $6 RETURNING id`,
        [ctx.workspaceId, matrixId, partyId, dto.name ?? null, dto.requiredToSign ?? null, version],
      );
      if (!updated) throw new PreconditionFailed('This party was changed by someone else since you read it.', matrixView(await readMatrix(tx, ctx.workspaceId, matrixId)));
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'party.updated',
        entityType: 'party',
        entityId: partyId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { name: party.name, requiredToSign: party.required_to_sign },
        after: { name: dto.name ?? party.name, requiredToSign: dto.requiredToSign ?? party.required_to_sign },
      });
      await this.touch(tx, ctx, matrixId, { kind: 'matrix.changed' });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrixId));
    });
  }

  /** Removes a party and its letters. The MSP stays: a matrix between an MSP and its client needs it. */
  deleteParty(ctx: TenantContext, matrixId: string, partyId: string, version: number, meta: RequestMeta): Promise<MatrixView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const party = stored.parties.find((p) => p.id === partyId);
      if (!party) throw new NotFoundException('No such party.');
      if (party.kind === 'msp') throw new ConflictException('The MSP is a party of every matrix.');
      const deleted = await rows(tx, `DELETE FROM matrix_parties WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3 AND version = $4 RETURNING id`, [
        ctx.workspaceId,
        matrixId,
        partyId,
        version,
      ]);
      if (!deleted.length) throw new PreconditionFailed('This party was changed by someone else since you read it.', matrixView(stored));
      const letters = Object.fromEntries(stored.responsibilities.filter((r) => r.letters[partyId]).map((r) => [r.key, r.letters[partyId]]));
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'party.deleted',
        entityType: 'party',
        entityId: partyId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { key: party.key, name: party.name, letters },
      });
      await this.touch(tx, ctx, matrixId, { kind: 'matrix.changed' });
      return matrixView(await readMatrix(tx, ctx.workspaceId, matrixId));
    });
  }

  addResponsibility(ctx: TenantContext, matrixId: string, dto: CreateResponsibilityDto, meta: RequestMeta): Promise<ResponsibilityView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const matrix = await matrixHead(tx, ctx.workspaceId, matrixId);
      const existing: { key: string }[] = await tx.query(`SELECT key FROM responsibilities WHERE workspace_id = $1 AND matrix_id = $2`, [ctx.workspaceId, matrixId]);
      // Template keys count as taken, so a client's own row is never mistaken for a template row.
      const key = makeKey(dto.title, [...existing.map((e) => e.key), ...TEMPLATE_ROW_KEYS]);
      const [row]: ResponsibilityRow[] = await tx.query(
        `INSERT INTO responsibilities (workspace_id, client_id, matrix_id, key, category, title, description, critical, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 (SELECT coalesce(max(position), -1) + 1 FROM responsibilities WHERE workspace_id = $1 AND matrix_id = $3))
         RETURNING id, client_id, key, category, title, description, critical, tool_access, after_hours, position, version, updated_at`,
        [ctx.workspaceId, matrix.client_id, matrixId, key, dto.category, dto.title, dto.description ?? '', dto.critical ?? false],
      );
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'responsibility.created',
        entityType: 'responsibility',
        entityId: row.id,
        clientId: matrix.client_id,
        matrixId,
        after: { key, category: dto.category, title: dto.title, critical: row.critical },
      });
      await this.touch(tx, ctx, matrixId, { kind: 'responsibility.created', responsibilityId: row.id, version: row.version });
      return rowView({ ...row, letters: {} });
    });
  }

  updateResponsibility(ctx: TenantContext, matrixId: string, id: string, dto: UpdateResponsibilityDto, version: number, meta: RequestMeta): Promise<ResponsibilityView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const before = await this.row(tx, ctx, matrixId, id);
      this.assertVersion(before, version);
      const [row] = await rows<ResponsibilityRow>(
        tx,
        `UPDATE responsibilities SET category = coalesce($4, category), title = coalesce($5, title), description = coalesce($6, description),
           critical = coalesce($7, critical), after_hours = coalesce($8, after_hours), version = version + 1, updated_at = now()
         WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3 AND version = $9
         RETURNING id, client_id, key, category, title, description, critical, tool_access, after_hours, position, version, updated_at`,
        [ctx.workspaceId, matrixId, id, dto.category ?? null, dto.title ?? null, dto.description ?? null, dto.critical ?? null, dto.afterHours ?? null, version],
      );
      if (!row) throw this.stale(await this.row(tx, ctx, matrixId, id));
      const fields = ['category', 'title', 'description', 'critical', 'after_hours'] as const;
      const changed = fields.filter((f) => before[f] !== row[f]);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'responsibility.updated',
        entityType: 'responsibility',
        entityId: id,
        clientId: before.client_id,
        matrixId,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, row[f]])),
      });
      await this.touch(tx, ctx, matrixId, { kind: 'responsibility.changed', responsibilityId: id, version: row.version });
      return rowView({ ...row, letters: before.letters });
    });
  }

  /**
   * Replaces one row's letters if the row is still at the version the caller read. The version
   * check and the write are one UPDATE, so of many concurrent writers exactly one wins.
   */
  setAssignments(ctx: TenantContext, matrixId: string, id: string, dto: SetAssignmentsDto, version: number, meta: RequestMeta): Promise<ResponsibilityView> {
    return this.db.run(scopeOf(ctx), (tx) => this.applyLetters(tx, ctx, matrixId, id, dto.letters, version, meta));
  }

  /**
   * Replaces a row's letters inside the caller's transaction, against the row version read: the
   * one write path for letters, used by the grid and by accepted claims alike.
   */
  async applyLetters(tx: EntityManager, ctx: TenantContext, matrixId: string, id: string, input: Record<string, string>, version: number, meta: RequestMeta): Promise<ResponsibilityView> {
    // The hot write of the editor, in one statement: the parties (to check the ids and to audit
    // by key), the row's letters before, the version-checked bump, the audit chain's head lock,
    // the matrix's "last changed", and the new letters in and the others out. Locks are taken in
    // the order of every other write (the row, the chain head, the matrix), each step running
    // only when the one before applied. Letters are written only for parties of this matrix; the
    // input is checked right after, and any problem throws, rolling it all back.
    const [found] = await prepared<Partial<ResponsibilityRow> & { parties: { id: string; key: string }[]; before: Record<string, RaciLetter>; head_seq: string | null; head_hash: string | null }>(
      tx,
      'accord_apply_letters',
      `WITH parties AS (
         SELECT id, key FROM matrix_parties WHERE workspace_id = $1 AND matrix_id = $2
       ), before AS (
         SELECT party_id, letter FROM assignments WHERE workspace_id = $1 AND responsibility_id = $3
       ), bumped AS (
         UPDATE responsibilities SET version = version + 1, updated_at = now()
         WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3 AND version = $4
         RETURNING id, client_id, key, category, title, description, critical, tool_access, after_hours, position, version, updated_at
       ), ${chainHeadCte('$1', 'bumped')}, touched AS (
         UPDATE matrices SET ${MATRIX_CHANGED} WHERE workspace_id = $1 AND id = $2 AND EXISTS (SELECT 1 FROM head)
       ), input AS (
         SELECT p.id AS party_id, a.value AS letter FROM jsonb_each_text($5::jsonb) AS a JOIN parties p ON p.id::text = a.key
         WHERE a.value IN ('R', 'A', 'C', 'I')
       ), upserted AS (
         INSERT INTO assignments (workspace_id, client_id, matrix_id, responsibility_id, party_id, letter)
         SELECT $1, b.client_id, $2, $3, i.party_id, i.letter FROM input i CROSS JOIN bumped b
         ON CONFLICT (workspace_id, responsibility_id, party_id) DO UPDATE SET letter = EXCLUDED.letter
       ), removed AS (
         DELETE FROM assignments WHERE workspace_id = $1 AND responsibility_id = $3 AND EXISTS (SELECT 1 FROM bumped)
           AND party_id NOT IN (SELECT party_id FROM input)
       )
       SELECT b.*, (SELECT seq FROM head) AS head_seq, (SELECT hash FROM head) AS head_hash,
         coalesce((SELECT json_agg(json_build_object('id', id, 'key', key)) FROM parties), '[]') AS parties,
         coalesce((SELECT json_object_agg(party_id, letter) FROM before), '{}') AS before
       FROM (SELECT 1) AS one LEFT JOIN bumped b ON true`,
      [ctx.workspaceId, matrixId, id, version, JSON.stringify(input)],
    );
    const { parties, before, head_seq, head_hash, ...row } = found;
    const keyOf = new Map(parties.map((p) => [p.id, p.key]));
    const problems = letterProblems(keyOf, input);
    if (problems.length) throw new BadRequestException({ message: 'Invalid letters.', details: problems });
    if (!row.id || head_seq === null || head_hash === null) throw this.stale(await this.row(tx, ctx, matrixId, id));
    const bumped = row as ResponsibilityRow;
    const letters = input as Record<string, RaciLetter>;
    const byKey = (entries: [string, string][]) => Object.fromEntries(entries.map(([partyId, letter]) => [keyOf.get(partyId) ?? partyId, letter]));
    await this.audit.record(tx, writeContext(ctx, meta), {
      action: 'responsibility.letters_set',
      entityType: 'responsibility',
      entityId: id,
      clientId: bumped.client_id,
      matrixId,
      before: { title: bumped.title, letters: byKey(Object.entries(before)) },
      after: { title: bumped.title, letters: byKey(Object.entries(letters)) },
    }, { seq: head_seq, hash: head_hash });
    this.events.notify(tx, { kind: 'responsibility.changed', workspaceId: ctx.workspaceId, matrixId, responsibilityId: id, version: bumped.version, actorUserId: ctx.user.id });
    return rowView({ ...bumped, letters });
  }

  deleteResponsibility(ctx: TenantContext, matrixId: string, id: string, version: number, meta: RequestMeta): Promise<void> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const before = await this.row(tx, ctx, matrixId, id);
      this.assertVersion(before, version);
      const deleted = await rows(tx, `DELETE FROM responsibilities WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3 AND version = $4 RETURNING id`, [ctx.workspaceId, matrixId, id, version]);
      if (!deleted.length) throw this.stale(await this.row(tx, ctx, matrixId, id));
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'responsibility.deleted',
        entityType: 'responsibility',
        entityId: id,
        clientId: before.client_id,
        matrixId,
        before: { key: before.key, category: before.category, title: before.title, letters: before.letters },
      });
      await this.touch(tx, ctx, matrixId, { kind: 'responsibility.deleted', responsibilityId: id });
    });
  }

  /** One row with its letters by party id; 404 when it is not in this matrix. */
  async row(tx: EntityManager, ctx: TenantContext, matrixId: string, id: string): Promise<StoredRow> {
    const [row]: ResponsibilityRow[] = await tx.query(
      `SELECT id, client_id, key, category, title, description, critical, tool_access, after_hours, position, version, updated_at
       FROM responsibilities WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3`,
      [ctx.workspaceId, matrixId, id],
    );
    if (!row) throw new NotFoundException('No such responsibility.');
    const letters: { party_id: string; letter: RaciLetter }[] = await tx.query(`SELECT party_id, letter FROM assignments WHERE workspace_id = $1 AND responsibility_id = $2`, [ctx.workspaceId, id]);
    return { ...row, letters: Object.fromEntries(letters.map((l) => [l.party_id, l.letter])) };
  }

  /**
   * Structural changes (rename, reorder, import, model transition) go against the matrix's own
   * version: the check and the bump are one UPDATE, so of two concurrent ones only one applies.
   */
  private async bumpMatrix(tx: EntityManager, ctx: TenantContext, stored: StoredMatrix, version: number, set: { name?: string; model?: string } = {}): Promise<void> {
    const [bumped] = await rows(
      tx,
      `UPDATE matrices SET name = coalesce($3, name), model = coalesce($4, model), version = version + 1, ${MATRIX_CHANGED}
       WHERE workspace_id = $1 AND id = $2 AND version = $5 RETURNING id`,
      [ctx.workspaceId, stored.matrix.id, set.name ?? null, set.model ?? null, version],
    );
    if (!bumped) throw new PreconditionFailed('This matrix was changed by someone else since you read it.', matrixView(stored));
  }

  private assertVersion(current: StoredRow, version: number): void {
    if (current.version !== version) throw this.stale(current);
  }

  private stale(current: StoredRow): PreconditionFailed {
    return new PreconditionFailed('This responsibility was changed by someone else since you read it.', rowView(current));
  }

  /**
   * Marks the matrix updated (its own version counts structural changes only, so row edits never
   * conflict with each other) and tells the other open browsers, once the transaction commits.
   */
  private async touch(tx: EntityManager, ctx: TenantContext, matrixId: string, event: Pick<MatrixEvent, 'kind' | 'responsibilityId' | 'version'>): Promise<void> {
    await tx.query(`UPDATE matrices SET ${MATRIX_CHANGED} WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, matrixId]);
    this.events.notify(tx, { ...event, workspaceId: ctx.workspaceId, matrixId, actorUserId: ctx.user.id });
  }

  private async assertClient(tx: EntityManager, ctx: TenantContext, clientId: string): Promise<void> {
    const [client] = await tx.query(`SELECT 1 FROM clients WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, clientId]);
    if (!client) throw new NotFoundException('No such client.');
  }
}
