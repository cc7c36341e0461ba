import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { describeDiff, diffMatrices, type Letters, type MatrixContent, type RaciLetter, ROLE_PARTY } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { AuditService, scopeOf, writeContext } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import { MatricesService } from '../matrices/matrices.service';
import { letterProblems, readMatrix, rowViolations, type StoredMatrix } from '../matrices/matrix-store';
import { NotificationsService } from '../notifications/notifications.service';
import type { AcceptedClaimView, ClaimView, CreateClaimDto } from './dto/claim.dto';

interface ClaimRow {
  id: string;
  client_id: string;
  matrix_id: string;
  responsibility_id: string;
  proposed_for: 'msp' | 'internal_it';
  letters: Record<string, RaciLetter>;
  letters_before: Record<string, RaciLetter>;
  row_version: number;
  reason: string;
  state: 'open' | 'accepted' | 'declined';
  proposed_by: string | null;
  proposed_by_name: string;
  created_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  version: number;
}

const SIDE_NAMES = { msp: 'the MSP', internal_it: 'internal IT' } as const;
/** Who decides a claim: the side that did not make it. */
const DECIDERS = { msp: ['client_it_admin'], internal_it: ['msp_admin', 'msp_engineer'] } as const;

/**
 * "What accepting would change", in the words of the matrix diff: the row before and after, as
 * two one-row matrices keyed by party id.
 */
function describeLetters(stored: StoredMatrix, rowId: string, before: Letters, after: Letters): string[] {
  const row = stored.responsibilities.find((r) => r.id === rowId);
  if (!row) return [];
  const content = (letters: Letters): MatrixContent => ({
    model: stored.matrix.model,
    parties: stored.parties.map((p) => ({ key: p.id, name: p.name, kind: p.kind, requiredToSign: p.required_to_sign })),
    responsibilities: [{ key: row.key, category: row.category as MatrixContent['responsibilities'][number]['category'], title: row.title, description: row.description, critical: row.critical, letters }],
  });
  return describeDiff(diffMatrices(content(before), content(after)), content(after));
}

function sameLetters(a: Letters, b: Letters): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

