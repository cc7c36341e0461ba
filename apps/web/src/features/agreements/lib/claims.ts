import {
  type Action,
  can,
  checkRow,
  isRaciLetter,
  type RaciLetter,
  type Role,
  ROLE_PARTY,
  type RowRuleViolation,
} from '@accord/raci';

/** Letters of one row by party id, as the API sends them. */
export type LettersById = Partial<Record<string, RaciLetter>>;

/** The two sides that make and decide claims. */
export type ClaimSide = 'msp' | 'internal_it';

export const CLAIM_SIDE_NAMES: Readonly<Record<ClaimSide, string>> = { msp: 'the MSP', internal_it: 'internal IT' };

/** The side a role claims for: the MSP roles and internal IT; the business and viewers make no claims. */
export function claimSideOf(role: Role): ClaimSide | null {
  const party = ROLE_PARTY[role];
  return party === 'msp' || party === 'internal_it' ? party : null;
}

/** Whether `role` may make a claim at all (the permission and a side to claim for). */
export function canProposeClaims(role: Role): boolean {
  return can(role, 'claims.propose' satisfies Action) && claimSideOf(role) !== null;
}

/** The other side decides: a claim for internal IT is decided by the MSP, and the reverse. */
export function canDecideClaim(role: Role, claim: { proposedFor: string; state: string }): boolean {
  const side = claimSideOf(role);
  return claim.state === 'open' && canProposeClaims(role) && side !== null && side !== claim.proposedFor;
}

/** "the MSP", "internal IT": who decides a claim made for `proposedFor`. */
export function deciderOf(proposedFor: string): string {
  return proposedFor === 'msp' ? CLAIM_SIDE_NAMES.internal_it : CLAIM_SIDE_NAMES.msp;
}

/** The side's name as a claim's subject reads it ("for internal IT"). */
export function sideName(side: string): string {
  return side === 'msp' || side === 'internal_it' ? CLAIM_SIDE_NAMES[side] : side;
}

/** The RACI rules of the proposed row, by @accord/raci: the same check the API makes. */
export function proposedRowProblems(letters: LettersById): RowRuleViolation[] {
  return checkRow(
    Object.entries(letters).flatMap(([partyId, letter]) => (isRaciLetter(letter) ? [{ partyId, letter }] : [])),
  );
}

/** The letters with `partyId` set to `letter`, or without a letter for null. */
export function withLetter(letters: LettersById, partyId: string, letter: RaciLetter | null): LettersById {
  const next: LettersById = {};
  for (const [key, value] of Object.entries(letters)) if (key !== partyId && value) next[key] = value;
  if (letter) next[partyId] = letter;
  return next;
}

export interface LetterChange {
  partyId: string;
  partyName: string;
  before: RaciLetter | null;
  after: RaciLetter | null;
}

/** The parties whose letter differs between `before` and `after`, in column order. */
export function letterChanges(
  parties: readonly { id: string; name: string }[],
  before: LettersById,
  after: LettersById,
): LetterChange[] {
  return parties.flatMap((party) => {
    const was = before[party.id] ?? null;
    const now = after[party.id] ?? null;
    return was === now ? [] : [{ partyId: party.id, partyName: party.name, before: was, after: now }];
  });
}

/** "MSP R · Internal IT A · Business I": a row's letters in column order; "no letters" when empty. */
export function lettersSummary(parties: readonly { id: string; name: string }[], letters: LettersById): string {
  const parts = parties.flatMap((party) => (letters[party.id] ? [`${party.name} ${letters[party.id]}`] : []));
  return parts.length > 0 ? parts.join(' · ') : 'no letters';
}

export type ClaimState = 'open' | 'accepted' | 'declined';
export const CLAIM_STATES: readonly ClaimState[] = ['open', 'accepted', 'declined'];

export const CLAIM_STATE_LABELS: Readonly<Record<ClaimState, string>> = {
  open: 'Open',
  accepted: 'Accepted',
  declined: 'Declined',
};

/** How many claims there are in each state. */
export function countByState(claims: readonly { state: string }[]): Record<ClaimState, number> {
  const counts: Record<ClaimState, number> = { open: 0, accepted: 0, declined: 0 };
  for (const claim of claims) if (claim.state in counts) counts[claim.state as ClaimState] += 1;
  return counts;
}

/** The tab of the inbox a search parameter asks for; anything else is the open claims. */
export function claimStateOf(value: string | null): ClaimState {
  return CLAIM_STATES.find((state) => state === value) ?? 'open';
}
