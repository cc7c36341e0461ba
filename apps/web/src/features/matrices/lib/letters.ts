import { assignmentsOf, checkRow, isRaciLetter, lettersFrom, type RaciLetter } from '@accord/raci';
import type { ResponsibilityView } from '../../../lib/api/types';

type RowLetters = ResponsibilityView['letters'];

/**
 * The row's complete letters after `partyId` takes `letter` (or loses its letter, for null).
 * A party holds one letter per row, so a new letter replaces the party's old one.
 */
export function setPartyLetter(letters: RowLetters, partyId: string, letter: RaciLetter | null): RowLetters {
  const others = Object.entries(letters).filter(([key]) => key !== partyId);
  return lettersFrom([...others, [partyId, letter]]) as RowLetters;
}

/** The letter a key press sets: R, A, C or I in either case; anything else is not a letter. */
export function letterOfKey(key: string): RaciLetter | null {
  const upper = key.toUpperCase();
  return key.length === 1 && isRaciLetter(upper) ? upper : null;
}

/** A copy of the row with these letters and its rule breaks checked again (by @accord/raci). */
export function withRowLetters(row: ResponsibilityView, letters: RowLetters): ResponsibilityView {
  return { ...row, letters, violations: checkRow(assignmentsOf({ letters })) };
}
