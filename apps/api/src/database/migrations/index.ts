import { Foundation1764360000000 } from './1764360000000-foundation';
import { IdentityTenancyAudit1764400000000 } from './1764400000000-identity-tenancy-audit';
import { Matrices1764500000000 } from './1764500000000-matrices';
import { EscalationPolicies1764600000000 } from './1764600000000-escalation-policies';
import { Agreements1764700000000 } from './1764700000000-agreements';
import { AuditEventBody1764800000000 } from './1764800000000-audit-event-body';
import { MatrixRevision1764900000000 } from './1764900000000-matrix-revision';
import { RequestGuard1765000000000 } from './1765000000000-request-guard';
import { AuditVerification1765100000000 } from './1765100000000-audit-verification';
import { GuardGenericPlan1765200000000 } from './1765200000000-guard-generic-plan';
import { AuditHashInlined1765300000000 } from './1765300000000-audit-hash-inlined';

/** In order. Listed, not globbed, so the same list works from TypeScript (tests) and the build. */
export const migrations = [Foundation1764360000000, IdentityTenancyAudit1764400000000, Matrices1764500000000, EscalationPolicies1764600000000, Agreements1764700000000, AuditEventBody1764800000000, MatrixRevision1764900000000, RequestGuard1765000000000, AuditVerification1765100000000, GuardGenericPlan1765200000000, AuditHashInlined1765300000000];
