import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import {
  type AgreementSnapshot,
  agreementHash,
  agreementSnapshot,
  canSignFor,
  describeAgreementDiff,
  type PartyKind,
  requiredSigners,
  type Role,
  rolesThatSignFor,
  signOffBlockers,
  type VersionExport,
} from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { AuditService, scopeOf, writeContext } from '../audit/audit.service';
import type { RequestMeta, TenantContext } from '../common/context';
import { rows } from '../database/rows';
import { TenantDb } from '../database/tenant-db';
import { readPolicy } from '../escalation/policy-store';
import type { Mail } from '../mail/mailer.service';
import { matrixHead, readMatrix, toContent } from '../matrices/matrix-store';
import { NotificationsService } from '../notifications/notifications.service';
import { type CertificateInput, renderCertificate } from './certificate';
import type { RejectDto, SignDto, SignerView, VersionDiffView, VersionSummaryView, VersionView } from './dto/version.dto';

export interface VersionRow {
  id: string;
  client_id: string;
  matrix_id: string;
  number: number;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  snapshot: AgreementSnapshot;
  hash: string;
  requested_by: string | null;
  requested_by_name: string;
  requested_at: Date;
  decided_at: Date | null;
}

interface SignatureRow {
  version_id: string;
  party_key: string;
  party_name: string;
  decision: 'signed' | 'rejected';
  reason: string | null;
  user_id: string | null;
  user_name: string;
  role: Role;
  hash: string;
  signed_at: Date;
  ip: string | null;
  user_agent: string | null;
}

const VERSION_COLUMNS = 'id, client_id, matrix_id, number, status, snapshot, hash, requested_by, requested_by_name, requested_at, decided_at';

/** Names compare as people type them: case, accents' composition and extra spaces aside. */
function sameName(typed: string, actual: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(typed) === norm(actual);
}