@Injectable()
export class ClaimsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly matrices: MatricesService,
    private readonly notifications: NotificationsService,
  ) {}

  list(ctx: TenantContext, matrixId: string, state?: string): Promise<ClaimView[]> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const found: ClaimRow[] = await tx.query(
        `SELECT * FROM claims WHERE workspace_id = $1 AND matrix_id = $2 AND ($3::text IS NULL OR state = $3)
         ORDER BY (state = 'open') DESC, created_at DESC LIMIT 500`,
        [ctx.workspaceId, matrixId, state ?? null],
      );
      return found.map((c) => this.view(stored, c));
    });
  }

  /** A proposal by one side to change the letters of one row, with a reason; the other side is told. */
  async propose(ctx: TenantContext, matrixId: string, dto: CreateClaimDto, meta: RequestMeta): Promise<ClaimView> {
    const side = ROLE_PARTY[ctx.role];
    if (side !== 'msp' && side !== 'internal_it') throw new ForbiddenException('Only the MSP and internal IT make claims.');
    const { view, mails } = await this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const row = stored.responsibilities.find((r) => r.id === dto.responsibilityId);
      if (!row) throw new BadRequestException({ message: 'No such responsibility in this matrix.', details: [{ field: 'responsibilityId', message: 'is not a responsibility of this matrix' }] });
      const problems = letterProblems(new Set(stored.parties.map((p) => p.id)), dto.letters);
      if (problems.length) throw new BadRequestException({ message: 'Invalid letters.', details: problems });
      const letters = dto.letters as Record<string, RaciLetter>;
      if (sameLetters(letters, row.letters)) throw new BadRequestException({ message: 'The row already has these letters.', details: [{ field: 'letters', message: 'must change at least one letter' }] });
      const broken = rowViolations(letters);
      if (broken.length) {
        throw new UnprocessableEntityException({ message: `The proposed letters break a rule: ${broken.map((b) => b.message).join(' ')}`, details: broken.map((b) => ({ field: 'letters', message: b.message })) });
      }
      const [created]: ClaimRow[] = await tx.query(
        `INSERT INTO claims (workspace_id, client_id, matrix_id, responsibility_id, proposed_for, letters, letters_before, row_version, reason, proposed_by, proposed_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [ctx.workspaceId, stored.matrix.client_id, matrixId, row.id, side, JSON.stringify(letters), JSON.stringify(row.letters), row.version, dto.reason, ctx.user.id, ctx.user.name],
      );
      const view = this.view(stored, created);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'claim.proposed',
        entityType: 'claim',
        entityId: created.id,
        clientId: stored.matrix.client_id,
        matrixId,
        after: { responsibility: row.title, for: side, letters: this.byKey(stored, letters), before: this.byKey(stored, row.letters), reason: dto.reason },
      });
      const mails = await this.notifications.notify(tx, ctx, { roles: DECIDERS[side], except: ctx.user.id }, {
        kind: 'claim.proposed',
        clientId: stored.matrix.client_id,
        title: `${ctx.user.name} claims “${row.title}” for ${SIDE_NAMES[side]}`,
        body: `${view.changes.join(' ')}\nReason: ${dto.reason}`,
        link: `/w/${ctx.workspaceId}/matrices/${matrixId}/claims`,
      });
      return { view, mails };
    });
    this.notifications.deliver(mails);
    return view;
  }

  /**
   * Applies the claim to the draft in one transaction, but only if the row is as it was when
   * the claim was made: otherwise 409, with what changed since, for the reviewer to decide anew.
   */
  async accept(ctx: TenantContext, matrixId: string, claimId: string, version: number, meta: RequestMeta): Promise<AcceptedClaimView> {
    const { result, mails } = await this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const claim = await this.decidable(tx, ctx, stored, claimId, version);
      const row = stored.responsibilities.find((r) => r.id === claim.responsibility_id);
      if (!row || row.version !== claim.row_version) {
        const current = this.view(stored, claim);
        throw new ConflictException({
          message: `“${current.responsibilityTitle}” changed since the claim was made: ${current.changedSince.join(' ') || 'its letters were edited.'} Review the row and decide again.`,
          current,
        });
      }
      const responsibility = await this.matrices.applyLetters(tx, ctx, matrixId, row.id, claim.letters, row.version, meta);
      const decided = await this.decide(tx, ctx, claim, 'accepted', null);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'claim.accepted',
        entityType: 'claim',
        entityId: claim.id,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { state: 'open' },
        after: { state: 'accepted', responsibility: row.title, letters: this.byKey(stored, claim.letters) },
      });
      const after = await readMatrix(tx, ctx.workspaceId, matrixId);
      const mails = await this.tellProposer(tx, ctx, decided, `${ctx.user.name} accepted your claim on “${row.title}”`, 'The draft now has the letters you proposed.', 'claim.accepted');
      return { result: { claim: this.view(after, decided), responsibility }, mails };
    });
    this.notifications.deliver(mails);
    return result;
  }

  async decline(ctx: TenantContext, matrixId: string, claimId: string, reason: string, version: number, meta: RequestMeta): Promise<ClaimView> {
    const { result, mails } = await this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const claim = await this.decidable(tx, ctx, stored, claimId, version);
      const decided = await this.decide(tx, ctx, claim, 'declined', reason);
      const view = this.view(stored, decided);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'claim.declined',
        entityType: 'claim',
        entityId: claim.id,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { state: 'open' },
        after: { state: 'declined', responsibility: view.responsibilityTitle, reason },
      });
      const mails = await this.tellProposer(tx, ctx, decided, `${ctx.user.name} declined your claim on “${view.responsibilityTitle}”`, `Reason: ${reason}`, 'claim.declined');
      return { result: view, mails };
    });
    this.notifications.deliver(mails);
    return result;
  }

  /** Open, of this matrix, at the version read, and decided by the other side. */
  private async decidable(tx: EntityManager, ctx: TenantContext, stored: StoredMatrix, claimId: string, version: number): Promise<ClaimRow> {
    const [claim]: ClaimRow[] = await tx.query(`SELECT * FROM claims WHERE workspace_id = $1 AND matrix_id = $2 AND id = $3 FOR UPDATE`, [ctx.workspaceId, stored.matrix.id, claimId]);
    if (!claim) throw new NotFoundException('No such claim.');
    if (claim.version !== version) throw new PreconditionFailed('This claim was changed since you read it.', this.view(stored, claim));
    if (claim.state !== 'open') throw new ConflictException({ message: `This claim was already ${claim.state}.`, current: this.view(stored, claim) });
    const side = ROLE_PARTY[ctx.role];
    if (side === claim.proposed_for || (side !== 'msp' && side !== 'internal_it')) {
      throw new ForbiddenException(`A claim for ${SIDE_NAMES[claim.proposed_for]} is decided by the other side.`);
    }
    return claim;
  }

  private async decide(tx: EntityManager, ctx: TenantContext, claim: ClaimRow, state: 'accepted' | 'declined', reason: string | null): Promise<ClaimRow> {
    const [decided] = await rows<ClaimRow>(
      tx,
      `UPDATE claims SET state = $3, decided_by = $4, decided_by_name = $5, decided_at = now(), decision_reason = $6, version = version + 1
       WHERE workspace_id = $1 AND id = $2 RETURNING *`,
      [ctx.workspaceId, claim.id, state, ctx.user.id, ctx.user.name, reason],
    );
    return decided;
  }

  private tellProposer(tx: EntityManager, ctx: TenantContext, claim: ClaimRow, title: string, body: string, kind: 'claim.accepted' | 'claim.declined') {
    if (!claim.proposed_by) return Promise.resolve([]);
    return this.notifications.notify(tx, ctx, { userIds: [claim.proposed_by], except: ctx.user.id }, {
      kind,
      clientId: claim.client_id,
      title,
      body,
      link: `/w/${ctx.workspaceId}/matrices/${claim.matrix_id}/claims`,
    });
  }

  private byKey(stored: StoredMatrix, letters: Letters): Record<string, string> {
    const keyOf = new Map(stored.parties.map((p) => [p.id, p.key]));
    return Object.fromEntries(Object.entries(letters).map(([id, letter]) => [keyOf.get(id) ?? id, letter as string]));
  }

  private view(stored: StoredMatrix, c: ClaimRow): ClaimView {
    const row = stored.responsibilities.find((r) => r.id === c.responsibility_id);
    const now = row?.letters ?? {};
    const stale = !row || row.version !== c.row_version;
    return {
      id: c.id,
      matrixId: c.matrix_id,
      responsibilityId: c.responsibility_id,
      responsibilityTitle: row?.title ?? '(removed)',
      category: row?.category ?? '',
      proposedFor: c.proposed_for,
      letters: c.letters,
      lettersBefore: c.letters_before,
      lettersNow: now,
      changes: describeLetters(stored, c.responsibility_id, c.state === 'open' ? now : c.letters_before, c.letters),
      stale: c.state === 'open' && stale,
      changedSince: c.state === 'open' && stale ? describeLetters(stored, c.responsibility_id, c.letters_before, now) : [],
      reason: c.reason,
      state: c.state,
      proposedBy: { id: c.proposed_by, name: c.proposed_by_name },
      createdAt: c.created_at.toISOString(),
      decidedBy: c.decided_by_name ? { id: c.decided_by, name: c.decided_by_name } : null,
      decidedAt: c.decided_at?.toISOString() ?? null,
      decisionReason: c.decision_reason,
      version: c.version,
    };
  }
}
