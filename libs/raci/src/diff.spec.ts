import fc from 'fast-check';
import { applyDiff, DiffConflictError, diffMatrices, isEmptyDiff, type MatrixDiff } from './diff';
import { matrixHash, normalizeMatrix } from './hash';
import { type MatrixContent, withLetter } from './matrix';
import { matrixContentArb, matrixPairArb } from './testing/arbitraries';
import { matrix, party, responsibility } from './testing/factories';

const onboarding = responsibility('user_onboarding', { internal_it: 'C', msp: 'R', business: 'A' });
const backups = responsibility('backups', { msp: 'R', internal_it: 'A' }, { category: 'backups', critical: true });
const wifi = responsibility('wifi', { internal_it: 'R', business: 'A' }, { category: 'networking' });
const base = matrix({ responsibilities: [onboarding, backups, wifi] });

function withRows(content: MatrixContent, responsibilities: MatrixContent['responsibilities']): MatrixContent {
  return { ...content, responsibilities };
}

describe('diffMatrices', () => {
  it('finds nothing between a matrix and itself', () => {
    expect(isEmptyDiff(diffMatrices(base, base))).toBe(true);
  });

  it('lists letter changes per party, in column order', () => {
    const next = withRows(base, [{ ...onboarding, letters: { internal_it: 'R', business: 'A' } }, backups, wifi]);
    expect(diffMatrices(base, next).rows.changed).toEqual([
      {
        key: 'user_onboarding',
        fields: {},
        letters: [
          { partyKey: 'msp', from: 'R', to: null },
          { partyKey: 'internal_it', from: 'C', to: 'R' },
        ],
      },
    ]);
  });

  it('reports field changes with their old and new values', () => {
    const next = withRows(base, [
      onboarding,
      { ...backups, title: 'Daily backups', critical: false, afterHours: true, toolAccess: 'rmm' },
      wifi,
    ]);
    expect(diffMatrices(base, next).rows.changed).toEqual([
      {
        key: 'backups',
        fields: {
          title: { from: 'Backups', to: 'Daily backups' },
          critical: { from: true, to: false },
          toolAccess: { from: null, to: 'rmm' },
          afterHours: { from: false, to: true },
        },
        letters: [],
      },
    ]);
  });

  it('treats afterHours false and an absent afterHours as the same thing', () => {
    const next = withRows(base, [onboarding, { ...backups, afterHours: false }, wifi]);
    expect(isEmptyDiff(diffMatrices(base, next))).toBe(true);
  });

  it('lists added and removed rows whole, without an order when new rows simply go last', () => {
    const printers = responsibility('printers', { internal_it: 'R', business: 'A' });
    const diff = diffMatrices(base, withRows(base, [onboarding, wifi, printers]));
    expect(diff.rows.added).toEqual([printers]);
    expect(diff.rows.removed).toEqual([backups]);
    expect(diff.rows.order).toBeUndefined();
  });

  it('gives the final order when a row is inserted between others, without calling anything moved', () => {
    const printers = responsibility('printers', { internal_it: 'R', business: 'A' });
    const diff = diffMatrices(base, withRows(base, [onboarding, printers, backups, wifi]));
    expect(diff.rows.order).toEqual(['user_onboarding', 'printers', 'backups', 'wifi']);
    expect(diff.rows.moved).toEqual([]);
  });

  it('names only the row that moved when one row changes place', () => {
    const diff = diffMatrices(base, withRows(base, [backups, wifi, onboarding]));
    expect(diff.rows.order).toEqual(['backups', 'wifi', 'user_onboarding']);
    expect(diff.rows.moved).toEqual(['user_onboarding']);
    expect(diff.rows.changed).toEqual([]);
  });

  it('reports model and party changes', () => {
    const next: MatrixContent = {
      ...base,
      model: 'custom',
      parties: [
        party('msp', { name: 'Harbor IT Services' }),
        party('business', { requiredToSign: false }),
        party('cloud_vendor'),
      ],
    };
    const diff = diffMatrices(base, next);
    expect(diff.model).toEqual({ from: 'co_managed', to: 'custom' });
    expect(diff.parties.added).toEqual([party('cloud_vendor')]);
    expect(diff.parties.removed).toEqual([party('internal_it')]);
    expect(diff.parties.changed).toEqual([
      { key: 'msp', fields: { name: { from: 'MSP', to: 'Harbor IT Services' } } },
      { key: 'business', fields: { requiredToSign: { from: true, to: false } } },
    ]);
  });

  it('refuses matrices with two rows under one key, where "the same row" means nothing', () => {
    expect(() => diffMatrices(withRows(base, [backups, backups]), base)).toThrow("share the key 'backups'");
  });
});

