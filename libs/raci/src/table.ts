import { CATEGORIES, type CategoryKey, isToolAccess, isValidKey, type MatrixContent, makeKey, type Party, type Responsibility } from './matrix';
import { isRaciLetter, type RaciLetter } from './raci';

/**
 * The matrix as a table, the shape of its CSV and XLSX files: fixed columns, then one column per
 * party (by name). Export and import both go through here, so a file exported by Accord always
 * imports back to the same matrix.
 */
export const FIXED_COLUMNS = ['Category', 'Key', 'Responsibility', 'Description', 'Critical', 'After hours', 'Tool access'] as const;

export interface TableProblem {
  /** The spreadsheet's row number: the header is row 1. */
  row: number;
  column: string;
  message: string;
}

export function matrixToTable(content: MatrixContent): string[][] {
  const header = [...FIXED_COLUMNS, ...content.parties.map((p) => p.name)];
  const rows = content.responsibilities.map((r) => [
    CATEGORIES.find((c) => c.key === r.category)?.label ?? r.category,
    r.key,
    r.title,
    r.description,
    r.critical ? 'yes' : '',
    r.afterHours ? 'yes' : '',
    r.toolAccess ?? '',
    ...content.parties.map((p) => r.letters[p.key] ?? ''),
  ]);
  return [header, ...rows];
}

const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['', 'no', 'n', 'false', '0']);

function categoryFrom(text: string): CategoryKey | undefined {
  const t = text.trim().toLowerCase();
  return CATEGORIES.find((c) => c.key === t || c.label.toLowerCase() === t)?.key;
}

/**
 * Reads a table back into rows for the given parties, or reports every problem at once with its
 * row and column. Nothing partial: a caller writes only when `problems` is empty.
 */
export function tableToResponsibilities(table: readonly (readonly string[])[], parties: readonly Party[]): { responsibilities: Responsibility[]; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const [header = [], ...body] = table.map((row) => row.map((cell) => String(cell ?? '').trim()));
  const column = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  for (const name of ['Category', 'Responsibility']) {
    if (column(name) < 0) problems.push({ row: 1, column: name, message: `the header has no "${name}" column` });
  }
  const partyColumns = parties.map((p) => ({ party: p, index: column(p.name) }));
  const known = new Set<string>([...FIXED_COLUMNS.map((c) => c.toLowerCase()), ...parties.map((p) => p.name.toLowerCase())]);
  for (const h of header) {
    if (h && !known.has(h.toLowerCase())) problems.push({ row: 1, column: h, message: `no party of this matrix is called "${h}"` });
  }
  if (problems.length) return { responsibilities: [], problems };

  const taken = new Set<string>();
  const responsibilities: Responsibility[] = [];
  body.forEach((cells, i) => {
    const rowNumber = i + 2;
    if (cells.every((c) => c === '')) return;
    const cell = (name: string) => (column(name) >= 0 ? (cells[column(name)] ?? '') : '');
    const flag = (name: string) => {
      const v = cell(name).toLowerCase();
      if (YES.has(v)) return true;
      if (!NO.has(v)) problems.push({ row: rowNumber, column: name, message: `"${cell(name)}" is not yes or no` });
      return false;
    };
    const category = categoryFrom(cell('Category'));
    if (!category) problems.push({ row: rowNumber, column: 'Category', message: `"${cell('Category')}" is not a category` });
    const title = cell('Responsibility');
    if (!title) problems.push({ row: rowNumber, column: 'Responsibility', message: 'a responsibility needs a title' });
    if (title.length > 160) problems.push({ row: rowNumber, column: 'Responsibility', message: 'a title may have at most 160 characters' });
    const description = cell('Description');
    if (description.length > 2000) problems.push({ row: rowNumber, column: 'Description', message: 'a description may have at most 2000 characters' });
    let key = cell('Key');
    if (key && !isValidKey(key)) problems.push({ row: rowNumber, column: 'Key', message: `"${key}" is not a valid key (lower-case letters, digits and _)` });
    if (key && taken.has(key)) problems.push({ row: rowNumber, column: 'Key', message: `the key "${key}" appears twice` });
    if (!key) key = makeKey(title || 'row', taken);
    taken.add(key);
    const toolAccess = cell('Tool access');
    if (toolAccess && !isToolAccess(toolAccess)) problems.push({ row: rowNumber, column: 'Tool access', message: `"${toolAccess}" is not rmm, documentation or security_dashboards` });
    const letters: Partial<Record<string, RaciLetter>> = {};
    for (const { party, index } of partyColumns) {
      const value = index >= 0 ? (cells[index] ?? '').toUpperCase() : '';
      if (value === '') continue;
      if (isRaciLetter(value)) letters[party.key] = value;
      else problems.push({ row: rowNumber, column: party.name, message: `"${cells[index]}" is not one of R, A, C, I` });
    }
    const critical = flag('Critical');
    const afterHours = flag('After hours');
    if (!category) return;
    responsibilities.push({
      key,
      category,
      title,
      description,
      critical,
      ...(afterHours ? { afterHours: true } : {}),
      ...(isToolAccess(toolAccess) ? { toolAccess } : {}),
      letters,
    });
  });
  return { responsibilities: problems.length ? [] : responsibilities, problems };
}
