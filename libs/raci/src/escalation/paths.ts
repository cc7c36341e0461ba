import { categoryLabel, type MatrixContent } from '../matrix';
import { quote } from '../text';
import { type EscalationPath, type EscalationPolicy, type StepSequence } from './types';

/** Which of a path's two step lists runs: its own steps, or its after-hours replacement. */
export type SequenceKind = 'business_hours' | 'after_hours';

export function appliesToSeverity(path: Pick<EscalationPath, 'severities'>, severityKey: string): boolean {
  return path.severities.length === 0 || path.severities.includes(severityKey);
}

/** How well a path fits: the row's own path beats its category's, a named severity beats "every severity". */
function specificity(path: EscalationPath): number {
  return (path.responsibilityKey !== null ? 2 : 0) + (path.severities.length > 0 ? 1 : 0);
}

/**
 * The path a problem of this severity on this row takes, or null when none applies. A path for
 * the responsibility itself beats one for its category, whatever their severities; between two of
 * the same scope, one that names the severity beats one for every severity; a tie goes to the
 * path listed first. The web app and the simulator both call this, so they never disagree.
 */
export function pathFor(
  policy: Pick<EscalationPolicy, 'paths'>,
  row: { key: string; category: string },
  severityKey: string,
): EscalationPath | null {
  let best: EscalationPath | null = null;
  for (const path of policy.paths) {
    const inScope =
      path.responsibilityKey !== null ? path.responsibilityKey === row.key : path.category === row.category;
    if (!inScope || !appliesToSeverity(path, severityKey)) continue;
    if (best === null || specificity(path) > specificity(best)) best = path;
  }
  return best;
}

/**
 * Whether pathFor picks this path for the severity anywhere: on its own row, or, for a category
 * path, on a row of the category without a path of its own. A path for every severity next to one
 * for P1 does not govern P1, so the checks on P1 leave it alone. A path for a row that was deleted
 * governs nothing.
 */
export function governs(
  policy: Pick<EscalationPolicy, 'paths'>,
  path: EscalationPath,
  content: MatrixContent,
  severityKey: string,
): boolean {
  if (path.responsibilityKey !== null) {
    const row = content.responsibilities.find((r) => r.key === path.responsibilityKey);
    return row !== undefined && pathFor(policy, row, severityKey) === path;
  }
  // '' is no valid key, so this stands for a row of the category that has no path of its own.
  return path.category !== null && pathFor(policy, { key: '', category: path.category }, severityKey) === path;
}

/**
 * The steps that run at a moment. Outside business hours the after-hours steps replace the path's
 * own, when it has them; a path without them runs its own steps around the clock.
 */
export function sequenceFor(
  path: EscalationPath,
  businessHours: boolean,
): { kind: SequenceKind; sequence: StepSequence } {
  if (!businessHours && path.afterHours !== null) return { kind: 'after_hours', sequence: path.afterHours };
  return { kind: 'business_hours', sequence: path };
}

/** "'Restore tests'" for a row's own path, "Threat response" for a category's. */
export function pathScopeLabel(path: EscalationPath, content: MatrixContent): string {
  if (path.responsibilityKey === null) return categoryLabel(path.category ?? '');
  const row = content.responsibilities.find((r) => r.key === path.responsibilityKey);
  return quote(row?.title ?? path.responsibilityKey);
}
