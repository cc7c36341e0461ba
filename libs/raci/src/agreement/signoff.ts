import { escalationGaps } from '../escalation/gaps';
import { type EscalationPolicy } from '../escalation/types';
import { type GapKind } from '../gaps';
import { checkMatrix, type MatrixContent, type PartyKind } from '../matrix';
import { type Role } from '../roles';

/**
 * The rules of sign-off (DESIGN.md section 2), pure so that the API refuses exactly what the web
 * app shows as blocking: a draft cannot be frozen for signatures while it breaks a RACI rule or a
 * P1 path runs dry, and only the roles that speak for a party may sign for it.
 */

/** Why the draft cannot be sent for sign-off. `field` names what to fix, as the API's error details do. */
export interface SignOffBlocker {
  /** "responsibilities.<rowKey>", "parties.<partyKey>" or "escalation.paths.<pathKey>". */
  field: string;
  rowKey?: string;
  message: string;
}

/** The escalation findings that block sign-off: a P1 that can reach nobody, a step that calls someone gone. */
export const BLOCKING_ESCALATION_GAPS: readonly GapKind[] = ['p1_uncovered_instant', 'unknown_contact'];

/**
 * Everything that stops the draft from being frozen into a version: every broken matrix rule (rows
 * named by their title in the message), then every P1 hour that reaches nobody on duty and every
 * step that calls a party or contact no longer there, as escalationGaps finds them for the week
 * from `reference` (the caller's "now"). Empty means the draft may be sent for sign-off. Throws a
 * RangeError, like escalationGaps, only when `reference` is not a date.
 */
export function signOffBlockers(
  content: MatrixContent,
  policy: EscalationPolicy,
  reference: Date | string,
): SignOffBlocker[] {
  const matrix = checkMatrix(content).map((v): SignOffBlocker =>
    v.rowKey === undefined
      ? { field: `parties.${v.partyKeys[0] ?? ''}`, message: v.message }
      : { field: `responsibilities.${v.rowKey}`, rowKey: v.rowKey, message: v.message },
  );
  const escalation = escalationGaps(policy, content, reference)
    .filter((gap) => BLOCKING_ESCALATION_GAPS.includes(gap.kind))
    .map((gap): SignOffBlocker => ({
      // Path findings have the id "kind:pathKey:..." (escalation/gaps.ts); keys hold no colon.
      field: `escalation.paths.${gap.id.split(':')[1] ?? ''}`,
      ...(gap.rowKey === undefined ? {} : { rowKey: gap.rowKey }),
      message: gap.explanation,
    }));
  return [...matrix, ...escalation];
}

export interface RequiredSigner {
  partyKey: string;
  partyName: string;
  kind: PartyKind;
}

/** The parties whose signature a version needs before it is approved, in column order. */
export function requiredSigners(content: MatrixContent): RequiredSigner[] {
  const seen = new Set<string>();
  return content.parties.flatMap((party) => {
    if (!party.requiredToSign || seen.has(party.key)) return [];
    seen.add(party.key);
    return [{ partyKey: party.key, partyName: party.name, kind: party.kind }];
  });
}

/**
 * Which roles sign for a party of each kind. The one place this is decided. A custom party, such as
 * a cloud vendor, has no login of its own in Accord, so the MSP's admin signs on its behalf: the MSP
 * manages the relationship with the vendor and answers for what the matrix says about it.
 */
export const SIGNING_ROLES: Readonly<Record<PartyKind, readonly Role[]>> = {
  msp: ['msp_admin', 'msp_engineer'],
  internal_it: ['client_it_admin'],
  business: ['client_owner'],
  custom: ['msp_admin'],
};

/** A fresh list: callers may keep or change it without touching SIGNING_ROLES. */
export function rolesThatSignFor(partyKind: PartyKind): Role[] {
  return [...(SIGNING_ROLES[partyKind] ?? [])];
}

export function canSignFor(role: Role, partyKind: PartyKind): boolean {
  return rolesThatSignFor(partyKind).includes(role);
}
