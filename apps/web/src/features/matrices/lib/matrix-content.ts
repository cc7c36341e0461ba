import { type CategoryKey, type MatrixContent, type SupportModel } from '@accord/raci';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';

export type ContentParty = Pick<PartyView, 'id' | 'name' | 'kind' | 'requiredToSign' | 'position'>;
export type ContentRow = Pick<
  ResponsibilityView,
  | 'id'
  | 'key'
  | 'category'
  | 'title'
  | 'description'
  | 'critical'
  | 'toolAccess'
  | 'afterHours'
  | 'position'
  | 'letters'
>;

/**
 * The matrix the page holds, in the shape the pure functions of @accord/raci read (loadByParty,
 * gapReport). The API keys a row's letters by party id, so the party id serves as the party key
 * here: the letters need no translation and every result refers back to a PartyView by its id.
 * Parties and rows come out in display order (by position).
 */
export function matrixContentOf(matrix: {
  model: SupportModel;
  parties: readonly ContentParty[];
  responsibilities: readonly ContentRow[];
}): MatrixContent {
  return {
    model: matrix.model,
    parties: byPosition(matrix.parties).map((party) => ({
      key: party.id,
      name: party.name,
      kind: party.kind,
      requiredToSign: party.requiredToSign,
    })),
    responsibilities: byPosition(matrix.responsibilities).map((row) => ({
      key: row.id,
      // The API only stores known categories; an unknown one is carried as is and merely labelled by its key.
      category: row.category as CategoryKey,
      title: row.title,
      description: row.description,
      critical: row.critical,
      letters: { ...row.letters },
      ...(row.toolAccess ? { toolAccess: row.toolAccess } : {}),
      ...(row.afterHours ? { afterHours: true } : {}),
    })),
  };
}

/** A sorted copy: the API sends positions, and the caller's array must not be reordered. */
export function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}
