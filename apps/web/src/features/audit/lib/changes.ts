import { isRole, ROLE_LABELS } from '@accord/raci';
import { formatDateTime } from '../../../lib/format';

/** Names for ids the audit log mentions, from what the page has loaded. */
export interface AuditLookups {
  /** client id -> client name */
  clients: ReadonlyMap<string, string>;
  /** user id -> person's name */
  people: ReadonlyMap<string, string>;
  /** membership id -> person's name */
  memberships: ReadonlyMap<string, string>;
}

export const NO_LOOKUPS: AuditLookups = { clients: new Map(), people: new Map(), memberships: new Map() };

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One field that differs between an event's before and after. */
export interface FieldChange {
  key: string;
  label: string;
  kind: ChangeKind;
  before: unknown;
  after: unknown;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  email: 'E-mail',
  role: 'Role',
  clientId: 'Client',
  userId: 'Person',
  archivedAt: 'Archived',
  expiresAt: 'Expires',
  model: 'Support model',
  requiredToSign: 'Required to sign',
  letters: 'Letters',
  changes: 'Changes',
};

const MODEL_LABELS: Readonly<Record<string, string>> = {
  fully_managed: 'Fully managed',
  co_managed: 'Co-managed',
  custom: 'Custom',
};

/** "archivedAt" -> "Archived", "responseTargetMinutes" -> "Response target minutes". */
export function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Equal as JSON values, whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

/**
 * The fields an event changed: every key of before or after whose value differs, in the order
 * the event lists them (after's keys first). A field only in after was added (a creation has no
 * before at all), one only in before was removed.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const was = asObject(before) ?? {};
  const now = asObject(after) ?? {};
  const keys = [...new Set([...Object.keys(now), ...Object.keys(was)])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const inBefore = Object.hasOwn(was, key);
    const inAfter = Object.hasOwn(now, key);
    if (inBefore && inAfter && sameValue(was[key], now[key])) continue;
    changes.push({
      key,
      label: fieldLabel(key),
      kind: !inBefore ? 'added' : !inAfter ? 'removed' : 'changed',
      before: inBefore ? was[key] : undefined,
      after: inAfter ? now[key] : undefined,
    });
  }
  return changes;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A value as a person reads it: role codes as role names, client and user ids as names when the
 * page knows them, instants as dates, nothing as an em dash.
 */
export function formatValue(key: string, value: unknown, lookups: AuditLookups = NO_LOOKUPS): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (key === 'role' && isRole(value)) return ROLE_LABELS[value];
    if (key === 'clientId') return lookups.clients.get(value) ?? `client ${shortId(value)}`;
    if (key === 'userId') return lookups.people.get(value) ?? `user ${shortId(value)}`;
    if (key === 'model') return MODEL_LABELS[value] ?? value;
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    return value;
  }
  // Lists of sentences (an import's changes) and maps of words (a row's letters by party) read
  // as text; anything else as JSON.
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join('; ') || '—';
  const record = asObject(value);
  if (record && Object.values(record).every((item) => typeof item === 'string')) {
    const entries = Object.entries(record);
    return entries.length ? entries.map(([name, item]) => `${name}: ${String(item)}`).join(', ') : '—';
  }
  return JSON.stringify(value);
}

/** The first block of a UUID, enough to tell ids apart on screen. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** "Name: Harbor Dental → Harbor Dental Group", one line per change, for the CSV and screen readers. */
export function summarizeChanges(changes: readonly FieldChange[], lookups: AuditLookups = NO_LOOKUPS): string {
  return changes
    .map((change) => {
      const before = formatValue(change.key, change.before, lookups);
      const after = formatValue(change.key, change.after, lookups);
      if (change.kind === 'added') return `${change.label}: ${after}`;
      if (change.kind === 'removed') return `${change.label}: ${before} (removed)`;
      return `${change.label}: ${before} → ${after}`;
    })
    .join('; ');
}
