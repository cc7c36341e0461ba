import { checkRow, isRaciLetter } from './raci';

describe('checkRow', () => {
  it('accepts a row with one A and one R on different parties', () => {
    expect(checkRow([{ partyId: 'msp', letter: 'R' }, { partyId: 'it', letter: 'A' }])).toEqual([]);
  });

  it('reports a row with a responsible party but nobody accountable', () => {
    expect(checkRow([{ partyId: 'msp', letter: 'R' }]).map((v) => v.code)).toEqual(['no_accountable']);
  });

  it('reports a row nobody is accountable or responsible for', () => {
    expect(checkRow([]).map((v) => v.code)).toEqual(['no_accountable', 'no_responsible']);
  });

  it('names every party when several hold A', () => {
    const [violation] = checkRow([
      { partyId: 'msp', letter: 'A' },
      { partyId: 'it', letter: 'A' },
      { partyId: 'biz', letter: 'R' },
    ]);
    expect(violation).toMatchObject({ code: 'several_accountable', partyIds: ['msp', 'it'] });
  });

  it('refuses two letters for one party', () => {
    const codes = checkRow([
      { partyId: 'msp', letter: 'A' },
      { partyId: 'msp', letter: 'R' },
    ]).map((v) => v.code);
    expect(codes).toEqual(['party_holds_several_letters']);
  });
});

describe('isRaciLetter', () => {
  it.each(['R', 'A', 'C', 'I'])('knows %s', (letter) => expect(isRaciLetter(letter)).toBe(true));
  it.each(['r', 'X', '', null, 1])('rejects %p', (value) => expect(isRaciLetter(value)).toBe(false));
});
