/**
 * Path parameters that name a tenant's object, and the table that holds it: the tenant guard
 * checks each one the path carries (app_resolve_request, migration RequestGuard1765000000000).
 * In the function's argument order; a new entry needs a new migration of that function.
 */
export const GUARDED_IDS = [
  ['clientId', 'clients'],
  ['memberId', 'memberships'],
  ['invitationId', 'invitations'],
  ['matrixId', 'matrices'],
  ['partyId', 'matrix_parties'],
  ['responsibilityId', 'responsibilities'],
  ['claimId', 'claims'],
] as const;
