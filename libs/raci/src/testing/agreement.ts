/**
 * Agreement test data: arbitraries for whole snapshots (matrix and escalation policy), Harbor
 * Dental's agreement, and version exports built from a snapshot the way the API builds them. Not
 * exported from index.ts. The builders are deterministic.
 */
import fc from 'fast-check';
import { type AgreementSnapshot, agreementHash, agreementSnapshot } from '../agreement/snapshot';
import { type VersionExport, type VersionExportSignature } from '../agreement/verify';
import { requiredSigners, rolesThatSignFor } from '../agreement/signoff';
import {
  CHANNELS,
  type EscalationPath,
  type EscalationPolicy,
  type EscalationStep,
  type Schedule,
  type SeverityLevel,
  type StepSequence,
  WEEKDAYS,
} from '../escalation/types';
import { CATEGORIES, type MatrixContent } from '../matrix';
import { templateContent } from '../templates';
import { matrixContentArb, PARTY_KEY_POOL, ROW_KEY_POOL } from './arbitraries';
import { harborPolicy } from './escalation';

export const SEVERITY_KEY_POOL = ['p1', 'p2', 'p3', 'p4', 'constructor'] as const;
export const CONTACT_KEY_POOL = [
  'msp_noc_on_call',
  'msp_security_lead',
  'internal_it_admin',
  'owner',
  'to_string',
] as const;
export const PATH_KEY_POOL = ['security_incident_p1', 'security_other', 'help_desk', 'restore', 'constructor'] as const;

const text = (maxLength: number) => fc.string({ maxLength });
const minutesArb = fc.nat({ max: 600 });
const clockArb = fc.constantFrom('00:00', '07:30', '08:00', '09:00', '12:00', '13:00', '16:30', '17:00', '24:00');
const dateArb = fc.constantFrom('2026-01-01', '2026-05-25', '2026-07-03', '2026-12-24', '2026-12-25');

function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  // The domain receives plain objects, not the null-prototype ones fast-check may build.
  return fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;
}

const targetsArb = record({ responseMinutes: minutesArb, resolutionMinutes: minutesArb });

function severityArb(key: string): fc.Arbitrary<SeverityLevel> {
  return record({
    key: fc.constant(key),
    name: text(12),
    criteria: text(30),
    businessHours: targetsArb,
    afterHours: targetsArb,
  });
}

/** Schedules as a stored policy may hold them: windows in any order, a holiday perhaps twice. */
export const scheduleArb: fc.Arbitrary<Schedule> = record({
  timeZone: fc.constantFrom('America/New_York', 'Europe/Berlin', 'UTC'),
  alwaysOn: fc.boolean(),
  weekly: fc.array(record({ day: fc.constantFrom(...WEEKDAYS), start: clockArb, end: clockArb }), { maxLength: 5 }),
  holidays: fc.array(dateArb, { maxLength: 3 }),
});

const stepArb: fc.Arbitrary<EscalationStep> = record({
  partyKey: fc.constantFrom(...PARTY_KEY_POOL),
  contactKey: fc.option(fc.constantFrom(...CONTACT_KEY_POOL), { nil: null }),
  channel: fc.constantFrom(...CHANNELS),
  waitMinutes: minutesArb,
});

const sequenceArb: fc.Arbitrary<StepSequence> = record({
  steps: fc.array(stepArb, { minLength: 1, maxLength: 4 }),
  repeat: fc.nat({ max: 3 }),
});

function pathArb(key: string): fc.Arbitrary<EscalationPath> {
  const scope = fc.oneof(
    fc.constantFrom(...CATEGORIES.map((c) => c.key)).map((category) => ({ category, responsibilityKey: null })),
    fc.constantFrom(...ROW_KEY_POOL).map((responsibilityKey) => ({ category: null, responsibilityKey })),
  );
  return fc
    .tuple(
      scope,
      fc.subarray([...SEVERITY_KEY_POOL]),
      sequenceArb,
      fc.option(sequenceArb, { nil: null }),
      fc.option(record({ userId: text(8), name: text(12), at: fc.constant('2026-03-01T10:00:00Z') }), { nil: null }),
    )
    .map(([where, severities, sequence, afterHours, review]) => ({
      key,
      ...where,
      severities,
      ...sequence,
      afterHours,
      review,
    }));
}