@Injectable()
export class VersionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  list(ctx: TenantContext, matrixId: string): Promise<VersionSummaryView[]> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      await matrixHead(tx, ctx.workspaceId, matrixId);
      const versions: VersionRow[] = await tx.query(`SELECT ${VERSION_COLUMNS} FROM matrix_versions WHERE workspace_id = $1 AND matrix_id = $2 ORDER BY number DESC`, [ctx.workspaceId, matrixId]);
      const signatures = await this.signaturesOf(tx, ctx, matrixId);
      const inEffect = versions.find((v) => v.status === 'approved')?.number ?? null;
      return versions.map((v) => this.summary(v, signatures, inEffect));
    });
  }

  get(ctx: TenantContext, matrixId: string, n: number): Promise<VersionView> {
    return this.db.run(scopeOf(ctx), async (tx) => this.view(tx, ctx, await this.version(tx, ctx, matrixId, n)));
  }

  /**
   * Freezes the draft, with its escalation policy, into version N+1, superseding a pending one.
   * Refused with 422 naming the rows while a RACI rule is broken or a P1 path runs dry.
   */
  async request(ctx: TenantContext, matrixId: string, sign: SignDto | undefined, meta: RequestMeta): Promise<VersionView> {
    const { view, mails } = await this.db.run(scopeOf(ctx), async (tx) => {
      // One request at a time per matrix: the numbers and the superseding must not interleave.
      const [locked] = await tx.query(`SELECT client_id FROM matrices WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [ctx.workspaceId, matrixId]);
      if (!locked) throw new NotFoundException('No such matrix.');
      const stored = await readMatrix(tx, ctx.workspaceId, matrixId);
      const content = toContent(stored);
      const { policy } = await readPolicy(tx, ctx.workspaceId, matrixId, content);
      const blockers = signOffBlockers(content, policy, new Date());
      if (blockers.length) {
        throw new UnprocessableEntityException({
          message: `The draft cannot be signed yet: ${blockers.length} ${blockers.length === 1 ? 'problem' : 'problems'} to fix first.`,
          details: blockers.map((b) => ({ field: b.field, message: b.message })),
        });
      }
      if (!requiredSigners(content).length) {
        throw new UnprocessableEntityException({ message: 'No party is required to sign: mark at least one party as required to sign.', details: [{ field: 'parties', message: 'none is required to sign' }] });
      }
      const snapshot = agreementSnapshot(content, policy);
      const hash = agreementHash(snapshot);
      const clientId = stored.matrix.client_id;

      const superseded = await rows<{ number: number }>(
        tx,
        `UPDATE matrix_versions SET status = 'superseded', decided_at = now() WHERE workspace_id = $1 AND matrix_id = $2 AND status = 'pending' RETURNING number`,
        [ctx.workspaceId, matrixId],
      );
      const [{ next }] = await tx.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM matrix_versions WHERE workspace_id = $1 AND matrix_id = $2`, [ctx.workspaceId, matrixId]);
      for (const old of superseded) {
        await this.audit.record(tx, writeContext(ctx, meta), {
          action: 'version.superseded',
          entityType: 'version',
          entityId: matrixId,
          clientId,
          matrixId,
          before: { number: old.number, status: 'pending' },
          after: { number: old.number, status: 'superseded', by: next },
        });
      }
      const [created]: VersionRow[] = await tx.query(
        `INSERT INTO matrix_versions (workspace_id, client_id, matrix_id, number, snapshot, hash, requested_by, requested_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${VERSION_COLUMNS}`,
        [ctx.workspaceId, clientId, matrixId, next, JSON.stringify(snapshot), hash, ctx.user.id, ctx.user.name],
      );
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'version.requested',
        entityType: 'version',
        entityId: created.id,
        clientId,
        matrixId,
        after: { number: next, hash, responsibilities: content.responsibilities.length, superseded: superseded.map((s) => s.number) },
      });
      const mails: Mail[] = [];
      for (const signer of requiredSigners(content)) {
        mails.push(
          ...(await this.notifications.notify(tx, ctx, { roles: rolesThatSignFor(signer.kind), except: ctx.user.id }, {
            kind: 'signature.requested',
            clientId,
            title: `Your signature is requested for ${stored.matrix.name}, version ${next} (${signer.partyName})`,
            body: `${ctx.user.name} asks ${signer.partyName} to sign version ${next} of “${stored.matrix.name}”. Its SHA-256 is ${hash}.`,
            link: `/w/${ctx.workspaceId}/matrices/${matrixId}/versions/${next}`,
          })),
        );
      }
      // One mail per person, even when they could sign for two parties.
      const unique = [...new Map(mails.map((m) => [m.to, m])).values()];
      if (sign) unique.push(...(await this.signIn(tx, ctx, created, sign, meta)));
      return { view: await this.view(tx, ctx, await this.version(tx, ctx, matrixId, next)), mails: unique };
    });
    this.notifications.deliver(mails);
    return view;
  }

  async sign(ctx: TenantContext, matrixId: string, n: number, dto: SignDto, meta: RequestMeta): Promise<VersionView> {
    const { view, mails } = await this.db.run(scopeOf(ctx), async (tx) => {
      const version = await this.version(tx, ctx, matrixId, n, true);
      const mails = await this.signIn(tx, ctx, version, dto, meta);
      return { view: await this.view(tx, ctx, await this.version(tx, ctx, matrixId, n)), mails };
    });
    this.notifications.deliver(mails);
    return view;
  }

  /** A rejection by any required party ends the version; a new request starts the next one. */
  async reject(ctx: TenantContext, matrixId: string, n: number, dto: RejectDto, meta: RequestMeta): Promise<VersionView> {
    const { view, mails } = await this.db.run(scopeOf(ctx), async (tx) => {
      const version = await this.version(tx, ctx, matrixId, n, true);
      const signer = await this.signable(tx, ctx, version, dto.party);
      await this.insertSignature(tx, ctx, version, signer, 'rejected', dto.reason, meta);
      await tx.query(`UPDATE matrix_versions SET status = 'rejected', decided_at = now() WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, version.id]);
      await this.audit.record(tx, writeContext(ctx, meta), {
        action: 'version.rejected',
        entityType: 'version',
        entityId: version.id,
        clientId: version.client_id,
        matrixId,
        before: { number: n, status: 'pending' },
        after: { number: n, status: 'rejected', party: signer.partyKey, reason: dto.reason, hash: version.hash },
      });
      const mails = await this.tellEveryone(tx, ctx, version, 'version.rejected', `${signer.partyName} rejected version ${n}`, `${ctx.user.name} rejected version ${n} for ${signer.partyName}. Reason: ${dto.reason}`);
      return { view: await this.view(tx, ctx, await this.version(tx, ctx, matrixId, n)), mails };
    });
    this.notifications.deliver(mails);
    return view;
  }

  diff(ctx: TenantContext, matrixId: string, n: number, against: number | undefined): Promise<VersionDiffView> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const version = await this.version(tx, ctx, matrixId, n);
      let base: VersionRow | null = null;
      if (against !== undefined) {
        base = await this.version(tx, ctx, matrixId, against);
      } else {
        const [inEffect]: VersionRow[] = await tx.query(
          `SELECT ${VERSION_COLUMNS} FROM matrix_versions WHERE workspace_id = $1 AND matrix_id = $2 AND status = 'approved' AND number < $3 ORDER BY number DESC LIMIT 1`,
          [ctx.workspaceId, matrixId, n],
        );
        const [previous]: VersionRow[] = inEffect
          ? [inEffect]
          : await tx.query(`SELECT ${VERSION_COLUMNS} FROM matrix_versions WHERE workspace_id = $1 AND matrix_id = $2 AND number < $3 ORDER BY number DESC LIMIT 1`, [ctx.workspaceId, matrixId, n]);
        base = previous ?? null;
      }
      const changes = describeAgreementDiff(base?.snapshot ?? null, version.snapshot) as unknown[];
      return { number: n, against: base?.number ?? null, changes: changes.map((c) => (typeof c === 'string' ? c : (c as { text: string }).text)) };
    });
  }

  /** The version's JSON, which `npm run verify-version` checks offline. */
  exportJson(ctx: TenantContext, matrixId: string, n: number): Promise<{ name: string; body: VersionExport }> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const version = await this.version(tx, ctx, matrixId, n);
      const [head] = await tx.query(`SELECT m.name, c.name AS client_name FROM matrices m JOIN clients c ON c.workspace_id = m.workspace_id AND c.id = m.client_id WHERE m.workspace_id = $1 AND m.id = $2`, [ctx.workspaceId, matrixId]);
      const signatures = (await this.signaturesOf(tx, ctx, matrixId)).filter((s) => s.version_id === version.id);
      const body: VersionExport = {
        format: 'accord.version-export/1',
        matrix: { id: matrixId, name: head.name, clientName: head.client_name },
        version: { number: version.number, status: version.status, requestedAt: version.requested_at.toISOString(), approvedAt: version.status === 'approved' ? (version.decided_at?.toISOString() ?? null) : null, hash: version.hash },
        snapshot: version.snapshot,
        signatures: signatures.map((s) => ({
          party: s.party_key,
          partyName: s.party_name,
          userName: s.user_name,
          role: s.role,
          decision: s.decision,
          reason: s.reason,
          hash: s.hash,
          at: s.signed_at.toISOString(),
          ip: s.ip,
          userAgent: s.user_agent,
        })),
      };
      return { name: `${head.name} v${version.number}`, body };
    });
  }

  /** The certificate of an approved version; 409 for any other. */
  certificate(ctx: TenantContext, matrixId: string, n: number): Promise<{ name: string; pdf: Buffer }> {
    return this.db.run(scopeOf(ctx), async (tx) => {
      const version = await this.version(tx, ctx, matrixId, n);
      if (version.status !== 'approved') throw new ConflictException(`Version ${n} is ${version.status}: only an approved version has a certificate.`);
      const [head] = await tx.query(
        `SELECT m.name, c.name AS client_name, w.name AS workspace_name FROM matrices m
         JOIN clients c ON c.workspace_id = m.workspace_id AND c.id = m.client_id JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.workspace_id = $1 AND m.id = $2`,
        [ctx.workspaceId, matrixId],
      );
      const signatures = (await this.signaturesOf(tx, ctx, matrixId)).filter((s) => s.version_id === version.id && s.decision === 'signed');
      const input: CertificateInput = {
        workspaceName: head.workspace_name,
        clientName: head.client_name,
        matrixName: head.name,
        versionNumber: n,
        hash: version.hash,
        requestedAt: version.requested_at.toISOString(),
        requestedBy: version.requested_by_name,
        approvedAt: (version.decided_at ?? version.requested_at).toISOString(),
        snapshot: version.snapshot,
        signatures: signatures.map((s) => ({ partyName: s.party_name, userName: s.user_name, role: s.role, at: s.signed_at.toISOString(), ip: s.ip, userAgent: s.user_agent, hash: s.hash })),
      };
      return { name: `${head.name} v${n} certificate`, pdf: await renderCertificate(input) };
    });
  }

  private async signIn(tx: EntityManager, ctx: TenantContext, version: VersionRow, dto: SignDto, meta: RequestMeta): Promise<Mail[]> {
    const signer = await this.signable(tx, ctx, version, dto.party);
    if (!sameName(dto.name, ctx.user.name)) {
      throw new BadRequestException({ message: `Type your name, ${ctx.user.name}, to sign.`, details: [{ field: 'name', message: 'must be your own name as Accord knows it' }] });
    }
    if (dto.hash !== undefined && dto.hash !== version.hash) {
      throw new ConflictException({ message: 'The version you read is not the one stored: reload it before signing.', current: { hash: version.hash } });
    }
    await this.insertSignature(tx, ctx, version, signer, 'signed', null, meta);
    await this.audit.record(tx, writeContext(ctx, meta), {
      action: 'version.signed',
      entityType: 'version',
      entityId: version.id,
      clientId: version.client_id,
      matrixId: version.matrix_id,
      after: { number: version.number, party: signer.partyKey, hash: version.hash },
    });
    const signed: { party_key: string }[] = await tx.query(`SELECT party_key FROM signatures WHERE workspace_id = $1 AND version_id = $2 AND decision = 'signed'`, [ctx.workspaceId, version.id]);
    const done = new Set(signed.map((s) => s.party_key));
    if (!requiredSigners(version.snapshot.matrix).every((s) => done.has(s.partyKey))) return [];
    await tx.query(`UPDATE matrix_versions SET status = 'approved', decided_at = now() WHERE workspace_id = $1 AND id = $2`, [ctx.workspaceId, version.id]);
    await this.audit.record(tx, writeContext(ctx, meta), {
      action: 'version.approved',
      entityType: 'version',
      entityId: version.id,
      clientId: version.client_id,
      matrixId: version.matrix_id,
      before: { number: version.number, status: 'pending' },
      after: { number: version.number, status: 'approved', hash: version.hash, signedBy: [...done] },
    });
    return this.tellEveryone(tx, ctx, version, 'version.approved', `Version ${version.number} is approved and in effect`, `Every required party signed version ${version.number}. Its SHA-256 is ${version.hash}; the certificate can be downloaded in Accord.`);
  }

  /** 409 unless pending; 400 for a party that need not sign; 403 for a party your role does not represent. */
  private async signable(tx: EntityManager, ctx: TenantContext, version: VersionRow, partyKey: string): Promise<{ partyKey: string; partyName: string; kind: PartyKind }> {
    if (version.status !== 'pending') {
      const [newer] = await tx.query(`SELECT max(number) AS n FROM matrix_versions WHERE workspace_id = $1 AND matrix_id = $2`, [ctx.workspaceId, version.matrix_id]);
      const why = version.status === 'superseded' ? `was superseded by version ${newer.n}` : `is already ${version.status}`;
      throw new ConflictException(`Version ${version.number} ${why}; it can no longer be signed or rejected.`);
    }
    const signer = requiredSigners(version.snapshot.matrix).find((s) => s.partyKey === partyKey);
    if (!signer) throw new BadRequestException({ message: `'${partyKey}' is not a party required to sign this version.`, details: [{ field: 'party', message: 'is not required to sign this version' }] });
    if (!canSignFor(ctx.role, signer.kind)) throw new ForbiddenException(`Your role does not sign for ${signer.partyName}.`);
    const [already] = await tx.query(`SELECT user_name FROM signatures WHERE workspace_id = $1 AND version_id = $2 AND party_key = $3`, [ctx.workspaceId, version.id, partyKey]);
    if (already) throw new ConflictException(`${already.user_name} already answered for ${signer.partyName} on version ${version.number}.`);
    return signer;
  }

  private async insertSignature(tx: EntityManager, ctx: TenantContext, version: VersionRow, signer: { partyKey: string; partyName: string }, decision: 'signed' | 'rejected', reason: string | null, meta: RequestMeta) {
    await tx.query(
      `INSERT INTO signatures (workspace_id, client_id, matrix_id, version_id, party_key, party_name, decision, reason, user_id, user_name, role, hash, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [ctx.workspaceId, version.client_id, version.matrix_id, version.id, signer.partyKey, signer.partyName, decision, reason, ctx.user.id, ctx.user.name, ctx.role, version.hash, meta.ip, meta.userAgent],
    );
  }

  private async tellEveryone(tx: EntityManager, ctx: TenantContext, version: VersionRow, kind: 'version.approved' | 'version.rejected', title: string, body: string): Promise<Mail[]> {
    const roles = [...new Set(requiredSigners(version.snapshot.matrix).flatMap((s) => rolesThatSignFor(s.kind)))];
    return this.notifications.notify(tx, ctx, { roles, except: ctx.user.id }, { kind, clientId: version.client_id, title, body, link: `/w/${ctx.workspaceId}/matrices/${version.matrix_id}/versions/${version.number}` });
  }

  private async version(tx: EntityManager, ctx: TenantContext, matrixId: string, n: number, lock = false): Promise<VersionRow> {
    const [version]: VersionRow[] = await tx.query(
      `SELECT ${VERSION_COLUMNS} FROM matrix_versions WHERE workspace_id = $1 AND matrix_id = $2 AND number = $3${lock ? ' FOR UPDATE' : ''}`,
      [ctx.workspaceId, matrixId, n],
    );
    if (!version) throw new NotFoundException(`No version ${n} of this matrix.`);
    return version;
  }

  private signaturesOf(tx: EntityManager, ctx: TenantContext, matrixId: string): Promise<SignatureRow[]> {
    return tx.query(
      `SELECT version_id, party_key, party_name, decision, reason, user_id, user_name, role, hash, signed_at, ip, user_agent
       FROM signatures WHERE workspace_id = $1 AND matrix_id = $2 ORDER BY signed_at`,
      [ctx.workspaceId, matrixId],
    );
  }

  private signers(version: VersionRow, signatures: SignatureRow[]): SignerView[] {
    return requiredSigners(version.snapshot.matrix).map((s) => ({
      partyKey: s.partyKey,
      partyName: s.partyName,
      kind: s.kind,
      roles: [...rolesThatSignFor(s.kind)],
      decision: signatures.find((sig) => sig.version_id === version.id && sig.party_key === s.partyKey)?.decision ?? null,
    }));
  }

  private summary(v: VersionRow, signatures: SignatureRow[], inEffect: number | null): VersionSummaryView {
    return {
      number: v.number,
      status: v.status,
      inEffect: v.number === inEffect,
      hash: v.hash,
      requestedBy: { id: v.requested_by, name: v.requested_by_name },
      requestedAt: v.requested_at.toISOString(),
      decidedAt: v.decided_at?.toISOString() ?? null,
      signers: this.signers(v, signatures),
    };
  }

  private async view(tx: EntityManager, ctx: TenantContext, v: VersionRow): Promise<VersionView> {
    const signatures = (await this.signaturesOf(tx, ctx, v.matrix_id)).filter((s) => s.version_id === v.id);
    const [effect] = await tx.query(`SELECT max(number) AS n FROM matrix_versions WHERE workspace_id = $1 AND matrix_id = $2 AND status = 'approved'`, [ctx.workspaceId, v.matrix_id]);
    const summary = this.summary(v, signatures, effect.n);
    return {
      ...summary,
      matrixId: v.matrix_id,
      snapshot: v.snapshot as unknown as Record<string, unknown>,
      signatures: signatures.map((s) => ({
        partyKey: s.party_key,
        partyName: s.party_name,
        decision: s.decision,
        reason: s.reason,
        user: { id: s.user_id, name: s.user_name },
        role: s.role,
        hash: s.hash,
        at: s.signed_at.toISOString(),
        ip: s.ip,
        userAgent: s.user_agent,
      })),
      canSignFor: v.status === 'pending' ? summary.signers.filter((s) => s.decision === null && canSignFor(ctx.role, s.kind as PartyKind)).map((s) => s.partyKey) : [],
    };
  }
}
