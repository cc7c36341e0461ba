import { canonicalJson } from './canonical-json';
import { normalizeMatrix, normalizeParty, normalizeResponsibility } from './hash';
import {
  type CategoryKey,
  letterOf,
  lettersFrom,
  type MatrixContent,
  type Party,
  type PartyKind,
  type Responsibility,
  type SupportModel,
  type ToolAccess,
} from './matrix';
import { type RaciLetter } from './raci';

export interface FieldChange<T> {
  from: T;
  to: T;
}

export interface PartyFieldChanges {
  name?: FieldChange<string>;
  kind?: FieldChange<PartyKind>;
  requiredToSign?: FieldChange<boolean>;
}

export interface PartyChange {
  key: string;
  fields: PartyFieldChanges;
}

/** `toolAccess` null means "grants no tool"; `afterHours` false means "not needed after hours". */
export interface RowFieldChanges {
  category?: FieldChange<CategoryKey>;
  title?: FieldChange<string>;
  description?: FieldChange<string>;
  critical?: FieldChange<boolean>;
  toolAccess?: FieldChange<ToolAccess | null>;
  afterHours?: FieldChange<boolean>;
}

export interface LetterChange {
  partyKey: string;
  from: RaciLetter | null;
  to: RaciLetter | null;
}

export interface RowChange {
  key: string;
  fields: RowFieldChanges;
  letters: LetterChange[];
}

/**
 * Changes to an ordered list of keyed items. Applying keeps the surviving items in their old order
 * and appends the added ones; when that is not the new order, `order` holds every key of the new
 * list in its final order. `moved` names the kept items that changed place (those outside the
 * longest run that kept its relative order), for the plain-language description only.
 */
export interface ListDiff<T, C> {
  added: T[];
  removed: T[];
  changed: C[];
  moved: string[];
  order?: string[];
}

export interface MatrixDiff {
  model?: FieldChange<SupportModel>;
  parties: ListDiff<Party, PartyChange>;
  rows: ListDiff<Responsibility, RowChange>;
}

/** The diff was taken from other content than the one it is applied to (e.g. the draft moved on). */
export class DiffConflictError extends Error {
  constructor(readonly conflicts: string[]) {
    super(`The change no longer fits the matrix: ${conflicts.join('; ')}`);
    this.name = 'DiffConflictError';
  }
}

/** What turns `before` into `after`, compared by key over the normalised forms. Keys must be unique. */
export function diffMatrices(before: MatrixContent, after: MatrixContent): MatrixDiff {
  const a = normalizeMatrix(before);
  const b = normalizeMatrix(after);
  return {
    ...(a.model === b.model ? {} : { model: { from: a.model, to: b.model } }),
    parties: diffList('party', a.parties, b.parties, partyChange),
    rows: diffList('responsibility', a.responsibilities, b.responsibilities, rowChanger(partyOrder(a, b))),
  };
}

export function isEmptyDiff(diff: MatrixDiff): boolean {
  return diff.model === undefined && isEmptyList(diff.parties) && isEmptyList(diff.rows);
}

function isEmptyList(list: ListDiff<unknown, unknown>): boolean {
  return list.added.length + list.removed.length + list.changed.length === 0 && list.order === undefined;
}

/**
 * `content` with the diff applied, in normalised form, so applyDiff(a, diffMatrices(a, b)) deep-equals
 * normalizeMatrix(b). Throws DiffConflictError, changing nothing, when `content` is not what the
 * diff was taken from: a removed or changed item that differs or is missing, an added key that exists.
 */
export function applyDiff(content: MatrixContent, diff: MatrixDiff): MatrixContent {
  const base = normalizeMatrix(content);
  const conflicts = [
    ...(diff.model && diff.model.from !== base.model ? [`the model is ${base.model}, not ${diff.model.from}`] : []),
    ...listConflicts('party', base.parties, diff.parties, normalizeParty, partyChangeConflicts),
    ...listConflicts('responsibility', base.responsibilities, diff.rows, normalizeResponsibility, rowChangeConflicts),
  ];
  if (conflicts.length > 0) throw new DiffConflictError(conflicts);
  return {
    model: diff.model?.to ?? base.model,
    parties: applyList(base.parties, diff.parties, normalizeParty, applyPartyChange),
    responsibilities: applyList(base.responsibilities, diff.rows, normalizeResponsibility, applyRowChange),
  };
}

// ---- lists ----

interface Keyed {
  key: string;
}

function indexByKey<T extends Keyed>(what: string, items: readonly T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    if (index.has(item.key)) throw new Error(`Two of the ${what} items share the key '${item.key}'.`);
    index.set(item.key, item);
  }
  return index;
}

