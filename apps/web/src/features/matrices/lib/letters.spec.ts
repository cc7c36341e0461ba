import { describe, expect, it } from 'vitest';
import type { ResponsibilityView } from '../../../lib/api/types';
import { letterOfKey, setPartyLetter, withRowLetters } from './letters';

describe('setPartyLetter', () => {
  it('gives the party the letter and keeps the other parties', () => {
    expect(setPartyLetter({ msp: 'R' }, 'it', 'A')).toEqual({ msp: 'R', it: 'A' });
  });

  it('replaces the letter the party held, since a party holds one letter per row', () => {
    expect(setPartyLetter({ msp: 'R', it: 'C' }, 'it', 'A')).toEqual({ msp: 'R', it: 'A' });
  });

  it('removes the party from the letters when the letter is cleared', () => {
    expect(setPartyLetter({ msp: 'R', it: 'C' }, 'it', null)).toEqual({ msp: 'R' });
  });
});

describe('letterOfKey', () => {
  it('reads R, A, C and I in either case and nothing else', () => {
    expect(letterOfKey('r')).toBe('R');
    expect(letterOfKey('I')).toBe('I');
    expect(letterOfKey('x')).toBeNull();
    expect(letterOfKey('Enter')).toBeNull();
  });
});

describe('withRowLetters', () => {
  it('checks the rules again for the new letters', () => {
    const row = { id: 'r1', letters: { msp: 'R', it: 'A' }, violations: [] } as unknown as ResponsibilityView;
    const updated = withRowLetters(row, { msp: 'R' });
    expect(updated.letters).toEqual({ msp: 'R' });
    expect(updated.violations.map((v) => v.code)).toEqual(['no_accountable']);
  });
});
