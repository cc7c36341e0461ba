import { type EscalationPath, type EscalationPolicy, type MatrixContent } from '@accord/raci';
import { contactSummary, pathScopeLabel, pathSummary, scheduleSummary, severitySummary } from './describe';
import { fingerprint } from './policy-edit';

/**
 * When a save meets 412 (someone saved in between), nothing typed is lost: the policy as it was
 * read (base), as edited here (mine) and as saved there (theirs) are merged entry by entry.
 * Severities, coverage, contacts and paths are matched by key, business hours as a whole. An
 * entry only one side changed takes that side's version; an entry both changed differently is a
 * conflict, resolved by the person (mine unless they choose theirs).
 */

export type MergeSection = 'severities' | 'businessHours' | 'coverage' | 'contacts' | 'paths';

export interface MergeItem {
  /** "paths:security_incidents" */
  id: string;
  section: MergeSection;
  key: string;
  /** Undefined: the entry does not exist on that side (never added, or removed). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export type Resolution = 'mine' | 'theirs';

export interface PolicyMerge {
  policy: EscalationPolicy;
  /** Entries they changed that were taken as they are, with nothing of mine in the way. */
  theirChanges: MergeItem[];
  /** Entries both changed, each differently. */
  conflicts: MergeItem[];
}

/** A path's content without its review: the server keeps or clears reviews by content alone. */
function pathContent(path: EscalationPath): string {
  const { review: _review, ...rest } = path;
  return fingerprint(rest);
}

function same(section: MergeSection, a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return section === 'paths'
    ? pathContent(a as EscalationPath) === pathContent(b as EscalationPath)
    : fingerprint(a) === fingerprint(b);
}

function keysOf<T>(items: readonly T[], keyOf: (item: T) => string): string[] {
  return items.map(keyOf);
}

/** Whether two lists hold their common keys in the same order. */
function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  const inB = new Set(b);
  const inA = new Set(a);
  const left = a.filter((k) => inB.has(k));
  const right = b.filter((k) => inA.has(k));
  return left.every((k, i) => right[i] === k);
}

interface Collector {
  theirChanges: MergeItem[];
  conflicts: MergeItem[];
  choices: Readonly<Record<string, Resolution>>;
}

function pick(item: MergeItem, out: Collector): unknown {
  const { section, base, mine, theirs } = item;
  if (same(section, mine, base)) {
    if (!same(section, theirs, base)) out.theirChanges.push(item);
    return theirs;
  }
  if (same(section, theirs, base)) return mine;
  // Both the same content: theirs carries the server's review.
  if (same(section, mine, theirs)) return theirs;
  out.conflicts.push(item);
  return out.choices[item.id] === 'theirs' ? theirs : mine;
}

function mergeList<T>(
  section: MergeSection,
  lists: { base: readonly T[]; mine: readonly T[]; theirs: readonly T[] },
  keyOf: (item: T) => string,
  out: Collector,
): T[] {
  const maps = {
    base: new Map(lists.base.map((item) => [keyOf(item), item])),
    mine: new Map(lists.mine.map((item) => [keyOf(item), item])),
    theirs: new Map(lists.theirs.map((item) => [keyOf(item), item])),
  };
  // Follow my order when they did not reorder, theirs otherwise; entries only one side has go last.
  const baseKeys = keysOf(lists.base, keyOf);
  const [first, second] = sameOrder(baseKeys, keysOf(lists.theirs, keyOf))
    ? [lists.mine, lists.theirs]
    : [lists.theirs, lists.mine];
  const order = [...new Set([...keysOf(first, keyOf), ...keysOf(second, keyOf), ...baseKeys])];
  const merged: T[] = [];
  for (const key of order) {
    const item: MergeItem = {
      id: `${section}:${key}`,
      section,
      key,
      base: maps.base.get(key),
      mine: maps.mine.get(key),
      theirs: maps.theirs.get(key),
    };
    const chosen = pick(item, out);
    if (chosen !== undefined) merged.push(chosen as T);
  }
  return merged;
}

export function mergePolicies(
  base: EscalationPolicy,
  mine: EscalationPolicy,
  theirs: EscalationPolicy,
  choices: Readonly<Record<string, Resolution>> = {},
): PolicyMerge {
  const out: Collector = { theirChanges: [], conflicts: [], choices };
  const severities = mergeList(
    'severities',
    { base: base.severities, mine: mine.severities, theirs: theirs.severities },
    (s) => s.key,
    out,
  );
  const businessHours = pick(
    {
      id: 'businessHours',
      section: 'businessHours',
      key: 'businessHours',
      base: base.businessHours,
      mine: mine.businessHours,
      theirs: theirs.businessHours,
    },
    out,
  ) as EscalationPolicy['businessHours'];
  const coverage = mergeList(
    'coverage',
    { base: base.coverage, mine: mine.coverage, theirs: theirs.coverage },
    (c) => c.partyKey,
    out,
  );
  const contacts = mergeList(
    'contacts',
    { base: base.contacts, mine: mine.contacts, theirs: theirs.contacts },
    (c) => c.key,
    out,
  );
  const paths = mergeList('paths', { base: base.paths, mine: mine.paths, theirs: theirs.paths }, (p) => p.key, out);
  return {
    policy: { severities, businessHours, coverage, contacts, paths },
    theirChanges: out.theirChanges,
    conflicts: out.conflicts,
  };
}

const SECTION_LABELS: Readonly<Record<MergeSection, string>> = {
  severities: 'Severity',
  businessHours: 'Business hours',
  coverage: 'Hours of',
  contacts: 'Contact',
  paths: 'Path for',
};

/** "Contact Sam Patel", "Path for Threat response", "Hours of Northwind", "Business hours". */
export function mergeItemLabel(item: MergeItem, content: MatrixContent): string {
  const value = (item.theirs ?? item.mine ?? item.base) as Record<string, unknown> | undefined;
  switch (item.section) {
    case 'businessHours':
      return SECTION_LABELS.businessHours;
    case 'severities':
      return `${SECTION_LABELS.severities} ${String(value?.['name'] || item.key)}`;
    case 'coverage':
      return `${SECTION_LABELS.coverage} ${content.parties.find((p) => p.key === item.key)?.name ?? item.key}`;
    case 'contacts':
      return `${SECTION_LABELS.contacts} ${String(value?.['name'] || item.key)}`;
    case 'paths':
      return `${SECTION_LABELS.paths} ${value ? pathScopeLabel(value as unknown as EscalationPath, content) : item.key}`;
  }
}

/** One side of an entry in words, or "Removed" / "Not there". */
export function mergeSideSummary(
  item: MergeItem,
  side: 'base' | 'mine' | 'theirs',
  policy: EscalationPolicy,
  content: MatrixContent,
): string {
  const value = item[side];
  if (value === undefined) return item.base === undefined ? 'Not there' : 'Removed';
  switch (item.section) {
    case 'severities':
      return severitySummary(value as EscalationPolicy['severities'][number]);
    case 'businessHours':
    case 'coverage': {
      const schedule = value as EscalationPolicy['businessHours'];
      return `${scheduleSummary(schedule)}, ${schedule.timeZone}`;
    }
    case 'contacts':
      return contactSummary(value as EscalationPolicy['contacts'][number], content);
    case 'paths':
      return pathSummary(value as EscalationPath, policy, content);
  }
}
