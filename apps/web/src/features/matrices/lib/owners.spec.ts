import { CATEGORIES, loadByParty, templateContent } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { matrixViewsOf, partyViews, rowView } from '../../../test/matrix-views';
import {
  countOf,
  dutiesByParty,
  hasNoDuties,
  joinNames,
  noDutiesWarning,
  ownersOverview,
  partyInvolvement,
  partySummary,
  rowContext,
  unownedReason,
  unownedRows,
} from './owners';

const [helpDesk, onboarding] = CATEGORIES;
const none = { R: 0, A: 0, C: 0, I: 0 };

describe('dutiesByParty', () => {
  it('lists the parties in column order, whatever order the API sent them in', () => {
    const parties = partyViews('msp', 'internal_it', 'business').reverse();
    expect(dutiesByParty(parties, []).map((d) => d.party.id)).toEqual(['msp', 'internal_it', 'business']);
  });

  it('puts every row under the letter the party holds, grouped by category in matrix order', () => {
    const parties = partyViews('msp', 'business');
    const reset = rowView('reset', { msp: 'R', business: 'A' }, { category: helpDesk.key, position: 2 });
    const joiners = rowView('joiners', { msp: 'R', business: 'A' }, { category: onboarding.key, position: 0 });
    const tickets = rowView('tickets', { msp: 'A', business: 'C' }, { category: helpDesk.key, position: 1 });
    const [msp, business] = dutiesByParty(parties, [reset, joiners, tickets]);

    expect(msp?.rows.R).toEqual([
      { category: helpDesk.key, label: helpDesk.label, rows: [reset] },
      { category: onboarding.key, label: onboarding.label, rows: [joiners] },
    ]);
    expect(msp?.rows.A).toEqual([{ category: helpDesk.key, label: helpDesk.label, rows: [tickets] }]);
    expect(msp?.rows.C).toEqual([]);
    expect(msp?.counts).toEqual({ R: 2, A: 1, C: 0, I: 0 });
    expect(business?.counts).toEqual({ R: 0, A: 2, C: 1, I: 0 });
  });

  it('agrees with loadByParty on the co-managed template', () => {
    const content = templateContent('co_managed');
    const { parties, responsibilities } = matrixViewsOf(content);
    expect(dutiesByParty(parties, responsibilities).map((d) => d.counts)).toEqual(
      loadByParty(content).map((l) => l.counts),
    );
  });

  it('ignores letters a row still holds for a party that is no longer in the matrix', () => {
    const [msp] = dutiesByParty(partyViews('msp'), [rowView('x', { msp: 'R', removed: 'A' })]);
    expect(msp?.counts).toEqual({ R: 1, A: 0, C: 0, I: 0 });
  });
});

describe('unownedRows', () => {
  const parties = partyViews('msp', 'internal_it', 'business');

  it('finds rows nobody answers for, nobody does, or both, and leaves owned rows out', () => {
    const owned = rowView('owned', { msp: 'R', business: 'A' });
    const noA = rowView('no_a', { msp: 'R', internal_it: 'R' });
    const noR = rowView('no_r', { business: 'A', msp: 'C' });
    const nobody = rowView('nobody', { business: 'I' });
    expect(unownedRows(parties, [owned, noA, noR, nobody])).toEqual([
      { row: noA, missing: ['accountable'], accountable: [], responsible: ['MSP', 'Internal IT'] },
      { row: noR, missing: ['responsible'], accountable: ['Business'], responsible: [] },
      { row: nobody, missing: ['accountable', 'responsible'], accountable: [], responsible: [] },
    ]);
  });

  it('does not count a letter held by a party that was removed from the matrix', () => {
    const row = rowView('ghost', { msp: 'R', former_vendor: 'A' });
    expect(unownedRows(parties, [row]).map((u) => u.missing)).toEqual([['accountable']]);
  });

  it('does not call a row with several accountable parties unowned', () => {
    expect(unownedRows(parties, [rowView('two', { msp: 'A', business: 'A', internal_it: 'R' })])).toEqual([]);
  });

  it('lists critical rows first and keeps matrix order otherwise', () => {
    const first = rowView('first', {}, { position: 0 });
    const second = rowView('second', {}, { position: 1, critical: true });
    const third = rowView('third', {}, { position: 2 });
    expect(unownedRows(parties, [third, first, second]).map((u) => u.row.id)).toEqual(['second', 'first', 'third']);
  });

  it('finds nothing in the built-in templates, which are complete', () => {
    const { parties: p, responsibilities } = matrixViewsOf(templateContent('fully_managed'));
    expect(unownedRows(p, responsibilities)).toEqual([]);
  });
});

describe('unownedReason', () => {
  it('names who does the work when nobody answers for it, with the verb agreeing', () => {
    expect(unownedReason({ missing: ['accountable'], accountable: [], responsible: ['MSP'] })).toBe(
      'MSP does the work, but nobody answers for the result.',
    );
    expect(unownedReason({ missing: ['accountable'], accountable: [], responsible: ['MSP', 'Internal IT'] })).toBe(
      'MSP and Internal IT do the work, but nobody answers for the result.',
    );
  });

  it('names who answers for the result when nobody does the work', () => {
    expect(unownedReason({ missing: ['responsible'], accountable: ['Business'], responsible: [] })).toBe(
      'Business answers for the result, but nobody is named to do the work.',
    );
  });

  it('says both are missing when they are', () => {
    expect(unownedReason({ missing: ['accountable', 'responsible'], accountable: [], responsible: [] })).toBe(
      'Nobody answers for the result and nobody is named to do the work.',
    );
  });
});

