import fc from 'fast-check';
import { describeChange, describeDiff, describeLetterChange } from './describe-diff';
import { diffMatrices } from './diff';
import { type MatrixContent, withLetter } from './matrix';
import { matrixPairArb } from './testing/arbitraries';
import { matrix, party, responsibility } from './testing/factories';

const onboarding = responsibility(
  'user_onboarding',
  { internal_it: 'C', msp: 'R', business: 'A' },
  { title: 'User onboarding' },
);
const backups = responsibility('backups', { msp: 'R', internal_it: 'A' }, { category: 'backups', critical: true });
const base = matrix({ responsibilities: [onboarding, backups] });

function sentences(next: MatrixContent, content: MatrixContent = base): string[] {
  return describeDiff(diffMatrices(base, next), content);
}

describe('describeLetterChange', () => {
  it('says what a party becomes and what it was', () => {
    const change = { partyKey: 'internal_it', from: 'C', to: 'R' } as const;
    expect(describeLetterChange(change, 'Internal IT', 'User onboarding')).toBe(
      "Internal IT becomes Responsible for 'User onboarding' (was Consulted).",
    );
  });

  it('reads naturally for every letter, new or removed', () => {
    expect(describeLetterChange({ partyKey: 'b', from: null, to: 'I' }, 'Business', 'Backups')).toBe(
      "Business becomes Informed about 'Backups'.",
    );
    expect(describeLetterChange({ partyKey: 'm', from: 'C', to: null }, 'MSP', 'Backups')).toBe(
      "MSP is no longer Consulted on 'Backups'.",
    );
    expect(describeLetterChange({ partyKey: 'm', from: null, to: 'A' }, 'MSP', 'Backups')).toBe(
      "MSP becomes Accountable for 'Backups'.",
    );
  });
});

describe('describeChange', () => {
  it('describes every letter change of a row with the names in the matrix', () => {
    const next = { ...onboarding, letters: { internal_it: 'R', business: 'A' } } as const;
    const [change] = diffMatrices(base, { ...base, responsibilities: [next, backups] }).rows.changed;
    expect(describeChange(change, base)).toEqual([
      "MSP is no longer Responsible for 'User onboarding'.",
      "Internal IT becomes Responsible for 'User onboarding' (was Consulted).",
    ]);
  });
});

describe('describeDiff', () => {
  it('says nothing when nothing changed', () => {
    expect(sentences(base)).toEqual([]);
  });

  it('describes changed fields in plain words, using the new title', () => {
    const next = {
      ...base,
      responsibilities: [
        onboarding,
        {
          ...backups,
          title: 'Daily backups',
          category: 'cloud',
          critical: false,
          afterHours: true,
          toolAccess: 'rmm',
          description: 'New.',
        },
      ],
    } as MatrixContent;
    expect(sentences(next)).toEqual([
      "'Backups' is renamed 'Daily backups'.",
      "'Daily backups' moves from Backups and recovery to Cloud services.",
      "The description of 'Daily backups' is reworded.",
      "'Daily backups' is no longer marked critical.",
      "'Daily backups' now decides access to the RMM (remote management tool).",
      "'Daily backups' now needs cover after hours.",
    ]);
  });

  it('describes the model, parties, new and removed rows and reordering', () => {
    const vendor = party('cloud_vendor', { name: 'Cloud vendor' });
    const restore = responsibility('restore_tests', { msp: 'R', business: 'A' }, { category: 'backups' });
    const next: MatrixContent = {
      model: 'fully_managed',
      parties: [party('business', { requiredToSign: false }), party('msp', { name: 'Harbor IT' }), vendor],
      responsibilities: [restore, withLetter(onboarding, 'internal_it', null)],
    };
    expect(sentences(next)).toEqual([
      'The support model changes from Co-managed to Fully managed.',
      'Cloud vendor joins the matrix.',
      'Internal IT leaves the matrix.',
      'Business no longer needs to sign the matrix.',
      'MSP is renamed Harbor IT.',
      'Business moves to a new column.',
      "New responsibility 'Restore tests' in Backups and recovery: Harbor IT Responsible, Business Accountable.",
      "'Backups' is removed from the matrix.",
    ]);
  });

  it('does not repeat, row by row, the letters of a party that leaves the matrix', () => {
    const next: MatrixContent = {
      ...base,
      parties: base.parties.filter((p) => p.key !== 'internal_it'),
      responsibilities: [
        withLetter(onboarding, 'internal_it', null),
        withLetter(withLetter(backups, 'internal_it', null), 'business', 'A'),
      ],
    };
    expect(sentences(next)).toEqual(['Internal IT leaves the matrix.', "Business becomes Accountable for 'Backups'."]);
  });

  it('names rows that moved', () => {
    const wifi = responsibility('wifi', { msp: 'R', business: 'A' }, { title: 'Wi-Fi' });
    const before = { ...base, responsibilities: [onboarding, backups, wifi] };
    const after = { ...base, responsibilities: [backups, wifi, onboarding] };
    expect(describeDiff(diffMatrices(before, after), after)).toEqual([
      "'User onboarding' moves to a new place in the list.",
    ]);
  });

  it('produces one full sentence per change for any pair of matrices', () => {
    fc.assert(
      fc.property(matrixPairArb, ([a, b]) => {
        for (const sentence of describeDiff(diffMatrices(a, b), a)) expect(sentence).toMatch(/\.$/);
      }),
    );
  });
});
