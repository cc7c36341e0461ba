import type { components } from '../../../lib/api/schema';
import { toCsv } from '../../../lib/csv';
import { type AuditLookups, changedFields, NO_LOOKUPS, summarizeChanges } from './changes';
import { actorOf, actorRoleOf, describeEvent } from './describe-event';

type AuditEvent = components['schemas']['AuditEventView'];

export const AUDIT_CSV_HEADER = [
  'Seq',
  'Time (UTC)',
  'Actor',
  'Actor role',
  'Action',
  'Description',
  'Entity type',
  'Entity id',
  'Client',
  'Changes',
  'Before',
  'After',
  'IP address',
  'User agent',
  'Request id',
  'Hash',
] as const;

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/**
 * The events as CSV, one row each in the order given, with both the readable description and
 * the raw before/after JSON. Text that a spreadsheet would run as a formula stays text.
 */
export function auditEventsToCsv(events: readonly AuditEvent[], lookups: AuditLookups = NO_LOOKUPS): string {
  const rows = events.map((event) => [
    event.seq,
    event.occurredAt,
    actorOf(event),
    actorRoleOf(event) ?? event.actorRole ?? '',
    event.action,
    describeEvent(event, lookups),
    event.entityType,
    event.entityId,
    event.clientId ? (lookups.clients.get(event.clientId) ?? event.clientId) : '',
    summarizeChanges(changedFields(event.before, event.after), lookups),
    json(event.before),
    json(event.after),
    event.ip,
    event.userAgent,
    event.requestId,
    event.hash,
  ]);
  return toCsv([AUDIT_CSV_HEADER, ...rows], { neutralizeFormulas: true });
}

/** "accord-audit-northwind-it-services-2026-11-28.csv" */
export function auditCsvFileName(workspaceName: string, now: Date = new Date()): string {
  const slug = workspaceName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `accord-audit-${slug || 'workspace'}-${day}.csv`;
}
