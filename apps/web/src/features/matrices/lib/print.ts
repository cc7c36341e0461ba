import { SUPPORT_MODEL_LABELS, type SupportModel } from '@accord/raci';
import { formatDate } from '../../../lib/format';
import { countOf } from './owners';

/**
 * "Harbor Dental · Co-managed · Version 7 (draft) · Printed 28 Nov 2026": the line under a printed
 * matrix's name. The matrix page shows the draft, whose version counts its edits; signed versions
 * are separate snapshots, hence "(draft)".
 */
export function printedMatrixLine(
  {
    clientName,
    model,
    version,
    printedAt,
  }: { clientName?: string | null; model: SupportModel; version: number; printedAt: Date },
  locale?: string,
): string {
  return [
    clientName?.trim() || null,
    SUPPORT_MODEL_LABELS[model],
    `Version ${version} (draft)`,
    `Printed ${formatDate(printedAt.toISOString(), locale)}`,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/** "60 responsibilities, 18 of them critical. 2 without an owner." */
export function printedMatrixSummary(rows: number, critical: number, unowned: number): string {
  if (rows === 0) return 'This matrix has no responsibilities yet.';
  const size = critical > 0 ? `${countOf(rows)}, ${critical} of them critical.` : `${countOf(rows)}.`;
  const owners =
    unowned === 0
      ? 'Each has one party that answers for it and at least one that does the work.'
      : `${unowned} without an owner (marked below).`;
  return `${size} ${owners}`;
}
