import type { components } from './schema';

/** Shapes of the API's answers that several features show, named once. */
export type ClientView = components['schemas']['ClientView'];
export type MemberView = components['schemas']['MemberView'];

export function isArchivedClient(client: Pick<ClientView, 'archivedAt'>): boolean {
  return client.archivedAt !== null;
}

export type MatrixSummaryView = components['schemas']['MatrixSummaryView'];
export type MatrixView = components['schemas']['MatrixView'];
export type PartyView = components['schemas']['PartyView'];
export type ResponsibilityView = components['schemas']['ResponsibilityView'];
export type TemplateView = components['schemas']['TemplateView'];
