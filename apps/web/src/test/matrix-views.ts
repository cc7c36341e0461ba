/**
 * Builders of the API's matrix shapes (PartyView, ResponsibilityView) for spec files, from small
 * overrides or from a whole @accord/raci matrix such as templateContent('co_managed').
 */
import { assignmentsOf, checkRow, type MatrixContent, type PartyKind, type RaciLetter } from '@accord/raci';
import type { PartyView, ResponsibilityView } from '../lib/api/types';

export function partyView(id: string, overrides: Partial<PartyView> = {}): PartyView {
  const kind: PartyKind = id === 'msp' || id === 'internal_it' || id === 'business' ? id : 'custom';
  const names: Partial<Record<string, string>> = { msp: 'MSP', internal_it: 'Internal IT', business: 'Business' };
  return {
    id,
    key: id,
    name: names[id] ?? id,
    kind,
    requiredToSign: kind !== 'custom',
    position: 0,
    version: 1,
    ...overrides,
  };
}

/** Parties at positions 0, 1, 2, ... in the order given. */
export function partyViews(...ids: string[]): PartyView[] {
  return ids.map((id, position) => partyView(id, { position }));
}

let nextPosition = 0;

/** A help desk row with these letters; violations are checked by @accord/raci like the API does. */
export function rowView(
  id: string,
  letters: Partial<Record<string, RaciLetter>>,
  overrides: Partial<ResponsibilityView> = {},
): ResponsibilityView {
  const own = Object.fromEntries(Object.entries(letters).filter(([, l]) => l !== undefined)) as Record<
    string,
    RaciLetter
  >;
  nextPosition += 1;
  return {
    id,
    key: id,
    category: 'help_desk',
    title: `Row ${id}`,
    description: `What row ${id} means.`,
    critical: false,
    toolAccess: null,
    afterHours: false,
    position: nextPosition,
    version: 1,
    letters: own,
    violations: checkRow(assignmentsOf({ letters: own })).map((v) => ({
      code: v.code,
      message: v.message,
      partyIds: v.partyIds,
    })),
    ...overrides,
  };
}

/** The views the API would answer for this content: party keys serve as ids. */
export function matrixViewsOf(content: MatrixContent): {
  parties: PartyView[];
  responsibilities: ResponsibilityView[];
} {
  return {
    parties: content.parties.map((party, position) =>
      partyView(party.key, { name: party.name, kind: party.kind, requiredToSign: party.requiredToSign, position }),
    ),
    responsibilities: content.responsibilities.map((row, position) =>
      rowView(row.key, row.letters, {
        category: row.category,
        title: row.title,
        description: row.description,
        critical: row.critical,
        toolAccess: row.toolAccess ?? null,
        afterHours: row.afterHours === true,
        position,
      }),
    ),
  };
}
