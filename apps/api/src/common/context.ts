import type { BuiltInParty, Role } from '@accord/raci';

/** The signed-in person, from the session. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** Who is acting in which workspace, as what: resolved from the membership, never from the body. */
export interface TenantContext {
  user: SessionUser;
  workspaceId: string;
  membershipId: string;
  role: Role;
  /** Set for client roles: everything they touch is confined to this client. */
  clientId: string | null;
  party: BuiltInParty | null;
}

/** Where a request came from, for the audit record. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}
