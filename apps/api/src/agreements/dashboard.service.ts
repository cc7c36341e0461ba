import { Injectable } from '@nestjs/common';
import { checkMatrix, gapReport, requiredSigners, reviewDue, type AgreementSnapshot } from '@accord/raci';
import { AuditService, scopeOf, writeContext } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import { readPolicies } from '../escalation/policy-store';
import { readMatrices, toContent } from '../matrices/matrix-store';
import type { DashboardClientView, DashboardView, WorkspaceSettingsView } from './dto/dashboard.dto';

@Injectable()
export class DashboardService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /**
   * Per client the person may see: the agreement in effect and whether it is due for review,
   * the pending sign-off and who it waits for, open claims and the gaps of the draft.
   */
  dashboard(ctx: TenantContext): Promise<DashboardView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const [settings] = await tx.query(`SELECT review_interval_days FROM workspaces WHERE id = $1`, [ctx.workspaceId]);
      const interval: number = settings.review_interval_days;
      const clients: { id: string; name: string }[] = await tx.query(`SELECT id, name FROM clients WHERE workspace_id = $1 AND archived_at IS NULL ORDER BY lower(name)`, [ctx.workspaceId]);
      const matrices: { id: string; client_id: string }[] = await tx.query(`SELECT id, client_id FROM matrices WHERE workspace_id = $1 ORDER BY lower(name)`, [ctx.workspaceId]);
      const versions: { matrix_id: string; id: string; number: number; status: string; hash: string; snapshot: AgreementSnapshot; requested_at: Date; decided_at: Date | null }[] = await tx.query(
        `SELECT DISTINCT ON (matrix_id, status) matrix_id, id, number, status, hash, snapshot, requested_at, decided_at
         FROM matrix_versions WHERE workspace_id = $1 AND status IN ('approved', 'pending') ORDER BY matrix_id, status, number DESC`,
        [ctx.workspaceId],
      );
      const signed: { version_id: string; party_key: string }[] = await tx.query(`SELECT version_id, party_key FROM signatures WHERE workspace_id = $1 AND decision = 'signed'`, [ctx.workspaceId]);
      const claims: { matrix_id: string; open: number }[] = await tx.query(`SELECT matrix_id, count(*)::int AS open FROM claims WHERE workspace_id = $1 AND state = 'open' GROUP BY matrix_id`, [ctx.workspaceId]);
      const now = new Date();
      const byClient = new Map<string, DashboardClientView>(clients.map((c) => [c.id, { clientId: c.id, clientName: c.name, matrices: [] }]));
      // Every shown draft and its policy in a fixed number of queries, however many clients.
      const shown = matrices.filter((m) => byClient.has(m.client_id));
      const drafts = await readMatrices(tx, ctx.workspaceId, shown.map((m) => m.id));
      const contents = new Map([...drafts].map(([id, stored]) => [id, toContent(stored)]));
      const policies = await readPolicies(tx, ctx.workspaceId, contents);
      for (const m of shown) {
        const client = byClient.get(m.client_id);
        const stored = drafts.get(m.id);
        const content = contents.get(m.id);
        const policy = policies.get(m.id);
        if (!client || !stored || !content || !policy) continue;
        const gaps = gapReport(content, policy.saved ? { escalation: { policy: policy.policy, reference: now } } : {});
        const approved = versions.find((v) => v.matrix_id === m.id && v.status === 'approved');
        const pending = versions.find((v) => v.matrix_id === m.id && v.status === 'pending');
        const done = new Set(signed.filter((s) => s.version_id === pending?.id).map((s) => s.party_key));
        client.matrices.push({
          matrixId: m.id,
          name: stored.matrix.name,
          model: stored.matrix.model,
          inEffect: approved
            ? { number: approved.number, approvedAt: (approved.decided_at ?? approved.requested_at).toISOString(), hash: approved.hash, review: reviewDue(approved.decided_at ?? approved.requested_at, interval, now) }
            : null,
          pending: pending
            ? { number: pending.number, requestedAt: pending.requested_at.toISOString(), waitingFor: requiredSigners(pending.snapshot.matrix).filter((s) => !done.has(s.partyKey)).map((s) => s.partyName) }
            : null,
          openClaims: claims.find((c) => c.matrix_id === m.id)?.open ?? 0,
          ruleBreaks: checkMatrix(content).length,
          gaps: { high: gaps.filter((g) => g.severity === 'high').length, medium: gaps.filter((g) => g.severity === 'medium').length, low: gaps.filter((g) => g.severity === 'low').length },
        });
      }
      const all = [...byClient.values()];
      const flat = all.flatMap((c) => c.matrices);
      return {
        reviewIntervalDays: interval,
        totals: {
          clients: all.length,
          inEffect: flat.filter((m) => m.inEffect).length,
          pendingSignOffs: flat.filter((m) => m.pending).length,
          openClaims: flat.reduce((sum, m) => sum + m.openClaims, 0),
          reviewDue: flat.filter((m) => m.inEffect?.review.due).length,
          highGaps: flat.reduce((sum, m) => sum + m.gaps.high, 0),
        },
        clients: all,
      };
    });
  }

  settings(ctx: TenantContext): Promise<WorkspaceSettingsView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const [w] = await tx.query(`SELECT review_interval_days, version FROM workspaces WHERE id = $1`, [ctx.workspaceId]);
      return { reviewIntervalDays: w.review_interval_days, version: w.version };
    });
  }

  updateSettings(ctx: TenantContext, reviewIntervalDays: number, version: number, meta: RequestMeta): Promise<WorkspaceSettingsView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const [before] = await tx.query(`SELECT review_interval_days, version FROM workspaces WHERE id = $1`, [ctx.workspaceId]);
      const [after] = await rows<{ review_interval_days: number; version: number }>(
        tx,
        `UPDATE workspaces SET review_interval_days = $2, version = version + 1, updated_at = now() WHERE id = $1 AND version = $3 RETURNING review_interval_days, version`,
        [ctx.workspaceId, reviewIntervalDays, version],
      );
      if (!after) throw new PreconditionFailed('The settings were changed by someone else since you read them.', { reviewIntervalDays: before.review_interval_days, version: before.version });
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'workspace.settings_changed',
        entityType: 'workspace',
        entityId: ctx.workspaceId,
        before: { reviewIntervalDays: before.review_interval_days },
        after: { reviewIntervalDays },
      });
      return { reviewIntervalDays: after.review_interval_days, version: after.version };
    });
  }
}