describe('applyDiff', () => {
  it('turns the old matrix into the new one', () => {
    const next = withRows(base, [
      wifi,
      withLetter(onboarding, 'internal_it', 'R'),
      responsibility('printers', { msp: 'R' }),
    ]);
    expect(applyDiff(base, diffMatrices(base, next))).toStrictEqual(next);
  });

  it('leaves its inputs untouched and shares no object with the diff', () => {
    const next = withRows(base, [onboarding, backups, wifi, responsibility('printers', { msp: 'R' })]);
    const before = JSON.stringify(base);
    const diff = diffMatrices(base, next);
    const result = applyDiff(base, diff);
    result.responsibilities[3].letters.msp = 'C';
    expect(diff.rows.added[0].letters.msp).toBe('R');
    expect(JSON.stringify(base)).toBe(before);
  });

  it('refuses a diff taken from another version of the matrix and says why', () => {
    const next = withRows(base, [withLetter(onboarding, 'internal_it', 'R'), backups]);
    const diff = diffMatrices(base, next);
    const movedOn = withRows(base, [
      withLetter(onboarding, 'internal_it', 'I'),
      backups,
      { ...wifi, title: 'Wireless' },
    ]);
    expect(() => applyDiff(movedOn, diff)).toThrow(DiffConflictError);
    try {
      applyDiff(movedOn, diff);
    } catch (error) {
      expect((error as DiffConflictError).conflicts).toEqual([
        "the responsibility 'wifi' to remove has changed",
        "the responsibility 'user_onboarding': the letter of 'internal_it' is no longer C",
      ]);
    }
  });

  it('refuses to add a row that already exists or to change one that is gone', () => {
    const diff: MatrixDiff = {
      parties: { added: [], removed: [], changed: [], moved: [] },
      rows: {
        added: [wifi],
        removed: [],
        changed: [{ key: 'printers', fields: { critical: { from: false, to: true } }, letters: [] }],
        moved: [],
      },
    };
    expect(() => applyDiff(base, diff)).toThrow(/'wifi' to add already exists.*'printers' to change is not there/);
  });

  it('refuses an order that does not list exactly the resulting keys', () => {
    const diff = diffMatrices(base, withRows(base, [wifi, backups, onboarding]));
    const broken: MatrixDiff = { ...diff, rows: { ...diff.rows, order: ['wifi', 'backups'] } };
    expect(() => applyDiff(base, broken)).toThrow('order does not list the same keys');
  });

  it('refuses a model change from a model the matrix does not have', () => {
    const diff = diffMatrices(base, { ...base, model: 'fully_managed' });
    expect(() => applyDiff({ ...base, model: 'custom' }, diff)).toThrow('the model is custom, not co_managed');
  });
});

describe('diff properties', () => {
  it('finds nothing between any matrix and itself', () => {
    fc.assert(
      fc.property(matrixContentArb, (content) => expect(isEmptyDiff(diffMatrices(content, content))).toBe(true)),
    );
  });

  it('applying diff(a, b) to a gives exactly b, rows and parties in order', () => {
    fc.assert(
      fc.property(matrixPairArb, ([a, b]) => {
        expect(applyDiff(a, diffMatrices(a, b))).toStrictEqual(b);
      }),
    );
  });

  it('applying diff(a, b) to a gives the normalised b even when b is written loosely', () => {
    fc.assert(
      fc.property(matrixPairArb, fc.boolean(), ([a, b], loose) => {
        const written = loose
          ? { ...b, responsibilities: b.responsibilities.map((r) => ({ ...r, afterHours: r.afterHours ?? false })) }
          : b;
        expect(applyDiff(a, diffMatrices(a, written))).toStrictEqual(normalizeMatrix(b));
      }),
    );
  });

  it('is empty exactly when the two matrices hash alike', () => {
    fc.assert(
      fc.property(matrixPairArb, ([a, b]) => {
        expect(isEmptyDiff(diffMatrices(a, b))).toBe(matrixHash(a) === matrixHash(b));
      }),
    );
  });
});
