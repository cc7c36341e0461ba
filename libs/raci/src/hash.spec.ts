import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { matrixCanonicalJson, matrixHash, normalizeMatrix, sha256Hex } from './hash';
import { letterOf, type MatrixContent, withLetter } from './matrix';
import { RACI_LETTERS } from './raci';
import { matrixContentArb, withShuffledKeys } from './testing/arbitraries';
import { matrix, party, responsibility } from './testing/factories';

describe('sha256Hex', () => {
  it('matches the published SHA-256 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 bytes of any text, exactly as Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

describe('matrixCanonicalJson', () => {
  it('writes sorted keys without white space and leaves out unset optional fields', () => {
    const content = matrix({
      model: 'fully_managed',
      parties: [party('msp')],
      responsibilities: [
        responsibility(
          'backups',
          { msp: 'R', business: 'A' },
          { title: 'Backups', description: 'Daily.', afterHours: false },
        ),
      ],
    });
    expect(matrixCanonicalJson(content)).toBe(
      '{"model":"fully_managed","parties":[{"key":"msp","kind":"msp","name":"MSP","requiredToSign":true}],' +
        '"responsibilities":[{"category":"help_desk","critical":false,"description":"Daily.","key":"backups",' +
        '"letters":{"business":"A","msp":"R"},"title":"Backups"}]}',
    );
  });

  it('parses back to the normalised matrix', () => {
    fc.assert(
      fc.property(matrixContentArb, (content) => {
        expect(JSON.parse(matrixCanonicalJson(content))).toStrictEqual(normalizeMatrix(content));
      }),
    );
  });
});

describe('matrixHash', () => {
  it('does not depend on the order in which object keys were written', () => {
    fc.assert(
      fc.property(matrixContentArb, fc.integer(), (content, seed) => {
        expect(matrixHash(withShuffledKeys(content, seed))).toBe(matrixHash(content));
      }),
    );
  });

  it('changes when any single letter changes, appears or disappears', () => {
    const withRows = matrixContentArb.filter((c) => c.responsibilities.length > 0 && c.parties.length > 0);
    const letterOrNone = fc.option(fc.constantFrom(...RACI_LETTERS), { nil: null });
    fc.assert(
      fc.property(withRows, fc.nat(), fc.nat(), letterOrNone, (content, r, p, letter) => {
        const rowIndex = r % content.responsibilities.length;
        const partyKey = content.parties[p % content.parties.length].key;
        fc.pre(letterOf(content.responsibilities[rowIndex], partyKey) !== letter);
        const responsibilities = content.responsibilities.map((row, i) =>
          i === rowIndex ? withLetter(row, partyKey, letter) : row,
        );
        expect(matrixHash({ ...content, responsibilities })).not.toBe(matrixHash(content));
      }),
    );
  });

  it('changes when rows are reordered, since order is what people see', () => {
    const content = matrix({
      responsibilities: [responsibility('a', { msp: 'R' }), responsibility('b', { msp: 'R' })],
    });
    const reversed = { ...content, responsibilities: [...content.responsibilities].reverse() };
    expect(matrixHash(reversed)).not.toBe(matrixHash(content));
  });

  it('ignores what is not part of the agreement: extra members, unset letters, afterHours false', () => {
    const row = responsibility('wifi', { msp: 'R', business: 'A' });
    const content = matrix({ responsibilities: [row] });
    const noisy = {
      ...content,
      id: 42,
      parties: content.parties.map((p) => ({ ...p, createdAt: '2025-01-01' })),
      responsibilities: [
        { ...row, letters: { ...row.letters, internal_it: undefined }, afterHours: false, toolAccess: undefined },
      ],
    } as MatrixContent;
    expect(matrixHash(noisy)).toBe(matrixHash(content));
  });

  it('is 64 lower-case hex digits', () => {
    expect(matrixHash(matrix())).toMatch(/^[0-9a-f]{64}$/);
  });
});
