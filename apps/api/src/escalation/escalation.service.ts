import { Injectable, NotFoundException } from '@nestjs/common';
import { canonicalJson, type EscalationPath, type EscalationPolicy, SimulationInputError, simulateEscalation, validateEscalationPolicy } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { AuditService, scopeOf, writeContext } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency';
import type { RequestMeta, TenantContext } from '../common/context';
import { FieldValidationException } from '../common/validation';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import { MatrixEvents } from '../matrices/matrix-events';
import { readMatrix, toContent } from '../matrices/matrix-store';
import type { EscalationPolicyView, SimulateDto, SimulationView } from './dto/escalation.dto';
import { readPolicy, type StoredPolicy, unreviewedPaths } from './policy-store';

function policyView(matrixId: string, stored: StoredPolicy): EscalationPolicyView {
  return {
    matrixId,
    version: stored.version,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
    policy: stored.policy,
    unreviewedPaths: unreviewedPaths(stored.policy),
  } as EscalationPolicyView;
}

/** The path's meaning without its review: what a reviewer actually looked at. */
function pathContent(path: EscalationPath): string {
  const { review: _review, ...rest } = path;
  return canonicalJson(rest);
}

/**
 * Reviews are the server's to keep: a path keeps its review only while its content is unchanged,
 * whatever the client sends.
 */
function carryReviews(before: EscalationPolicy, after: EscalationPolicy): EscalationPolicy {
  const previous = new Map(before.paths.map((path) => [path.key, path]));
  return {
    ...after,
    paths: after.paths.map((path) => {
      const old = previous.get(path.key);
      return { ...path, review: old && pathContent(old) === pathContent(path) ? old.review : null };
    }),
  };
}

@Injectable()
export class EscalationService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: MatrixEvents,
  ) {}

  get(ctx: TenantContext, matrixId: string): Promise<EscalationPolicyView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const content = toContent(await readMatrix(tx, ctx.workspaceId, matrixId));
      return policyView(matrixId, await readPolicy(tx, ctx.workspaceId, matrixId, content));
    });
  }

  /** Replaces the whole policy, validated against the matrix, against the version the caller read. */
  save(ctx: TenantContext, matrixId: string, input: unknown, version: number, meta: RequestMeta): Promise<EscalationPolicyView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const content = toContent(stored);
      const validated = validateEscalationPolicy(input, content);
      if (!validated.ok) throw new FieldValidationException(validated.problems);
      const current = await readPolicy(tx, ctx.workspaceId, matrixId, content);
      const policy = carryReviews(current.policy, validated.policy);
      await this.write(tx, ctx, stored.matrix.client_id, matrixId, current, version, policy);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'escalation_policy.updated',
        entityType: 'escalation_policy',
        entityId: matrixId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: current.saved ? current.policy : null,
        after: policy,
      });
      this.events.notify(tx, { kind: 'matrix.changed', workspaceId: ctx.workspaceId, matrixId, actorUserId: ctx.user.id });
      return policyView(matrixId, await readPolicy(tx, ctx.workspaceId, matrixId, content));
    });
  }

  /** An MSP engineer vouches for one path as it stands; any later change of the path clears this. */
  review(ctx: TenantContext, matrixId: string, pathKey: string, version: number, meta: RequestMeta): Promise<EscalationPolicyView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const content = toContent(stored);
      const current = await readPolicy(tx, ctx.workspaceId, matrixId, content);
      const path = current.policy.paths.find((p) => p.key === pathKey);
      if (!path) throw new NotFoundException({ message: 'No such escalation path.', details: [{ field: 'pathKey', message: `no path '${pathKey}' in this policy` }] });
      const review = { userId: ctx.user.id, name: ctx.user.name, at: new Date().toISOString() };
      const policy = { ...current.policy, paths: current.policy.paths.map((p) => (p.key === pathKey ? { ...p, review } : p)) };
      await this.write(tx, ctx, stored.matrix.client_id, matrixId, current, version, policy);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'escalation_path.reviewed',
        entityType: 'escalation_policy',
        entityId: matrixId,
        clientId: stored.matrix.client_id,
        matrixId,
        before: { path: pathKey, review: path.review },
        after: { path: pathKey, review },
      });
      this.events.notify(tx, { kind: 'matrix.changed', workspaceId: ctx.workspaceId, matrixId, actorUserId: ctx.user.id });
      return policyView(matrixId, await readPolicy(tx, ctx.workspaceId, matrixId, content));
    });
  }

  /** Who would be called, when: the saved policy (or the default) run by the pure simulator. */
  simulate(ctx: TenantContext, matrixId: string, dto: SimulateDto): Promise<SimulationView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const content = toContent(stored);
      const row = dto.responsibilityId
        ? stored.responsibilities.find((r) => r.id === dto.responsibilityId)
        : stored.responsibilities.find((r) => r.key === dto.responsibilityKey);
      if (!row) {
        const field = dto.responsibilityId || !dto.responsibilityKey ? 'responsibilityId' : 'responsibilityKey';
        throw new FieldValidationException([{ field, message: dto.responsibilityId || dto.responsibilityKey ? 'is not a responsibility of this matrix' : 'give responsibilityId or responsibilityKey' }]);
      }
      const { policy } = await readPolicy(tx, ctx.workspaceId, matrixId, content);
      try {
        return simulateEscalation(policy, content, { responsibilityKey: row.key, severityKey: dto.severity, at: dto.at }) as unknown as SimulationView;
      } catch (error) {
        if (error instanceof SimulationInputError) throw new FieldValidationException([{ field: error.field === 'severityKey' ? 'severity' : error.field, message: error.message }]);
        throw error;
      }
    });
  }

  /** Insert at version 0, update otherwise; either way only from the version the caller read. */
  private async write(tx: EntityManager, ctx: TenantContext, clientId: string, matrixId: string, current: StoredPolicy, version: number, policy: EscalationPolicy): Promise<void> {
    const stale = () => new PreconditionFailed('The escalation policy was changed by someone else since you read it.', policyView(matrixId, current));
    if (version !== current.version) throw stale();
    const written =
      version === 0
        ? await rows(
            tx,
            `INSERT INTO escalation_policies (workspace_id, client_id, matrix_id, document, updated_by) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING RETURNING version`,
            [ctx.workspaceId, clientId, matrixId, JSON.stringify(policy), ctx.user.id],
          )
        : await rows(
            tx,
            `UPDATE escalation_policies SET document = $3, version = version + 1, updated_at = now(), updated_by = $5
             WHERE workspace_id = $1 AND matrix_id = $2 AND version = $4 RETURNING version`,
            [ctx.workspaceId, matrixId, JSON.stringify(policy), version, ctx.user.id],
          );
    if (!written.length) throw stale();
  }
}
