import fc from 'fast-check';
import {
  CATEGORIES,
  checkMatrix,
  checkResponsibility,
  isCategoryKey,
  isSignable,
  isValidKey,
  letterOf,
  makeKey,
  type Responsibility,
  withLetter,
} from './matrix';
import { matrix, party, responsibility } from './testing/factories';

const valid = responsibility('restore_tests', { msp: 'R', internal_it: 'A', business: 'I' });

describe('checkResponsibility', () => {
  it('accepts a row with one accountable and one responsible party', () => {
    expect(checkResponsibility(valid)).toEqual([]);
  });

  it('names the row and its title when nobody is accountable', () => {
    const [violation] = checkResponsibility(responsibility('restore_tests', { msp: 'R' }));
    expect(violation).toMatchObject({ code: 'no_accountable', rowKey: 'restore_tests', partyKeys: [] });
    expect(violation.message).toContain("'Restore tests'");
  });

  it('reports a row without anyone responsible', () => {
    const codes = checkResponsibility(responsibility('backups', { business: 'A', msp: 'C' })).map((v) => v.code);
    expect(codes).toEqual(['no_responsible']);
  });

  it('names every party that holds an A when there are several', () => {
    const row = responsibility('backups', { msp: 'A', internal_it: 'A', business: 'R' });
    expect(checkResponsibility(row)).toEqual([
      expect.objectContaining({ code: 'several_accountable', rowKey: 'backups', partyKeys: ['msp', 'internal_it'] }),
    ]);
  });

  it('refuses keys that are not lower-case slugs', () => {
    const codes = checkResponsibility({ ...valid, key: 'Restore Tests' }).map((v) => v.code);
    expect(codes).toEqual(['invalid_key']);
  });

  it('refuses a blank title', () => {
    expect(checkResponsibility({ ...valid, title: '  ' }).map((v) => v.code)).toEqual(['missing_title']);
  });

  it('refuses a category it does not know', () => {
    const row = { ...valid, category: 'gardening' } as unknown as Responsibility;
    expect(checkResponsibility(row).map((v) => v.code)).toEqual(['unknown_category']);
  });

  it('refuses letters other than R, A, C and I', () => {
    const row = { ...valid, letters: { ...valid.letters, business: 'X' } } as unknown as Responsibility;
    expect(checkResponsibility(row)).toEqual([
      expect.objectContaining({ code: 'invalid_letter', rowKey: 'restore_tests', partyKeys: ['business'] }),
    ]);
  });
});

describe('checkMatrix', () => {
  it('finds nothing wrong in a well-formed matrix, which can then be signed', () => {
    const content = matrix({ responsibilities: [valid] });
    expect(checkMatrix(content)).toEqual([]);
    expect(isSignable(content)).toBe(true);
  });

  it('collects the row rules of every row with their keys', () => {
    const content = matrix({
      responsibilities: [valid, responsibility('backups', { msp: 'R' }), responsibility('wifi', { business: 'A' })],
    });
    expect(checkMatrix(content).map((v) => [v.rowKey, v.code])).toEqual([
      ['backups', 'no_accountable'],
      ['wifi', 'no_responsible'],
    ]);
    expect(isSignable(content)).toBe(false);
  });

  it('refuses letters held by a party that is not a column of the matrix', () => {
    const content = matrix({ responsibilities: [responsibility('wifi', { msp: 'R', business: 'A', former: 'C' })] });
    expect(checkMatrix(content)).toEqual([
      expect.objectContaining({ code: 'unknown_party', rowKey: 'wifi', partyKeys: ['former'] }),
    ]);
  });

  it('does not mistake an inherited property for a party', () => {
    const content = matrix({
      responsibilities: [responsibility('wifi', { msp: 'R', business: 'A', constructor: 'C' as const })],
    });
    expect(checkMatrix(content).map((v) => v.code)).toEqual(['unknown_party']);
  });

  it('refuses two rows with the same key', () => {
    const content = matrix({ responsibilities: [valid, { ...valid, title: 'Restore drills' }] });
    expect(checkMatrix(content)).toEqual([
      expect.objectContaining({ code: 'duplicate_row_key', rowKey: 'restore_tests' }),
    ]);
  });

  it('refuses two parties with the same key, a nameless party and a party key that is no slug', () => {
    const content = matrix({
      parties: [party('msp'), party('msp'), party('vendor', { name: '' }), party('Cloud Vendor')],
    });
    expect(checkMatrix(content).map((v) => [v.code, v.partyKeys])).toEqual([
      ['missing_party_name', ['vendor']],
      ['invalid_key', ['Cloud Vendor']],
      ['duplicate_party_key', ['msp']],
    ]);
  });
});

describe('letters of a row', () => {
  it('reads only letters the row really holds, never inherited properties', () => {
    expect(letterOf(valid, 'msp')).toBe('R');
    expect(letterOf(valid, 'cloud_vendor')).toBeNull();
    expect(letterOf(valid, 'constructor')).toBeNull();
    expect(letterOf(valid, 'toString')).toBeNull();
  });

  it('sets and clears one letter on a copy, leaving the original alone', () => {
    const changed = withLetter(valid, 'business', 'C');
    const cleared = withLetter(changed, 'msp', null);
    expect(changed.letters).toEqual({ msp: 'R', internal_it: 'A', business: 'C' });
    expect(cleared.letters).toEqual({ internal_it: 'A', business: 'C' });
    expect(valid.letters).toEqual({ msp: 'R', internal_it: 'A', business: 'I' });
  });

  it('stores a party called __proto__ as a plain letter instead of replacing the prototype', () => {
    const row = withLetter(valid, '__proto__', 'C');
    expect(Object.getPrototypeOf(row.letters)).toBe(Object.prototype);
    expect(letterOf(row, '__proto__')).toBe('C');
  });
});

describe('makeKey', () => {
  it('turns a name into a slug', () => {
    expect(makeKey('Cloud vendor')).toBe('cloud_vendor');
    expect(makeKey('  Sécurité & Conformité!  ')).toBe('securite_conformite');
  });

  it('adds a number when the key is taken', () => {
    expect(makeKey('Cloud vendor', ['cloud_vendor', 'cloud_vendor_2'])).toBe('cloud_vendor_3');
  });

  it('falls back to a neutral key for text without letters or digits', () => {
    expect(makeKey('★★★')).toBe('item');
  });

  it('always produces a valid key that is not taken', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 10 })), (text, taken) => {
        const key = makeKey(text, taken);
        expect(isValidKey(key)).toBe(true);
        expect(taken).not.toContain(key);
      }),
    );
  });
});

describe('the categories', () => {
  it('offer at least fourteen categories, each with a unique key, a label and a description', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(14);
    expect(new Set(CATEGORIES.map((c) => c.key)).size).toBe(CATEGORIES.length);
    for (const category of CATEGORIES) {
      expect(isValidKey(category.key)).toBe(true);
      expect(category.label).not.toBe('');
      expect(category.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('recognise their own keys only', () => {
    expect(isCategoryKey('backups')).toBe(true);
    expect(isCategoryKey('gardening')).toBe(false);
    expect(isCategoryKey(undefined)).toBe(false);
  });
});
