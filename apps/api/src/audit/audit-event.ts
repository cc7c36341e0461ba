import type { BuiltInParty, Role } from '@accord/raci';

/** Every kind of change Accord records. Later domains add their kinds here. */
export const AUDIT_ACTIONS = [
  'auth.signed_up',
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
  'workspace.created',
  'client.created',
  'client.renamed',
  'client.archived',
  'client.restored',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'matrix.created',
  'responsibility.created',
  'responsibility.updated',
  'responsibility.letters_set',
  'responsibility.deleted',
  'matrix.imported',
  'matrix.model_changed',
  'party.created',
  'party.updated',
  'party.deleted',
  'matrix.renamed',
  'matrix.rows_reordered',
  'template.saved',
  'escalation_policy.updated',
  'escalation_path.reviewed',
  'claim.proposed',
  'claim.accepted',
  'claim.declined',
  'version.requested',
  'version.superseded',
  'version.signed',
  'version.rejected',
  'version.approved',
  'workspace.settings_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type EntityType = 'user' | 'workspace' | 'client' | 'invitation' | 'membership' | 'session' | 'matrix' | 'party' | 'responsibility' | 'template' | 'escalation_policy' | 'claim' | 'version';

export interface AuditActor {
  userId: string;
  name: string;
  role: Role | null;
  party: BuiltInParty | null;
}

/** What a domain says about its change; the audit service adds who, when, where and the chain. */
export interface AuditInput {
  action: AuditAction;
  entityType: EntityType;
  entityId: string | null;
  clientId?: string | null;
  matrixId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The hashed content of one event: everything but the hashes themselves. */
export interface AuditPayload {
  workspaceId: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorParty: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  matrixId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
