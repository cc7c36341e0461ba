import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from '../canonical-json';
import { type EscalationPolicy } from '../escalation/types';
import { normalizeMatrix } from '../hash';
import { letterOf, type MatrixContent, withLetter } from '../matrix';
import { RACI_LETTERS } from '../raci';
import { harborAgreement, escalationPolicyArb, agreementSnapshotArb } from '../testing/agreement';
import { matrixContentArb, withShuffledKeys } from '../testing/arbitraries';
import { escalationPath, step } from '../testing/escalation';
import { matrix, responsibility } from '../testing/factories';
import {
  AGREEMENT_FORMAT,
  type AgreementSnapshot,
  agreementCanonicalJson,
  agreementHash,
  agreementSnapshot,
  normalizeAgreementSnapshot,
  normalizeEscalationPolicy,
} from './snapshot';

const { content, policy, snapshot } = harborAgreement();

const reviewed = { userId: 'u-1', name: 'Sam Rivera', at: '2026-03-01T10:00:00Z' };

describe('normalizeEscalationPolicy', () => {
  it('clears every review: reviews change after signing and are not part of the agreement', () => {
    const withReviews: EscalationPolicy = { ...policy, paths: policy.paths.map((p) => ({ ...p, review: reviewed })) };
    const normal = normalizeEscalationPolicy(withReviews);
    expect(normal.paths.map((p) => p.review)).toEqual(policy.paths.map(() => null));
    expect(withReviews.paths[0].review).toEqual(reviewed);
  });

  it('keeps only the members of the domain, in a fixed shape', () => {
    const noisy = {
      ...policy,
      id: 'policy-1',
      version: 7,
      contacts: policy.contacts.map((c) => ({ ...c, createdAt: '2026-01-01' })),
      paths: policy.paths.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, note: 'x' })) })),
    } as EscalationPolicy;
    expect(normalizeEscalationPolicy(noisy)).toStrictEqual(normalizeEscalationPolicy(policy));
    expect(Object.keys(normalizeEscalationPolicy(noisy))).toEqual([
      'severities',
      'businessHours',
      'coverage',
      'contacts',
      'paths',
    ]);
  });

  it('writes the same hours the same way, whatever order they were typed in', () => {
    const hours = {
      timeZone: 'Europe/Berlin',
      alwaysOn: false,
      weekly: [
        { day: 'tue', start: '08:00', end: '17:00' },
        { day: 'mon', start: '13:00', end: '17:00' },
        { day: 'mon', start: '08:00', end: '12:00' },
        { day: 'tue', start: '08:00', end: '17:00' },
      ],
      holidays: ['2026-12-25', '2026-01-01', '2026-12-25'],
    } as const;
    const normal = normalizeEscalationPolicy({
      ...policy,
      businessHours: { ...hours, weekly: [...hours.weekly], holidays: [...hours.holidays] },
    });
    expect(normal.businessHours).toEqual({
      timeZone: 'Europe/Berlin',
      alwaysOn: false,
      weekly: [
        { day: 'mon', start: '08:00', end: '12:00' },
        { day: 'mon', start: '13:00', end: '17:00' },
        { day: 'tue', start: '08:00', end: '17:00' },
      ],
      holidays: ['2026-01-01', '2026-12-25'],
    });
  });

  it('keeps the order of severities, contacts and paths, which decides what happens', () => {
    const reversed: EscalationPolicy = {
      ...policy,
      severities: [...policy.severities].reverse(),
      contacts: [...policy.contacts].reverse(),
      paths: [...policy.paths].reverse(),
    };
    const normal = normalizeEscalationPolicy(reversed);
    expect(normal.severities.map((s) => s.key)).toEqual(['p4', 'p3', 'p2', 'p1']);
    expect(normal.contacts.map((c) => c.key)).toEqual(reversed.contacts.map((c) => c.key));
    expect(normal.paths.map((p) => p.key)).toEqual(reversed.paths.map((p) => p.key));
  });

  it('gives a step without a contact a null contactKey', () => {
    const path = escalationPath('p', { steps: [{ partyKey: 'msp', channel: 'phone', waitMinutes: 5 } as never] });
    expect(normalizeEscalationPolicy({ ...policy, paths: [path] }).paths[0].steps).toEqual([step('msp', null, 5)]);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(escalationPolicyArb, (p) => {
        const once = normalizeEscalationPolicy(p);
        expect(normalizeEscalationPolicy(once)).toStrictEqual(once);
      }),
    );
  });
});

describe('agreementSnapshot', () => {
  it('freezes the normalised matrix and policy under the agreement format', () => {
    expect(snapshot).toStrictEqual({
      format: AGREEMENT_FORMAT,
      matrix: normalizeMatrix(content),
      escalation: normalizeEscalationPolicy(policy),
    });
    expect(snapshot.format).toBe('accord.agreement/1');
  });

  it('shares no object with the draft it was taken from', () => {
    const frozen = agreementSnapshot(content, policy);
    frozen.escalation.paths[0].steps[0].waitMinutes = 999;
    frozen.matrix.responsibilities[0].letters.msp = 'A';
    expect(policy.paths[0].steps[0].waitMinutes).toBe(5);
    expect(agreementSnapshot(content, policy)).toStrictEqual(snapshot);
  });
});

