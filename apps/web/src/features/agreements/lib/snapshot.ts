import { type AgreementSnapshot, categoryLabel, type Party, type Responsibility } from '@accord/raci';

export interface SnapshotCategory {
  category: string;
  label: string;
  rows: Responsibility[];
}

/**
 * A version's rows grouped by category, for reading: categories in the order their first row
 * comes, rows in the snapshot's order within each.
 */
export function snapshotCategories(snapshot: Pick<AgreementSnapshot, 'matrix'>): SnapshotCategory[] {
  const groups = new Map<string, SnapshotCategory>();
  for (const row of snapshot.matrix.responsibilities) {
    const group = groups.get(row.category) ?? { category: row.category, label: categoryLabel(row.category), rows: [] };
    group.rows.push(row);
    groups.set(row.category, group);
  }
  return [...groups.values()];
}

/** The parties of a version, in column order. */
export function snapshotParties(snapshot: Pick<AgreementSnapshot, 'matrix'>): Party[] {
  return snapshot.matrix.parties;
}

/** Whether a value has the shape of a version's snapshot, so that a page can read it safely. */
export function isAgreementSnapshot(value: unknown): value is AgreementSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const matrix = (value as { matrix?: unknown }).matrix;
  return (
    typeof matrix === 'object' &&
    matrix !== null &&
    Array.isArray((matrix as { parties?: unknown }).parties) &&
    Array.isArray((matrix as { responsibilities?: unknown }).responsibilities)
  );
}
