/**
 * fast-check arbitraries for property tests. Not exported from index.ts: fast-check is a dev
 * dependency. Keys come from small pools so that two independently generated matrices share most
 * of their keys, which is what makes their diff interesting. The pools mix rows of the built-in
 * templates with the client's own rows, and include "constructor" to catch prototype lookups.
 */
import fc from 'fast-check';
import {
  CATEGORIES,
  type CategoryKey,
  type Letters,
  type MatrixContent,
  type Party,
  PARTY_KINDS,
  type Responsibility,
  SUPPORT_MODELS,
  TOOL_ACCESS_KINDS,
  withLetter,
} from '../matrix';
import { RACI_LETTERS, type RaciLetter } from '../raci';

export const PARTY_KEY_POOL = ['msp', 'internal_it', 'business', 'cloud_vendor', 'constructor', 'auditor'] as const;
/** A key that holds letters in generated rows but is never a party: a column deleted long ago. */
export const FORMER_PARTY_KEY = 'former_party';
export const ROW_KEY_POOL = [
  'helpdesk_tier1',
  'restore_tests',
  'ticket_escalation',
  'it_point_of_contact',
  'rmm_access',
  'custom_row_a',
  'custom_row_b',
  'custom_row_c',
  'constructor',
  'to_string',
] as const;

/** fast-check may build records on a null prototype; the domain receives plain objects. */
function plain<T extends object>(record: T): T {
  return { ...record };
}

const letterArb: fc.Arbitrary<RaciLetter> = fc.constantFrom(...RACI_LETTERS);
const categoryArb: fc.Arbitrary<CategoryKey> = fc.constantFrom(...CATEGORIES.map((c) => c.key));

export function partyArb(key: string): fc.Arbitrary<Party> {
  return fc
    .record({
      key: fc.constant(key),
      name: fc.string({ maxLength: 12 }),
      kind: fc.constantFrom(...PARTY_KINDS),
      requiredToSign: fc.boolean(),
    })
    .map(plain);
}

export function lettersArb(partyKeys: readonly string[]): fc.Arbitrary<Letters> {
  return fc
    .tuple(
      fc.subarray([...partyKeys, FORMER_PARTY_KEY]),
      fc.array(letterArb, { minLength: partyKeys.length + 1, maxLength: partyKeys.length + 1 }),
    )
    .map(([holders, letters]) => Object.fromEntries(holders.map((key, i) => [key, letters[i]])));
}

/** Rows in normalised form: toolAccess absent or set, afterHours absent or true. */
export function responsibilityArb(key: string, partyKeys: readonly string[]): fc.Arbitrary<Responsibility> {
  return (
    fc
      .record(
        {
          key: fc.constant(key),
          category: categoryArb,
          title: fc.string({ maxLength: 20 }),
          description: fc.string({ maxLength: 30 }),
          critical: fc.boolean(),
          letters: lettersArb(partyKeys),
          toolAccess: fc.constantFrom(...TOOL_ACCESS_KINDS),
          afterHours: fc.constant(true),
        },
        { requiredKeys: ['key', 'category', 'title', 'description', 'critical', 'letters'] },
      )
      // fast-check builds records with optional keys on a null prototype; the domain sees plain objects.
      .map((row) => ({ ...row }))
  );
}

/** Any matrix content in normalised form (unique keys; it need not pass the RACI rules). */
export const matrixContentArb: fc.Arbitrary<MatrixContent> = fc
  .tuple(
    fc.shuffledSubarray([...PARTY_KEY_POOL]),
    fc.shuffledSubarray([...ROW_KEY_POOL]),
    fc.constantFrom(...SUPPORT_MODELS),
  )
  .chain(([partyKeys, rowKeys, model]) =>
    fc
      .record({
        model: fc.constant(model),
        parties: fc.tuple(...partyKeys.map(partyArb)),
        responsibilities: fc.tuple(...rowKeys.map((key) => responsibilityArb(key, partyKeys))),
      })
      .map(plain),
  );

/** `base` with a few letters changed and perhaps its rows reversed: a realistic next version. */
export function editedMatrixArb(base: MatrixContent): fc.Arbitrary<MatrixContent> {
  const partyKeys = [...base.parties.map((p) => p.key), FORMER_PARTY_KEY];
  const rowCount = base.responsibilities.length;
  const edit = fc.tuple(
    fc.nat({ max: Math.max(0, rowCount - 1) }),
    fc.constantFrom(...partyKeys),
    fc.option(letterArb, { nil: null }),
  );
  return fc.tuple(fc.array(edit, { maxLength: 4 }), fc.boolean()).map(([edits, reverse]) => {
    const responsibilities = [...base.responsibilities];
    for (const [index, partyKey, letter] of rowCount === 0 ? [] : edits) {
      responsibilities[index] = withLetter(responsibilities[index], partyKey, letter);
    }
    return { ...base, responsibilities: reverse ? responsibilities.reverse() : responsibilities };
  });
}

/** Two versions of a matrix: either unrelated (over shared key pools) or one edited from the other. */
export const matrixPairArb: fc.Arbitrary<[MatrixContent, MatrixContent]> = fc.oneof(
  fc.tuple(matrixContentArb, matrixContentArb),
  matrixContentArb.chain((a) => editedMatrixArb(a).map((b): [MatrixContent, MatrixContent] => [a, b])),
);

/** A deep copy of a JSON value whose object keys are written in a seed-determined order. */
export function withShuffledKeys<T>(value: T, seed: number): T {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32: small, deterministic, good enough to permute a few keys.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffle = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(shuffle);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffle(v)]));
  };
  return shuffle(value) as T;
}
