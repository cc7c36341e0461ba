/**
 * The words of the gap report: what kinds of finding there are, how severe, and the shape of one.
 * Apart from the report itself (gaps.ts), so that code that only shows findings does not bring in
 * the rules that find them (and, through the escalation gaps, a time-zone library).
 */

export const GAP_KINDS = [
  'no_accountable',
  'no_responsible',
  'several_accountable',
  'party_without_duties',
  'overloaded_party',
  'critical_without_after_hours',
  'tool_access_gatekeeping',
  // From the escalation policy (escalation/gaps.ts), reported only when gapReport is given one.
  'p1_uncovered_instant',
  'wait_exceeds_target',
  'critical_without_path',
  'unknown_contact',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export const GAP_SEVERITIES = ['high', 'medium', 'low'] as const;
export type GapSeverity = (typeof GAP_SEVERITIES)[number];

/** One finding, written for a business owner. `id` is stable for the same finding, for list keys. */
export interface Gap {
  id: string;
  kind: GapKind;
  severity: GapSeverity;
  rowKey?: string;
  partyKey?: string;
  title: string;
  explanation: string;
}