function diffList<T extends Keyed, C>(
  what: string,
  before: readonly T[],
  after: readonly T[],
  change: (from: T, to: T) => C | null,
): ListDiff<T, C> {
  const beforeByKey = indexByKey(what, before);
  const afterByKey = indexByKey(what, after);
  const added = after.filter((item) => !beforeByKey.has(item.key));
  const removed = before.filter((item) => !afterByKey.has(item.key));
  const changed = after.flatMap((item) => {
    const old = beforeByKey.get(item.key);
    const c = old === undefined ? null : change(old, item);
    return c === null ? [] : [c];
  });
  const keptKeys = before.filter((item) => afterByKey.has(item.key)).map((item) => item.key);
  const finalOrder = after.map((item) => item.key);
  const appliedOrder = [...keptKeys, ...added.map((item) => item.key)];
  const order = sameSequence(appliedOrder, finalOrder) ? undefined : finalOrder;
  return { added, removed, changed, moved: movedKeys(keptKeys, finalOrder), ...(order ? { order } : {}) };
}

function sameSequence(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((key, i) => key === y[i]);
}

/** Kept keys outside a longest subsequence that is in the same order before and after. */
function movedKeys(keptInOldOrder: readonly string[], finalOrder: readonly string[]): string[] {
  const position = new Map(finalOrder.map((key, i) => [key, i]));
  const positions = keptInOldOrder.map((key) => position.get(key) ?? 0);
  const staying = new Set(longestIncreasingRun(positions).map((i) => keptInOldOrder[i]));
  return keptInOldOrder
    .filter((key) => !staying.has(key))
    .sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0));
}

