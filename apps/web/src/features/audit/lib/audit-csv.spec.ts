import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/list-audit-events';
import { AUDIT_CSV_HEADER, auditCsvFileName, auditEventsToCsv } from './audit-csv';

const renamed: AuditEvent = {
  seq: 12,
  occurredAt: '2026-11-28T10:00:00.000Z',
  actorUserId: 'u1',
  actorName: 'Alex Morgan',
  actorRole: 'msp_admin',
  actorParty: 'msp',
  action: 'client.renamed',
  entityType: 'client',
  entityId: 'c1',
  clientId: 'c1',
  matrixId: null,
  before: { name: 'Harbor Dental' },
  after: { name: '=Harbor, "Dental" Group' },
  ip: '127.0.0.1',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  requestId: 'req-1',
  hash: 'abc123',
};

describe('auditEventsToCsv', () => {
  it('writes a header and one row per event, readable and raw', () => {
    const lines = auditEventsToCsv([renamed]).split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(','));
    expect(lines).toHaveLength(3); // header, one row, and the empty string after the last CRLF
    expect(lines[2]).toBe('');

    const row = lines[1] ?? '';
    expect(
      row.startsWith(
        '12,2026-11-28T10:00:00.000Z,Alex Morgan,MSP admin,client.renamed,renamed client Harbor Dental,client,c1,c1,',
      ),
    ).toBe(true);
    // The description of the change, quoted because it holds a comma and quotes.
    expect(row).toContain('"Name: Harbor Dental → =Harbor, ""Dental"" Group"');
    // The raw JSON, quotes doubled.
    expect(row).toContain('"{""name"":""Harbor Dental""}"');
    expect(row.endsWith(',127.0.0.1,Mozilla/5.0 (X11; Linux x86_64),req-1,abc123')).toBe(true);
  });

  it('names clients it knows and keeps a formula-looking cell as text', () => {
    const clients = new Map([['c1', 'Harbor Dental']]);
    const lookups = { clients, people: new Map<string, string>(), memberships: new Map<string, string>() };
    expect(auditEventsToCsv([renamed], lookups).split('\r\n')[1]).toContain(',c1,Harbor Dental,');

    const created = { ...renamed, actorName: '=cmd|calc', action: 'client.created' as const, before: null };
    const row = auditEventsToCsv([created]).split('\r\n')[1] ?? '';
    expect(row).toContain(",'=cmd|calc,MSP admin,");
  });

  it('is only the header when nothing is loaded', () => {
    expect(auditEventsToCsv([])).toBe(`${AUDIT_CSV_HEADER.join(',')}\r\n`);
  });
});

describe('auditCsvFileName', () => {
  it('names the file after the workspace and the day', () => {
    expect(auditCsvFileName('Northwind IT Services', new Date(2026, 10, 8))).toBe(
      'accord-audit-northwind-it-services-2026-11-08.csv',
    );
    expect(auditCsvFileName('Café Ünïon / Øst', new Date(2026, 0, 1))).toBe(
      'accord-audit-cafe-union-st-2026-01-01.csv',
    );
    expect(auditCsvFileName('***', new Date(2026, 0, 1))).toBe('accord-audit-workspace-2026-01-01.csv');
  });
});