describe('agreementCanonicalJson', () => {
  it('writes sorted keys without white space', () => {
    const small = agreementSnapshot(matrix({ parties: [], responsibilities: [] }), {
      ...policy,
      severities: [],
      coverage: [],
      contacts: [],
      paths: [],
      businessHours: { timeZone: 'UTC', alwaysOn: true, weekly: [], holidays: [] },
    });
    expect(agreementCanonicalJson(small)).toBe(
      '{"escalation":{"businessHours":{"alwaysOn":true,"holidays":[],"timeZone":"UTC","weekly":[]},' +
        '"contacts":[],"coverage":[],"paths":[],"severities":[]},"format":"accord.agreement/1",' +
        '"matrix":{"model":"co_managed","parties":[],"responsibilities":[]}}',
    );
  });

  it('parses back to the normalised snapshot', () => {
    fc.assert(
      fc.property(agreementSnapshotArb, (s) => {
        expect(JSON.parse(agreementCanonicalJson(s))).toStrictEqual(normalizeAgreementSnapshot(s));
      }),
    );
  });
});

describe('agreementHash', () => {
  it('is the SHA-256 of the canonical JSON in 64 lower-case hex digits, as Node computes it', () => {
    const hash = agreementHash(snapshot);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(agreementCanonicalJson(snapshot), 'utf8').digest('hex'));
  });

  it('does not depend on the order in which object keys were written', () => {
    fc.assert(
      fc.property(matrixContentArb, escalationPolicyArb, fc.integer(), (m, p, seed) => {
        const shuffled = agreementSnapshot(withShuffledKeys(m, seed), withShuffledKeys(p, seed + 1));
        expect(agreementHash(shuffled)).toBe(agreementHash(agreementSnapshot(m, p)));
        const s = agreementSnapshot(m, p);
        expect(agreementHash(withShuffledKeys(s, seed))).toBe(agreementHash(s));
      }),
    );
  });

  it('does not depend on a snapshot coming back from the database with its keys reordered', () => {
    const reread = JSON.parse(JSON.stringify(withShuffledKeys(snapshot, 42))) as AgreementSnapshot;
    expect(canonicalJson(reread)).toBe(agreementCanonicalJson(snapshot));
    expect(agreementHash(reread)).toBe(agreementHash(snapshot));
  });

  it('changes when any single letter changes, appears or disappears', () => {
    const withRows = matrixContentArb.filter((c) => c.responsibilities.length > 0 && c.parties.length > 0);
    const letterOrNone = fc.option(fc.constantFrom(...RACI_LETTERS), { nil: null });
    fc.assert(
      fc.property(withRows, escalationPolicyArb, fc.nat(), fc.nat(), letterOrNone, (m, p, r, q, letter) => {
        const rowIndex = r % m.responsibilities.length;
        const partyKey = m.parties[q % m.parties.length].key;
        fc.pre(letterOf(m.responsibilities[rowIndex], partyKey) !== letter);
        const changed: MatrixContent = {
          ...m,
          responsibilities: m.responsibilities.map((row, i) =>
            i === rowIndex ? withLetter(row, partyKey, letter) : row,
          ),
        };
        expect(agreementHash(agreementSnapshot(changed, p))).not.toBe(agreementHash(agreementSnapshot(m, p)));
      }),
    );
  });

  it('changes when any wait of any escalation step changes', () => {
    const withPaths = escalationPolicyArb.filter((p) => p.paths.length > 0);
    fc.assert(
      fc.property(
        matrixContentArb,
        withPaths,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 60 }),
        (m, p, i, j, delta) => {
          const pathIndex = i % p.paths.length;
          const stepIndex = j % p.paths[pathIndex].steps.length;
          const paths = p.paths.map((path, k) =>
            k !== pathIndex
              ? path
              : {
                  ...path,
                  steps: path.steps.map((s, n) => (n === stepIndex ? { ...s, waitMinutes: s.waitMinutes + delta } : s)),
                },
          );
          expect(agreementHash(agreementSnapshot(m, { ...p, paths }))).not.toBe(agreementHash(agreementSnapshot(m, p)));
        },
      ),
    );
  });

  it('does not change when a path is reviewed', () => {
    fc.assert(
      fc.property(matrixContentArb, escalationPolicyArb, (m, p) => {
        const allReviewed = { ...p, paths: p.paths.map((path) => ({ ...path, review: reviewed })) };
        expect(agreementHash(agreementSnapshot(m, allReviewed))).toBe(agreementHash(agreementSnapshot(m, p)));
      }),
    );
  });

  it('changes when the escalation policy says something else, even with the same matrix', () => {
    const slower = {
      ...policy,
      severities: policy.severities.map((s, i) => (i === 0 ? { ...s, name: 'P1 Urgent' } : s)),
    };
    expect(agreementHash(agreementSnapshot(content, slower))).not.toBe(agreementHash(snapshot));
  });

  it('changes when rows are reordered, since order is what people see', () => {
    const rows = [responsibility('a', { msp: 'R', business: 'A' }), responsibility('b', { msp: 'R', business: 'A' })];
    const one = agreementSnapshot(matrix({ responsibilities: rows }), policy);
    const other = agreementSnapshot(matrix({ responsibilities: [...rows].reverse() }), policy);
    expect(agreementHash(one)).not.toBe(agreementHash(other));
  });
});
