import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { CHANNELS, WEEKDAYS } from '../escalation/types';
import { PARTY_KINDS, SUPPORT_MODELS, TOOL_ACCESS_KINDS } from '../matrix';
import { RACI_LETTERS } from '../raci';
import { ROLES, type Role } from '../roles';
import { AGREEMENT_FORMAT, type AgreementSnapshot, agreementHash, normalizeAgreementSnapshot } from './snapshot';

/**
 * The JSON file a version is exported as, and its offline check: anyone holding the file can
 * recompute the hash of the snapshot and see whether it is still the content the version recorded
 * and every signature bound to. The check is pure, so the API, the browser and a small CLI share it.
 */
export const VERSION_EXPORT_FORMAT = 'accord.version-export/1';

/** The life of a version: waiting for signatures, approved by every required party, rejected, replaced by a later approval. */
export const VERSION_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const SIGNATURE_DECISIONS = ['signed', 'rejected'] as const;
export type SignatureDecision = (typeof SIGNATURE_DECISIONS)[number];

/** One party's decision on the version. A rejection binds to the hash as well: it is about that content. */
export interface VersionExportSignature {
  /** The party's key in the matrix. */
  party: string;
  partyName: string;
  userName: string;
  role: Role;
  decision: SignatureDecision;
  /** Why the party rejected the version; null for a signature. */
  reason: string | null;
  hash: string;
  /** ISO 8601 instant. */
  at: string;
  ip: string | null;
  userAgent: string | null;
}

export interface VersionExport {
  format: typeof VERSION_EXPORT_FORMAT;
  matrix: { id: string; name: string; clientName: string };
  version: {
    number: number;
    status: VersionStatus;
    requestedAt: string;
    approvedAt: string | null;
    hash: string;
  };
  snapshot: AgreementSnapshot;
  signatures: VersionExportSignature[];
}

/**
 * The outcome of the check, with a sentence to show either way. On a failure `expected` is the hash
 * the file records (the version's, or that of the signature that disagrees) and `found` the hash
 * recomputed from its snapshot; either is null when the file does not have a usable one.
 */
export type VersionVerification =
  | { ok: true; hash: string; message: string }
  | { ok: false; expected: string | null; found: string | null; message: string };

// ---- the shape of the file ----

const text = z.string();
const nullableText = z.string().nullable();
const minutes = z.number().int().min(0);

/**
 * The parts around the snapshot. They are not hashed, so unknown members are let through: a later
 * exporter may add one without making older checkers refuse the file.
 */
const envelopeSchema = z.object({
  matrix: z.object({ id: text, name: text, clientName: text }),
  version: z.object({
    number: z.number().int().min(1),
    status: z.enum(VERSION_STATUSES),
    requestedAt: text,
    approvedAt: nullableText,
    hash: text,
  }),
  signatures: z.array(
    z.object({
      party: text,
      partyName: text,
      userName: text,
      role: z.enum(ROLES),
      decision: z.enum(SIGNATURE_DECISIONS),
      reason: nullableText,
      hash: text,
      at: text,
      ip: nullableText,
      userAgent: nullableText,
    }),
  ),
});

/**
 * The snapshot is what was signed, so its shape is exact: an unknown member is refused rather than
 * ignored, since it could only have been added to the file after the fact. Values are checked for
 * their type only; the domain rules belong to the draft, and a version is what it is.
 */
const targetsSchema = z.object({ responseMinutes: minutes, resolutionMinutes: minutes }).strict();
const scheduleShape = {
  timeZone: text,
  alwaysOn: z.boolean(),
  weekly: z.array(z.object({ day: z.enum(WEEKDAYS), start: text, end: text }).strict()),
  holidays: z.array(text),
};
const sequenceShape = {
  steps: z.array(
    z.object({ partyKey: text, contactKey: nullableText, channel: z.enum(CHANNELS), waitMinutes: minutes }).strict(),
  ),
  repeat: minutes,
};

