import { type LetterChange, type MatrixDiff, type PartyChange, type RowChange } from './diff';
import {
  assignmentsOf,
  categoryLabel,
  type MatrixContent,
  PARTY_KIND_LABELS,
  type Responsibility,
  SUPPORT_MODEL_LABELS,
  TOOL_ACCESS_LABELS,
} from './matrix';
import { RACI_LETTER_NAMES, RACI_LETTERS, type RaciLetter } from './raci';
import { listNames, quote } from './text';

/** How a letter reads after a party's name: "Responsible for", "Informed about". */
const LETTER_PHRASES: Record<RaciLetter, string> = {
  R: 'Responsible for',
  A: 'Accountable for',
  C: 'Consulted on',
  I: 'Informed about',
};

/** Where names and titles come from: the diff's own items first, then the content it describes. */
interface Names {
  party(key: string): string;
  row(key: string): string;
  /** Parties leaving the matrix: "X leaves the matrix" already says they lose every letter. */
  leaving: ReadonlySet<string>;
}

function namesFrom(content: MatrixContent, diff?: MatrixDiff): Names {
  const parties = new Map<string, string>();
  const rows = new Map<string, string>();
  for (const p of [...content.parties, ...(diff?.parties.removed ?? []), ...(diff?.parties.added ?? [])])
    parties.set(p.key, p.name);
  for (const c of diff?.parties.changed ?? []) if (c.fields.name) parties.set(c.key, c.fields.name.to);
  for (const r of [...content.responsibilities, ...(diff?.rows.removed ?? []), ...(diff?.rows.added ?? [])])
    rows.set(r.key, r.title);
  for (const c of diff?.rows.changed ?? []) if (c.fields.title) rows.set(c.key, c.fields.title.to);
  return {
    party: (key) => parties.get(key) ?? key,
    row: (key) => rows.get(key) ?? key,
    leaving: new Set(diff?.parties.removed.map((p) => p.key)),
  };
}

/**
 * The whole diff as sentences a business owner can read, in this order: model, parties, new rows,
 * removed rows, changed rows, reordering. `content` may be either side of the diff: new names in
 * the diff win over the names found in it.
 */
export function describeDiff(diff: MatrixDiff, content: MatrixContent): string[] {
  const names = namesFrom(content, diff);
  return [
    ...(diff.model
      ? [
          `The support model changes from ${SUPPORT_MODEL_LABELS[diff.model.from]} to ${SUPPORT_MODEL_LABELS[diff.model.to]}.`,
        ]
      : []),
    ...diff.parties.added.map((p) => `${p.name} joins the matrix${p.requiredToSign ? ' and must sign it' : ''}.`),
    ...diff.parties.removed.map((p) => `${p.name} leaves the matrix.`),
    ...diff.parties.changed.flatMap((c) => partySentences(c, names)),
    ...diff.parties.moved.map((key) => `${names.party(key)} moves to a new column.`),
    ...diff.rows.added.map((row) => addedRowSentence(row, names)),
    ...diff.rows.removed.map((row) => `${quote(row.title)} is removed from the matrix.`),
    ...diff.rows.changed.flatMap((c) => rowSentences(c, names)),
    ...movedRowsSentence(diff.rows.moved, names),
  ];
}

/** One changed row as sentences, e.g. "Internal IT becomes Responsible for 'User onboarding' (was Consulted)." */
export function describeChange(change: RowChange, content: MatrixContent): string[] {
  return rowSentences(change, namesFrom(content));
}

/** One letter change of the row titled `rowTitle`, for the party named `partyName`. */
export function describeLetterChange(change: LetterChange, partyName: string, rowTitle: string): string {
  const t = quote(rowTitle);
  if (change.to === null) {
    return change.from === null
      ? `${partyName} keeps no role in ${t}.`
      : `${partyName} is no longer ${LETTER_PHRASES[change.from]} ${t}.`;
  }
  const was = change.from === null ? '' : ` (was ${RACI_LETTER_NAMES[change.from]})`;
  return `${partyName} becomes ${LETTER_PHRASES[change.to]} ${t}${was}.`;
}

function partySentences(change: PartyChange, names: Names): string[] {
  const { name, kind, requiredToSign } = change.fields;
  const current = names.party(change.key);
  return [
    ...(name ? [`${name.from} is renamed ${name.to}.`] : []),
    ...(kind ? [`${current} now counts as ${PARTY_KIND_LABELS[kind.to]} (was ${PARTY_KIND_LABELS[kind.from]}).`] : []),
    ...(requiredToSign
      ? [requiredToSign.to ? `${current} must now sign the matrix.` : `${current} no longer needs to sign the matrix.`]
      : []),
  ];
}

function rowSentences(change: RowChange, names: Names): string[] {
  const title = names.row(change.key);
  const t = quote(title);
  const f = change.fields;
  return [
    ...(f.title ? [`${quote(f.title.from)} is renamed ${quote(f.title.to)}.`] : []),
    ...(f.category ? [`${t} moves from ${categoryLabel(f.category.from)} to ${categoryLabel(f.category.to)}.`] : []),
    ...(f.description ? [`The description of ${t} is reworded.`] : []),
    ...(f.critical ? [f.critical.to ? `${t} is now marked critical.` : `${t} is no longer marked critical.`] : []),
    ...(f.toolAccess
      ? [
          f.toolAccess.to
            ? `${t} now decides access to ${TOOL_ACCESS_LABELS[f.toolAccess.to]}.`
            : `${t} no longer decides tool access.`,
        ]
      : []),
    ...(f.afterHours
      ? [f.afterHours.to ? `${t} now needs cover after hours.` : `${t} no longer needs cover after hours.`]
      : []),
    ...change.letters
      .filter((l) => !(l.to === null && names.leaving.has(l.partyKey)))
      .map((l) => describeLetterChange(l, names.party(l.partyKey), title)),
  ];
}

function addedRowSentence(row: Responsibility, names: Names): string {
  const holders = assignmentsOf(row)
    .sort((x, y) => RACI_LETTERS.indexOf(x.letter) - RACI_LETTERS.indexOf(y.letter))
    .map((a) => `${names.party(a.partyId)} ${RACI_LETTER_NAMES[a.letter]}`);
  const who = holders.length === 0 ? 'nobody assigned yet' : holders.join(', ');
  return `New responsibility ${quote(row.title)} in ${categoryLabel(row.category)}: ${who}.`;
}

function movedRowsSentence(moved: readonly string[], names: Names): string[] {
  if (moved.length === 0) return [];
  const titles = listNames(moved.map((key) => quote(names.row(key))));
  return [`${titles} ${moved.length === 1 ? 'moves' : 'move'} to a new place in the list.`];
}
