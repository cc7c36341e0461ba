import { type CategoryKey, type MatrixContent, type SupportModel } from '@accord/raci';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';

type KeyedParty = Pick<PartyView, 'id' | 'key' | 'name' | 'kind' | 'requiredToSign' | 'position'>;
type KeyedRow = Pick<
  ResponsibilityView,
  'key' | 'category' | 'title' | 'description' | 'critical' | 'toolAccess' | 'afterHours' | 'position' | 'letters'
>;

/**
 * The matrix in the shape validateEscalationPolicy, pathFor and simulateEscalation read, keyed the
 * way an escalation policy refers to it: parties by their `key` ('msp', 'internal_it', ...) and
 * rows by their `key`. This differs on purpose from features/matrices/lib/matrix-content.ts
 * (matrixContentOf), which keys parties by id because the grid's letters are keyed by party id;
 * here the letters are translated from party ids to party keys, as the API's toContent does.
 */
export function escalationContentOf(matrix: {
  model: SupportModel;
  parties: readonly KeyedParty[];
  responsibilities: readonly KeyedRow[];
}): MatrixContent {
  const parties = sorted(matrix.parties);
  const keyOf = new Map(parties.map((party) => [party.id, party.key]));
  return {
    model: matrix.model,
    parties: parties.map((party) => ({
      key: party.key,
      name: party.name,
      kind: party.kind,
      requiredToSign: party.requiredToSign,
    })),
    responsibilities: sorted(matrix.responsibilities).map((row) => ({
      key: row.key,
      // The API stores known categories only; anything else is carried as is and labelled by its key.
      category: row.category as CategoryKey,
      title: row.title,
      description: row.description,
      critical: row.critical,
      letters: Object.fromEntries(
        Object.entries(row.letters).flatMap(([partyId, letter]) => {
          const key = keyOf.get(partyId);
          return key === undefined ? [] : [[key, letter]];
        }),
      ),
      ...(row.toolAccess ? { toolAccess: row.toolAccess } : {}),
      ...(row.afterHours ? { afterHours: true } : {}),
    })),
  };
}

function sorted<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}