const snapshotSchema = z
  .object({
    format: z.literal(AGREEMENT_FORMAT),
    matrix: z
      .object({
        model: z.enum(SUPPORT_MODELS),
        parties: z.array(
          z.object({ key: text, name: text, kind: z.enum(PARTY_KINDS), requiredToSign: z.boolean() }).strict(),
        ),
        responsibilities: z.array(
          z
            .object({
              key: text,
              category: text,
              title: text,
              description: text,
              critical: z.boolean(),
              letters: z.record(z.enum(RACI_LETTERS)),
              toolAccess: z.enum(TOOL_ACCESS_KINDS).optional(),
              afterHours: z.boolean().optional(),
            })
            .strict(),
        ),
      })
      .strict(),
    escalation: z
      .object({
        severities: z.array(
          z
            .object({ key: text, name: text, criteria: text, businessHours: targetsSchema, afterHours: targetsSchema })
            .strict(),
        ),
        businessHours: z.object(scheduleShape).strict(),
        coverage: z.array(z.object({ partyKey: text, ...scheduleShape }).strict()),
        contacts: z.array(
          z.object({ key: text, partyKey: text, name: text, role: text, phone: text, email: text }).strict(),
        ),
        paths: z.array(
          z
            .object({
              key: text,
              category: nullableText,
              responsibilityKey: nullableText,
              severities: z.array(text),
              ...sequenceShape,
              afterHours: z.object(sequenceShape).strict().nullable(),
              review: z.null({ invalid_type_error: 'must be null: reviews are not part of a signed agreement' }),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

const TYPE_WORDS: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function field(path: readonly (string | number)[]): string {
  return path.join('.');
}

/** Long junk from a file must not turn into a long message. */
function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/** The first problem of a parse, as "version.hash is missing". */
function firstProblem(error: z.ZodError, prefix: readonly string[]): string {
  const [issue] = error.issues;
  const where = field([...prefix, ...issue.path]);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return `${where} is missing`;
      if (issue.expected === 'null') return `${where} ${issue.message}`;
      return `${where} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `${where} must be one of ${issue.options.map(String).join(', ')}`;
    case z.ZodIssueCode.invalid_literal:
      return `${where} must be ${JSON.stringify(issue.expected)}`;
    case z.ZodIssueCode.unrecognized_keys:
      return `${field([...prefix, ...issue.path, clip(issue.keys[0])])} is not part of an agreement`;
    case z.ZodIssueCode.too_small:
      return `${where} must be at least ${String(issue.minimum)}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** Where two JSON values first differ, as a dotted path below `path`; null when they are equal. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let i = 0; i < a.length; i += 1) {
      const found = firstDifference(a[i], b[i], `${path}.${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found !== null) return found;
    }
    return null;
  }
  return Object.is(a, b) ? null : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `the text '${clip(value)}'` : `${TYPE_WORDS[typeof value] ?? typeof value}`;
}

function refused(message: string, expected: string | null = null, found: string | null = null): VersionVerification {
  return { ok: false, expected, found, message };
}

/**
 * The snapshot's hash, or why there is none. The snapshot must be in the normal form Accord writes:
 * a file that differs from it (a review left in, hours written twice) was edited, even where the
 * edit would not change the hash, so it is refused rather than silently normalised.
 */
function snapshotHash(snapshot: unknown): { hash: string } | { problem: string } {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (!parsed.success) return { problem: firstProblem(parsed.error, ['snapshot']) };
  // The input itself, not zod's copy, is hashed: the copy is rebuilt and could differ from the file.
  const given = snapshot as AgreementSnapshot;
  const difference = firstDifference(
    JSON.parse(canonicalJson(given)),
    JSON.parse(canonicalJson(normalizeAgreementSnapshot(given))),
    'snapshot',
  );
  if (difference !== null) {
    return { problem: `${difference} is not written the way Accord writes a signed agreement, so the file was edited` };
  }
  return { hash: agreementHash(given) };
}

/**
 * Recomputes the hash of the export's snapshot and compares it with the version's hash and with
 * the hash each signature (or rejection) binds to. Never throws: a file that is not a version
 * export, or not a complete one, gets ok: false with a message naming what is wrong.
 */
export function verifyVersionExport(input: unknown): VersionVerification {
  try {
    return verify(input);
  } catch {
    // Only an input that is not plain data (a getter that throws, a revoked proxy) gets here.
    return refused('The file could not be read as an Accord version export.');
  }
}

function verify(input: unknown): VersionVerification {
  if (!isRecord(input)) {
    return refused(`This is not an Accord version export: it holds ${describeValue(input)}, not an object.`);
  }
  if (input.format !== VERSION_EXPORT_FORMAT) {
    const format =
      input.format === undefined
        ? 'it has no format'
        : `its format is ${typeof input.format === 'string' ? `'${clip(input.format)}'` : describeValue(input.format)}`;
    return refused(`This is not an Accord version export: ${format}, not '${VERSION_EXPORT_FORMAT}'.`);
  }
  const version = isRecord(input.version) ? input.version : {};
  const recorded = typeof version.hash === 'string' ? version.hash : null;
  const computed = snapshotHash(input.snapshot);
  const found = 'hash' in computed ? computed.hash : null;
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) {
    return refused(`The version export is incomplete: ${firstProblem(envelope.error, [])}.`, recorded, found);
  }
  if ('problem' in computed) return refused(`The version export cannot be checked: ${computed.problem}.`, recorded);
  const hash = computed.hash;
  const { signatures } = envelope.data;
  if (envelope.data.version.hash !== hash) {
    const when = signatures.length > 0 ? 'after it was signed' : 'after the version was frozen for sign-off';
    return refused(
      `MISMATCH: the snapshot hashes to ${hash} but the version says ${clip(envelope.data.version.hash)}: the file was changed ${when}.`,
      envelope.data.version.hash,
      hash,
    );
  }
  for (const signature of signatures) {
    if (signature.hash === hash) continue;
    const what = signature.decision === 'signed' ? 'the signature of' : 'the rejection by';
    return refused(
      `MISMATCH: the snapshot hashes to ${hash} but ${what} ${clip(signature.userName)} for ${clip(signature.partyName)} binds to ${clip(signature.hash)}: it was given to other content, or the file was changed after it was given.`,
      signature.hash,
      hash,
    );
  }
  return {
    ok: true,
    hash,
    message:
      signatures.length > 0
        ? `OK: the snapshot hashes to ${hash}, the hash every signature binds to.`
        : `OK: the snapshot hashes to ${hash}, the hash the version records. Nobody has signed it yet.`,
  };
}

/** verifyVersionExport for the text of a file, as a command line tool reads it. Text that is not JSON gets ok: false. */
export function verifyVersionText(text: string): VersionVerification {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    return refused(`The file is not JSON${reason}: an Accord version export is a JSON file.`);
  }
  return verifyVersionExport(input);
}
