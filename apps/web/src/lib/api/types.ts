import type { components } from './schema';

/** Shapes of the API's answers that several features show, named once. */
export type ClientView = components['schemas']['ClientView'];
export type MemberView = components['schemas']['MemberView'];

export function isArchivedClient(client: Pick<ClientView, 'archivedAt'>): boolean {
  return client.archivedAt !== null;
}
