import { defaultEscalationPolicy, type EscalationPath, type EscalationPolicy, type EscalationStep, type MatrixContent } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { appendAuditEvent } from '../../audit/audit.service';
import { readMatrix, toContent } from '../../matrices/matrix-store';
import type { Seed } from '../seed-types';
import { DEMO_CLIENTS } from './demo-identity.seed';

const SECURITY_CATEGORIES = new Set(['threat_response', 'endpoint_security', 'security_monitoring']);
const SECURITY_PATH = 'security_incidents';

const step = (partyKey: string, contactKey: string | null, channel: EscalationStep['channel'], waitMinutes: number): EscalationStep => ({ partyKey, contactKey, channel, waitMinutes });

/**
 * Harbor Dental's policy, as a co-managed practice would agree it: Ida handles the day, the MSP's
 * NOC answers at night, security goes to the MSP's security lead and then to the owner. Every
 * category holding a critical row gets a path, so the demo's gap report shows the checks passing;
 * the security path is left unreviewed for the MSP engineer to review.
 */
export function harborDentalPolicy(content: MatrixContent, reviewer: { userId: string; name: string }): EscalationPolicy {
  const base = defaultEscalationPolicy(content, 'America/New_York');
  const contacts = [
    { key: 'noc_on_call', partyKey: 'msp', name: 'Northwind NOC on-call', role: 'On-call engineer, 24/7', phone: '+1 555 0100', email: 'noc@northwind.example' },
    { key: 'security_lead', partyKey: 'msp', name: 'Sam Patel', role: 'Security lead', phone: '+1 555 0101', email: 'sam@northwind.example' },
    { key: 'it_admin', partyKey: 'internal_it', name: 'Ida Lindqvist', role: 'IT administrator', phone: '+1 555 0200', email: 'ida@harbordental.example' },
    { key: 'practice_owner', partyKey: 'business', name: 'Olivia Chen', role: 'Practice owner', phone: '+1 555 0300', email: 'olivia@harbordental.example' },
  ];
  const categories = [...new Set(content.responsibilities.filter((row) => row.critical).map((row) => row.category))];
  const reviewed = { ...reviewer, at: '2026-11-02T15:30:00.000Z' };
  const paths: EscalationPath[] = categories.map((category) =>
    SECURITY_CATEGORIES.has(category)
      ? {
          key: category === 'threat_response' ? SECURITY_PATH : `${category}_escalation`,
          category,
          responsibilityKey: null,
          severities: [],
          steps: [step('internal_it', 'it_admin', 'phone', 10), step('msp', 'security_lead', 'phone', 15), step('business', 'practice_owner', 'phone', 15)],
          repeat: 1,
          afterHours: { steps: [step('msp', 'noc_on_call', 'phone', 10), step('msp', 'security_lead', 'phone', 15), step('business', 'practice_owner', 'sms', 15)], repeat: 2 },
          review: category === 'threat_response' ? null : reviewed,
        }
      : {
          key: `${category}_escalation`,
          category,
          responsibilityKey: null,
          severities: [],
          steps: [step('internal_it', 'it_admin', 'ticket', 15), step('msp', null, 'phone', 15)],
          repeat: 1,
          afterHours: { steps: [step('msp', 'noc_on_call', 'phone', 15), step('internal_it', 'it_admin', 'sms', 15)], repeat: 1 },
          review: reviewed,
        },
  );
  return { ...base, contacts, paths };
}

export const demoEscalationSeed: Seed = {
  name: 'demo escalation policy',
  async run(tx: EntityManager) {
    const client = DEMO_CLIENTS.harbor;
    const [matrix] = await tx.query(`SELECT id FROM matrices WHERE workspace_id = $1 AND client_id = $2 ORDER BY created_at LIMIT 1`, [client.workspaceId, client.id]);
    if (!matrix) return;
    const [existing] = await tx.query(`SELECT 1 FROM escalation_policies WHERE workspace_id = $1 AND matrix_id = $2`, [client.workspaceId, matrix.id]);
    if (existing) return;
    const [sam] = await tx.query(`SELECT id, name FROM users WHERE email = 'sam@northwind.example'`);
    const content = toContent(await readMatrix(tx, client.workspaceId, matrix.id));
    const policy = harborDentalPolicy(content, { userId: sam.id, name: sam.name });
    await tx.query(`INSERT INTO escalation_policies (workspace_id, client_id, matrix_id, document) VALUES ($1, $2, $3, $4)`, [client.workspaceId, client.id, matrix.id, JSON.stringify(policy)]);
    await appendAuditEvent(
      tx,
      { workspaceId: client.workspaceId, actor: null, meta: { ip: null, userAgent: 'accord demo seed', requestId: null } },
      { action: 'escalation_policy.updated', entityType: 'escalation_policy', entityId: matrix.id, clientId: client.id, matrixId: matrix.id, after: policy },
    );
  },
};
