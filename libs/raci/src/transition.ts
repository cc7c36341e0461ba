import { normalizeMatrix } from './hash';
import {
  letterOf,
  lettersFrom,
  type MatrixContent,
  type Party,
  type Responsibility,
  type SupportModel,
} from './matrix';
import { type RaciLetter } from './raci';
import { isTemplateRowKey, templateContent } from './templates';

/**
 * What the matrix becomes when the client moves to `target`, so that the API can show
 * diffMatrices(current, transitionTo(current, target)) and apply it only once agreed. Policy:
 *
 * 1. Parties: the target template's built-in parties in template order, each keeping its current
 *    name and requiredToSign when the matrix already has that key, then the custom parties (kind
 *    'custom') in their current order. Other built-in parties leave (Internal IT, going fully managed).
 * 2. Rows the target template contains (same key): the built-in parties get the template's letters;
 *    custom parties keep theirs; title, description, category and flags stay as the client wrote them.
 * 3. Rows of the catalogue that the target template lacks are removed (e.g. the escalation from
 *    internal IT to the MSP, going fully managed).
 * 4. The client's own rows (keys no template knows) stay. A letter of a party that leaves passes to
 *    the MSP when it is stronger than the MSP's own and the MSP holds neither R nor A on that row;
 *    otherwise it is dropped.
 * 5. Template rows the matrix lacks are added after the last row of their category, or at the end.
 *
 * Moving to the model the matrix already has re-applies the template's letters (a reset). Moving to
 * 'custom' only changes the model. The result is not forced to pass the rules: a custom party that
 * held A beside the template's new A shows up in checkMatrix, next to the diff, for people to settle.
 */
export function transitionTo(content: MatrixContent, target: SupportModel): MatrixContent {
  const current = normalizeMatrix(content);
  if (target === 'custom') return { ...current, model: 'custom' };
  const template = templateContent(target);
  const parties = transitionParties(current.parties, template.parties);
  const partyKeys = new Set(parties.map((p) => p.key));
  const builtIn = new Set(template.parties.map((p) => p.key));
  const leaving = new Set(current.parties.map((p) => p.key).filter((key) => !partyKeys.has(key)));
  const heir = parties.find((p) => p.kind === 'msp')?.key;
  const templateRows = new Map(template.responsibilities.map((row) => [row.key, row]));
  const kept = current.responsibilities.flatMap((row): Responsibility[] => {
    const fromTemplate = templateRows.get(row.key);
    if (fromTemplate !== undefined) return [withTemplateLetters(row, fromTemplate, builtIn, partyKeys)];
    if (isTemplateRowKey(row.key)) return [];
    return [handOver(row, partyKeys, leaving, heir)];
  });
  return { model: target, parties, responsibilities: insertMissing(kept, template.responsibilities) };
}

function transitionParties(current: readonly Party[], builtIn: readonly Party[]): Party[] {
  const existing = new Map(current.map((p) => [p.key, p]));
  const kept = builtIn.map((party) => {
    const mine = existing.get(party.key);
    return mine === undefined ? party : { ...party, name: mine.name, requiredToSign: mine.requiredToSign };
  });
  const taken = new Set(kept.map((p) => p.key));
  return [...kept, ...current.filter((p) => p.kind === 'custom' && !taken.has(p.key))];
}

function withTemplateLetters(
  row: Responsibility,
  template: Responsibility,
  builtIn: ReadonlySet<string>,
  partyKeys: ReadonlySet<string>,
): Responsibility {
  const own = Object.entries(row.letters).filter(([key]) => !builtIn.has(key) && partyKeys.has(key));
  return { ...row, letters: lettersFrom([...Object.entries(template.letters), ...own]) };
}

const STRENGTH: Record<RaciLetter, number> = { I: 1, C: 2, A: 3, R: 3 };

/** Letters for keys that were never a party of the matrix are dropped, not inherited. */
function handOver(
  row: Responsibility,
  partyKeys: ReadonlySet<string>,
  leavingKeys: ReadonlySet<string>,
  heir: string | undefined,
): Responsibility {
  const staying = Object.entries(row.letters).filter(([key]) => partyKeys.has(key));
  const leaving = Object.entries(row.letters).filter(([key]) => leavingKeys.has(key));
  let heirLetter = heir === undefined ? null : letterOf(row, heir);
  for (const [, letter] of leaving) {
    if (heir === undefined || letter === undefined || heirLetter === 'R' || heirLetter === 'A') break;
    if (heirLetter === null || STRENGTH[letter] > STRENGTH[heirLetter]) heirLetter = letter;
  }
  const inherited = heir === undefined ? [] : [[heir, heirLetter] as const];
  return { ...row, letters: lettersFrom([...staying.filter(([key]) => key !== heir), ...inherited]) };
}

function insertMissing(rows: readonly Responsibility[], templateRows: readonly Responsibility[]): Responsibility[] {
  const result = [...rows];
  const present = new Set(rows.map((r) => r.key));
  for (const row of templateRows) {
    if (present.has(row.key)) continue;
    const lastOfCategory = result.map((r) => r.category).lastIndexOf(row.category);
    result.splice(lastOfCategory === -1 ? result.length : lastOfCategory + 1, 0, row);
  }
  return result;
}