/** Any escalation policy over the shared key pools; it need not pass validateEscalationPolicy. */
export const escalationPolicyArb: fc.Arbitrary<EscalationPolicy> = fc
  .tuple(
    fc.shuffledSubarray([...SEVERITY_KEY_POOL], { minLength: 1 }),
    fc.shuffledSubarray([...PARTY_KEY_POOL]),
    fc.shuffledSubarray([...CONTACT_KEY_POOL]),
    fc.shuffledSubarray([...PATH_KEY_POOL]),
  )
  .chain(([severityKeys, coveredParties, contactKeys, pathKeys]) =>
    record<EscalationPolicy>({
      severities: fc.tuple(...severityKeys.map(severityArb)),
      businessHours: scheduleArb,
      coverage: fc.tuple(...coveredParties.map((partyKey) => scheduleArb.map((s) => ({ partyKey, ...s })))),
      contacts: fc.tuple(
        ...contactKeys.map((key) =>
          record({
            key: fc.constant(key),
            partyKey: fc.constantFrom(...PARTY_KEY_POOL),
            name: text(12),
            role: text(12),
            phone: text(10),
            email: text(12),
          }),
        ),
      ),
      paths: fc.tuple(...pathKeys.map(pathArb)),
    }),
  );

/** Any agreement, frozen the way a version freezes it. */
export const agreementSnapshotArb: fc.Arbitrary<AgreementSnapshot> = fc
  .tuple(matrixContentArb, escalationPolicyArb)
  .map(([content, policy]) => agreementSnapshot(content, policy));

/** Harbor Dental's co-managed matrix and escalation policy, and the snapshot a version of them freezes. */
export function harborAgreement(): { content: MatrixContent; policy: EscalationPolicy; snapshot: AgreementSnapshot } {
  const content = templateContent('co_managed');
  const policy = harborPolicy(content);
  return { content, policy, snapshot: agreementSnapshot(content, policy) };
}

const SIGNERS: Record<string, { userName: string; ip: string }> = {
  msp: { userName: 'Sam Rivera', ip: '203.0.113.10' },
  internal_it: { userName: 'Ida Hart', ip: '198.51.100.7' },
  business: { userName: 'Olivia Grant', ip: '198.51.100.8' },
};

/**
 * The export of version `number` of `snapshot`, approved: every required party signed the hash of
 * the snapshot, a minute apart, through the first role that signs for it.
 */
export function versionExportOf(snapshot: AgreementSnapshot, number = 1): VersionExport {
  const hash = agreementHash(snapshot);
  const signatures = requiredSigners(snapshot.matrix).map((signer, i): VersionExportSignature => ({
    party: signer.partyKey,
    partyName: signer.partyName,
    userName: SIGNERS[signer.partyKey]?.userName ?? `Signer for ${signer.partyName}`,
    role: rolesThatSignFor(signer.kind)[0],
    decision: 'signed',
    reason: null,
    hash,
    at: `2026-03-02T09:0${i}:00.000Z`,
    ip: SIGNERS[signer.partyKey]?.ip ?? null,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  }));
  return {
    format: 'accord.version-export/1',
    matrix: { id: '0b6f3c2e-4f1a-4c1e-9a53-2f7d3b9c1a10', name: 'Harbor Dental IT', clientName: 'Harbor Dental' },
    version: {
      number,
      status: 'approved',
      requestedAt: '2026-03-01T15:30:00.000Z',
      approvedAt: signatures.at(-1)?.at ?? null,
      hash,
    },
    snapshot,
    signatures,
  };
}