describe('partySummary', () => {
  it('says what the party answers for and works on', () => {
    expect(partySummary('Northwind IT', { R: 41, A: 23, C: 0, I: 0 })).toBe(
      'Northwind IT answers for 23 responsibilities and does the work on 41.',
    );
  });

  it('uses the singular for one responsibility', () => {
    expect(partySummary('MSP', { R: 1, A: 1, C: 0, I: 0 })).toBe(
      'MSP answers for 1 responsibility and does the work on 1.',
    );
    expect(partySummary('MSP', { R: 1, A: 0, C: 0, I: 0 })).toBe(
      'MSP does the work on 1 responsibility but answers for none.',
    );
  });

  it('says plainly when a party answers for things but does none of the work, or the other way round', () => {
    expect(partySummary('Business', { R: 0, A: 27, C: 0, I: 5 })).toBe(
      'Business answers for 27 responsibilities but does the work on none.',
    );
    expect(partySummary('Internal IT', { R: 12, A: 0, C: 0, I: 0 })).toBe(
      'Internal IT does the work on 12 responsibilities but answers for none.',
    );
  });

  it('says when a party owns nothing at all', () => {
    expect(partySummary('Cloud vendor', { R: 0, A: 0, C: 3, I: 0 })).toBe(
      'Cloud vendor neither answers for nor does the work on any responsibility.',
    );
  });
});

describe('partyInvolvement', () => {
  it('adds the rows the party is consulted on or kept informed about', () => {
    expect(partyInvolvement('MSP', { R: 34, A: 2, C: 20, I: 3 })).toBe(
      'MSP is also consulted on 20 responsibilities and kept informed about 3.',
    );
    expect(partyInvolvement('MSP', { R: 3, A: 0, C: 1, I: 0 })).toBe('MSP is also consulted on 1 responsibility.');
    expect(partyInvolvement('MSP', { R: 3, A: 0, C: 0, I: 2 })).toBe(
      'MSP is also kept informed about 2 responsibilities.',
    );
  });

  it('says "only" for a party that owns nothing', () => {
    expect(partyInvolvement('Cloud vendor', { R: 0, A: 0, C: 3, I: 1 })).toBe(
      'Cloud vendor is only consulted on 3 responsibilities and kept informed about 1.',
    );
  });

  it('says nothing when the party is neither consulted nor informed', () => {
    expect(partyInvolvement('MSP', { R: 3, A: 1, C: 0, I: 0 })).toBeNull();
  });
});

describe('hasNoDuties and noDutiesWarning', () => {
  it('counts only R and A as duties', () => {
    expect(hasNoDuties({ ...none, C: 4, I: 2 })).toBe(true);
    expect(hasNoDuties({ ...none, A: 1 })).toBe(false);
    expect(hasNoDuties({ ...none, R: 1 })).toBe(false);
  });

  it('calls a party without duties a gap and says what to do about it', () => {
    expect(noDutiesWarning('Cloud vendor')).toBe(
      'This is a gap: Cloud vendor does no work and answers for nothing in this matrix. Give Cloud vendor the responsibilities it owns, or remove it from the matrix if it has no part in it.',
    );
  });
});

describe('rowContext', () => {
  const parties = partyViews('msp', 'internal_it', 'business');

  it('under "Accountable for" names who does the work', () => {
    expect(rowContext({ letters: { msp: 'R', internal_it: 'R', business: 'A' } }, 'A', parties, 'business')).toBe(
      'Work done by MSP and Internal IT.',
    );
    expect(rowContext({ letters: { business: 'A' } }, 'A', parties, 'business')).toBe(
      'Nobody is named to do the work yet.',
    );
  });

  it('under "Responsible for" names who answers for the result and who shares the work', () => {
    expect(rowContext({ letters: { msp: 'R', business: 'A' } }, 'R', parties, 'msp')).toBe(
      'Business answers for the result.',
    );
    expect(rowContext({ letters: { msp: 'R', internal_it: 'R', business: 'A' } }, 'R', parties, 'msp')).toBe(
      'Business answers for the result. Work shared with Internal IT.',
    );
    expect(rowContext({ letters: { msp: 'R' } }, 'R', parties, 'msp')).toBe('Nobody answers for the result yet.');
  });

  it('agrees the verb with several accountable parties', () => {
    expect(rowContext({ letters: { msp: 'A', business: 'A', internal_it: 'C' } }, 'C', parties, 'internal_it')).toBe(
      'MSP and Business answer for the result.',
    );
  });
});

describe('ownersOverview', () => {
  it('counts parties and responsibilities, and how many lack an owner', () => {
    expect(ownersOverview(3, 60, 0)).toBe(
      '3 parties share 60 responsibilities. Every one has a party that answers for it and a party that does the work.',
    );
    expect(ownersOverview(3, 60, 1)).toBe('3 parties share 60 responsibilities. 1 still lacks an owner.');
    expect(ownersOverview(1, 1, 2)).toBe('1 party holds 1 responsibility. 2 still lack an owner.');
  });

  it('says when the matrix is empty', () => {
    expect(ownersOverview(3, 0, 0)).toBe('This matrix has no responsibilities yet.');
  });
});

describe('countOf and joinNames', () => {
  it('pluralises', () => {
    expect(countOf(0)).toBe('0 responsibilities');
    expect(countOf(1)).toBe('1 responsibility');
    expect(countOf(2, 'party', 'parties')).toBe('2 parties');
  });

  it('joins names the way a sentence does', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['MSP'])).toBe('MSP');
    expect(joinNames(['MSP', 'Business'])).toBe('MSP and Business');
    expect(joinNames(['MSP', 'Internal IT', 'Business'])).toBe('MSP, Internal IT and Business');
  });
});
