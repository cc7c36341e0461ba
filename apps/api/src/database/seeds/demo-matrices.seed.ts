import { type MatrixContent, templateContent, type TemplateKey } from '@accord/raci';
import type { EntityManager } from 'typeorm';
import { appendAuditEvent } from '../../audit/audit.service';
import { insertContent } from '../../matrices/matrix-store';
import type { Seed } from '../seed-types';
import { DEMO_CLIENTS } from './demo-identity.seed';

/**
 * Harbor Dental's internal IT has grown since the matrix was drawn up: the MSP still onboards new
 * staff, which Ida is about to claim for internal IT (the sign-off journey starts there).
 */
function harborToday(content: MatrixContent): MatrixContent {
  return {
    ...content,
    responsibilities: content.responsibilities.map((row) => (row.key === 'user_onboarding' ? { ...row, letters: { msp: 'R', internal_it: 'A', business: 'I' } } : row)),
  };
}

/** One matrix per demo client, in the client's support model, unless the client has one already. */
const MATRICES: { clientKey: keyof typeof DEMO_CLIENTS; name: string; template: TemplateKey; adjust?: (content: MatrixContent) => MatrixContent }[] = [
  { clientKey: 'harbor', name: 'Harbor Dental: who owns what in IT', template: 'co_managed', adjust: harborToday },
  { clientKey: 'summit', name: 'Summit Logistics: managed IT responsibilities', template: 'fully_managed' },
  { clientKey: 'cedar', name: 'Cedar Family Clinic: IT responsibilities', template: 'co_managed' },
];

export const demoMatricesSeed: Seed = {
  name: 'demo matrices',
  async run(tx: EntityManager) {
    for (const m of MATRICES) {
      const client = DEMO_CLIENTS[m.clientKey];
      const [existing] = await tx.query(`SELECT 1 FROM matrices WHERE workspace_id = $1 AND client_id = $2`, [client.workspaceId, client.id]);
      if (existing) continue;
      const content = (m.adjust ?? ((c: MatrixContent) => c))(templateContent(m.template));
      const [matrix] = await tx.query(`INSERT INTO matrices (workspace_id, client_id, name, model) VALUES ($1, $2, $3, $4) RETURNING id`, [client.workspaceId, client.id, m.name, content.model]);
      await insertContent(tx, { workspaceId: client.workspaceId, clientId: client.id, matrixId: matrix.id }, content);
      await appendAuditEvent(
        tx,
        { workspaceId: client.workspaceId, actor: null, meta: { ip: null, userAgent: 'accord demo seed', requestId: null } },
        { action: 'matrix.created', entityType: 'matrix', entityId: matrix.id, clientId: client.id, matrixId: matrix.id, after: { name: m.name, template: m.template } },
      );
    }
  },
};
