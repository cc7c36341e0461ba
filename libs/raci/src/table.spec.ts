import fc from 'fast-check';
import { CATEGORIES, type MatrixContent, type Party, TOOL_ACCESS_KINDS } from './matrix';
import { normalizeMatrix } from './hash';
import { RACI_LETTERS } from './raci';
import { matrixToTable, tableToResponsibilities } from './table';
import { templateContent } from './templates';

const parties: Party[] = [
  { key: 'msp', name: 'MSP', kind: 'msp', requiredToSign: true },
  { key: 'internal_it', name: 'Internal IT', kind: 'internal_it', requiredToSign: true },
  { key: 'cloud_vendor', name: 'Cloud vendor', kind: 'custom', requiredToSign: false },
];

const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).map((s) => s.trim()).filter((s) => s.length > 0);
const contentArb: fc.Arbitrary<MatrixContent> = fc
  .uniqueArray(
    fc.record({
      key: fc.stringMatching(/^[a-z][a-z0-9]{0,8}(_[a-z0-9]{1,5})?$/),
      category: fc.constantFrom(...CATEGORIES.map((c) => c.key)),
      title: text(40),
      description: fc.string({ maxLength: 60 }).map((s) => s.trim()),
      critical: fc.boolean(),
      afterHours: fc.boolean(),
      toolAccess: fc.option(fc.constantFrom(...TOOL_ACCESS_KINDS), { nil: undefined }),
      letters: fc.record({ msp: fc.constantFrom(...RACI_LETTERS), internal_it: fc.constantFrom(...RACI_LETTERS), cloud_vendor: fc.constantFrom(...RACI_LETTERS) }, { requiredKeys: [] }),
    }),
    { selector: (r) => r.key, maxLength: 15 },
  )
  .map((rows) => ({
    model: 'co_managed',
    parties,
    responsibilities: rows.map(({ afterHours, toolAccess, letters, ...r }) => ({ ...r, letters: { ...letters }, ...(afterHours ? { afterHours } : {}), ...(toolAccess ? { toolAccess } : {}) })),
  }));

describe('the matrix as a table', () => {
  it('reads back exactly what it wrote, for any matrix', () => {
    fc.assert(
      fc.property(contentArb, (content) => {
        const { responsibilities, problems } = tableToResponsibilities(matrixToTable(content), content.parties);
        expect(problems).toEqual([]);
        expect(normalizeMatrix({ ...content, responsibilities })).toEqual(normalizeMatrix(content));
      }),
    );
  });

  it('round-trips both built-in templates', () => {
    for (const key of ['fully_managed', 'co_managed'] as const) {
      const content = templateContent(key);
      const { responsibilities, problems } = tableToResponsibilities(matrixToTable(content), content.parties);
      expect(problems).toEqual([]);
      expect(normalizeMatrix({ ...content, responsibilities })).toEqual(normalizeMatrix(content));
    }
  });

  it('names the row and the column of a letter that is not R, A, C or I, and returns no rows', () => {
    const table = matrixToTable(templateContent('co_managed'));
    const itColumn = table[0].indexOf('Internal IT');
    table[6][itColumn] = 'X'; // spreadsheet row 7
    const { responsibilities, problems } = tableToResponsibilities(table, templateContent('co_managed').parties);
    expect(problems).toEqual([{ row: 7, column: 'Internal IT', message: '"X" is not one of R, A, C, I' }]);
    expect(responsibilities).toEqual([]);
  });

  it('reports every problem at once: unknown category, missing title, duplicate key, bad flag', () => {
    const table = [
      ['Category', 'Key', 'Responsibility', 'Critical', 'MSP'],
      ['Help desk', 'a', 'Password resets', 'yes', 'R'],
      ['Plumbing', 'b', 'Fix the taps', '', 'R'],
      ['Help desk', 'a', '', 'maybe', 'r'],
    ];
    const { problems } = tableToResponsibilities(table, parties);
    expect(problems).toEqual([
      { row: 3, column: 'Category', message: '"Plumbing" is not a category' },
      { row: 4, column: 'Responsibility', message: 'a responsibility needs a title' },
      { row: 4, column: 'Key', message: 'the key "a" appears twice' },
      { row: 4, column: 'Critical', message: '"maybe" is not yes or no' },
    ]);
  });

  it('refuses a column that names no party, and a header without the required columns', () => {
    expect(tableToResponsibilities([['Category', 'Responsibility', 'Janitor']], parties).problems).toEqual([
      { row: 1, column: 'Janitor', message: 'no party of this matrix is called "Janitor"' },
    ]);
    expect(tableToResponsibilities([['Title']], parties).problems.map((p) => p.column)).toEqual(['Category', 'Responsibility', 'Title']);
  });

  it('accepts category labels or keys, lower-case letters, and skips blank lines', () => {
    const table = [['Category', 'Responsibility', 'MSP', 'Internal IT'], ['backups', 'Nightly backup', 'r', 'a'], ['', '', '', ''], ['Help desk', 'Tier 1', 'A', 'R']];
    const { responsibilities, problems } = tableToResponsibilities(table, parties);
    expect(problems).toEqual([]);
    expect(responsibilities.map((r) => [r.key, r.category, r.letters])).toEqual([
      ['nightly_backup', 'backups', { msp: 'R', internal_it: 'A' }],
      ['tier_1', 'help_desk', { msp: 'A', internal_it: 'R' }],
    ]);
  });
});