/** Indices of one longest strictly increasing subsequence (quadratic; matrices have tens of rows). */
function longestIncreasingRun(values: readonly number[]): number[] {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  for (let i = 0; i < values.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      if (values[j] < values[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(0, ...length));
  const run: number[] = [];
  while (end >= 0) {
    run.unshift(end);
    end = previous[end];
  }
  return run;
}

function listConflicts<T extends Keyed, C extends Keyed>(
  what: string,
  items: readonly T[],
  diff: ListDiff<T, C>,
  normalize: (item: T) => T,
  changeConflicts: (item: T, change: C) => string[],
): string[] {
  const byKey = indexByKey(what, items);
  const conflicts: string[] = [];
  for (const gone of diff.removed) {
    const item = byKey.get(gone.key);
    if (item === undefined) conflicts.push(`the ${what} '${gone.key}' to remove is not there`);
    else if (canonicalJson(item) !== canonicalJson(normalize(gone)))
      conflicts.push(`the ${what} '${gone.key}' to remove has changed`);
  }
  for (const item of diff.added) {
    if (byKey.has(item.key)) conflicts.push(`the ${what} '${item.key}' to add already exists`);
  }
  for (const change of diff.changed) {
    const item = byKey.get(change.key);
    if (item === undefined) conflicts.push(`the ${what} '${change.key}' to change is not there`);
    else conflicts.push(...changeConflicts(item, change));
  }
  if (diff.order !== undefined && conflicts.length === 0) {
    const removed = new Set(diff.removed.map((item) => item.key));
    const resulting = [
      ...items.map((item) => item.key).filter((key) => !removed.has(key)),
      ...diff.added.map((i) => i.key),
    ];
    if (!sameSequence([...resulting].sort(), [...diff.order].sort()))
      conflicts.push(`the new ${what} order does not list the same keys`);
  }
  return conflicts;
}

function applyList<T extends Keyed, C extends Keyed>(
  items: readonly T[],
  diff: ListDiff<T, C>,
  normalize: (item: T) => T,
  apply: (item: T, change: C) => T,
): T[] {
  const removed = new Set(diff.removed.map((item) => item.key));
  const changes = new Map(diff.changed.map((change) => [change.key, change]));
  const kept = items
    .filter((item) => !removed.has(item.key))
    .map((item) => {
      const change = changes.get(item.key);
      return change === undefined ? item : apply(item, change);
    });
  // Normalising also copies: the result shares no object with the diff.
  const result = [...kept, ...diff.added.map(normalize)];
  if (diff.order === undefined) return result;
  const byKey = new Map(result.map((item) => [item.key, item]));
  return diff.order.flatMap((key) => byKey.get(key) ?? []);
}

// ---- fields ----

type Fields<T> = { [K in keyof T]?: FieldChange<T[K]> };

function fieldChanges<T extends object>(from: T, to: T, names: readonly (keyof T)[]): Fields<T> {
  const changes: Fields<T> = {};
  for (const name of names) {
    if (from[name] !== to[name]) changes[name] = { from: from[name], to: to[name] };
  }
  return changes;
}

function fieldConflicts<T extends object>(what: string, current: T, changes: Fields<T>): string[] {
  return (Object.keys(changes) as (keyof T)[]).flatMap((name) => {
    const change = changes[name];
    return change === undefined || change.from === current[name]
      ? []
      : [`${what}: ${String(name)} is no longer ${JSON.stringify(change.from)}`];
  });
}

function hasAny(changes: object): boolean {
  return Object.keys(changes).length > 0;
}

// ---- parties ----

const PARTY_FIELDS = ['name', 'kind', 'requiredToSign'] as const;

function partyChange(from: Party, to: Party): PartyChange | null {
  const fields = fieldChanges(from, to, PARTY_FIELDS);
  return hasAny(fields) ? { key: to.key, fields } : null;
}

function partyChangeConflicts(party: Party, change: PartyChange): string[] {
  return fieldConflicts(`the party '${party.key}'`, party, change.fields);
}

function applyPartyChange(party: Party, change: PartyChange): Party {
  const next = { ...party };
  if (change.fields.name) next.name = change.fields.name.to;
  if (change.fields.kind) next.kind = change.fields.kind.to;
  if (change.fields.requiredToSign) next.requiredToSign = change.fields.requiredToSign.to;
  return next;
}

// ---- rows ----

/** The row's fields with optional ones made explicit, so that absent and set compare as values. */
interface RowFields {
  category: CategoryKey;
  title: string;
  description: string;
  critical: boolean;
  toolAccess: ToolAccess | null;
  afterHours: boolean;
}

const ROW_FIELDS = ['category', 'title', 'description', 'critical', 'toolAccess', 'afterHours'] as const;

function rowFields(row: Responsibility): RowFields {
  return {
    category: row.category,
    title: row.title,
    description: row.description,
    critical: row.critical,
    toolAccess: row.toolAccess ?? null,
    afterHours: row.afterHours === true,
  };
}

/** Letter changes are listed in column order (new columns first), then unknown parties by key. */
function partyOrder(a: MatrixContent, b: MatrixContent): (x: string, y: string) => number {
  const rank = new Map<string, number>();
  for (const party of [...b.parties, ...a.parties]) if (!rank.has(party.key)) rank.set(party.key, rank.size);
  const unknown = rank.size;
  return (x, y) => (rank.get(x) ?? unknown) - (rank.get(y) ?? unknown) || (x < y ? -1 : x > y ? 1 : 0);
}

function rowChanger(compareParties: (x: string, y: string) => number) {
  return (from: Responsibility, to: Responsibility): RowChange | null => {
    const fields = fieldChanges(rowFields(from), rowFields(to), ROW_FIELDS);
    const letters = letterChanges(from, to, compareParties);
    return hasAny(fields) || letters.length > 0 ? { key: to.key, fields, letters } : null;
  };
}

function letterChanges(
  from: Responsibility,
  to: Responsibility,
  compareParties: (x: string, y: string) => number,
): LetterChange[] {
  const partyKeys = [...new Set([...Object.keys(to.letters), ...Object.keys(from.letters)])].sort(compareParties);
  return partyKeys.flatMap((partyKey) => {
    const change = { partyKey, from: letterOf(from, partyKey), to: letterOf(to, partyKey) };
    return change.from === change.to ? [] : [change];
  });
}

function rowChangeConflicts(row: Responsibility, change: RowChange): string[] {
  const what = `the responsibility '${row.key}'`;
  return [
    ...fieldConflicts(what, rowFields(row), change.fields),
    ...change.letters
      .filter((letter) => letterOf(row, letter.partyKey) !== letter.from)
      .map((letter) => `${what}: the letter of '${letter.partyKey}' is no longer ${letter.from ?? 'empty'}`),
  ];
}

function applyRowChange(row: Responsibility, change: RowChange): Responsibility {
  const fields = { ...rowFields(row) };
  for (const name of ROW_FIELDS) {
    const field = change.fields[name];
    if (field !== undefined) Object.assign(fields, { [name]: field.to });
  }
  const changedParties = new Set(change.letters.map((l) => l.partyKey));
  const letters = lettersFrom([
    ...Object.entries(row.letters).filter(([partyKey]) => !changedParties.has(partyKey)),
    ...change.letters.map((l) => [l.partyKey, l.to] as const),
  ]);
  const { toolAccess, afterHours, ...rest } = fields;
  return {
    key: row.key,
    ...rest,
    letters,
    ...(toolAccess === null ? {} : { toolAccess }),
    ...(afterHours ? { afterHours: true } : {}),
  };
}
