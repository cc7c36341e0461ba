/** The four letters of a RACI matrix, in the order people read them. */
export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export const RACI_LETTER_NAMES: Record<RaciLetter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

export function isRaciLetter(value: unknown): value is RaciLetter {
  return typeof value === 'string' && (RACI_LETTERS as readonly string[]).includes(value);
}

/** One row's letters: which party holds which letter. A party holds at most one letter. */
export interface Assignment {
  partyId: string;
  letter: RaciLetter;
}

export type RowRuleCode = 'no_accountable' | 'several_accountable' | 'no_responsible' | 'party_holds_several_letters';

export interface RowRuleViolation {
  code: RowRuleCode;
  message: string;
  partyIds: string[];
}

/**
 * The RACI rules of one row: exactly one A, at least one R, at most one letter per party.
 * Returns every violation rather than the first, so the grid can show them all at once.
 */
export function checkRow(assignments: readonly Assignment[]): RowRuleViolation[] {
  const violations: RowRuleViolation[] = [];
  const accountable = assignments.filter((a) => a.letter === 'A').map((a) => a.partyId);
  if (accountable.length === 0) {
    violations.push({ code: 'no_accountable', message: 'Nobody is accountable (A) for this responsibility.', partyIds: [] });
  } else if (accountable.length > 1) {
    violations.push({
      code: 'several_accountable',
      message: 'Only one party may be accountable (A); this row has several.',
      partyIds: accountable,
    });
  }
  if (!assignments.some((a) => a.letter === 'R')) {
    violations.push({ code: 'no_responsible', message: 'Nobody is responsible (R) for doing this work.', partyIds: [] });
  }
  const seen = new Map<string, number>();
  for (const a of assignments) seen.set(a.partyId, (seen.get(a.partyId) ?? 0) + 1);
  const doubled = [...seen].filter(([, n]) => n > 1).map(([partyId]) => partyId);
  if (doubled.length > 0) {
    violations.push({
      code: 'party_holds_several_letters',
      message: 'A party may hold only one letter per responsibility.',
      partyIds: doubled,
    });
  }
  return violations;
}
