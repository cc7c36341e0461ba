import { matrixHash, type MatrixContent } from '@accord/raci';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type Actor, createClient, signUp } from './support/actors';
import { createTestApp, type TestApp } from './support/test-app';

interface View {
  id: string;
  version: number;
  model: MatrixContent['model'];
  parties: { id: string; key: string; name: string; kind: MatrixContent['parties'][number]['kind']; requiredToSign: boolean }[];
  responsibilities: { key: string; category: string; title: string; description: string; critical: boolean; afterHours: boolean; toolAccess: string | null; letters: Record<string, string> }[];
}

/** The view as domain content, to compare whole matrices by their hash. */
function contentOf(view: View): MatrixContent {
  const keyOf = new Map(view.parties.map((p) => [p.id, p.key]));
  return {
    model: view.model,
    parties: view.parties.map((p) => ({ key: p.key, name: p.name, kind: p.kind, requiredToSign: p.requiredToSign })),
    responsibilities: view.responsibilities.map((r) => ({
      key: r.key,
      category: r.category as MatrixContent['responsibilities'][number]['category'],
      title: r.title,
      description: r.description,
      critical: r.critical,
      ...(r.afterHours ? { afterHours: true } : {}),
      ...(r.toolAccess ? { toolAccess: r.toolAccess as 'rmm' } : {}),
      letters: Object.fromEntries(Object.entries(r.letters).map(([id, l]) => [keyOf.get(id) as string, l as 'R'])),
    })),
  };
}

describe('matrix export and import', () => {
  let t: TestApp;
  let admin: Actor;
  let matrix: View;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signUp(t);
    const client = await createClient(admin, 'Files Dental');
    matrix = (await admin.agent.post(`/api/workspaces/${admin.workspaceId}/clients/${client.id}/matrices`).send({ name: 'Files: IT work', template: 'co_managed' }).expect(201)).body;
  });
  afterAll(() => t.close());
  const base = () => `/api/workspaces/${admin.workspaceId}/matrices/${matrix.id}`;
  const current = async () => (await admin.agent.get(base()).expect(200)).body as View;

  it('exports CSV that imports back to the same matrix', async () => {
    const csv = await admin.agent.get(`${base()}/export.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="Files IT work\.csv"/);
    const before = await current();
    const res = await admin.agent.post(`${base()}/import`).set('If-Match', `"${before.version}"`).attach('file', Buffer.from(csv.text), 'matrix.csv').expect(200);
    expect(res.body.version).toBe(before.version + 1);
    expect(matrixHash(contentOf(res.body))).toBe(matrixHash(contentOf(before)));
  });

  it('exports XLSX whose cells carry the same letters, and which imports back unchanged', async () => {
    const res = await admin.agent.get(`${base()}/export.xlsx`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const before = await current();
    const msp = before.parties.find((p) => p.key === 'msp') as View['parties'][number];
    const first = before.responsibilities[0];
    expect(sheet.getRow(2).getCell(header.indexOf('MSP') + 1).text).toBe(first.letters[msp.id] ?? '');
    expect(sheet.getRow(2).getCell(header.indexOf('Responsibility') + 1).text).toBe(first.title);
    const back = await admin.agent.post(`${base()}/import`).set('If-Match', `"${before.version}"`).attach('file', res.body, 'matrix.xlsx').expect(200);
    expect(matrixHash(contentOf(back.body))).toBe(matrixHash(contentOf(before)));
  });

  it('refuses a file with the letter X in row 7, naming row 7 and the column, and writes nothing', async () => {
    const before = await current();
    const text = (await admin.agent.get(`${base()}/export.csv`).expect(200)).text.replace(/^\uFEFF/, '');
    const table = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const column = table[0].indexOf('Internal IT');
    expect(column).toBeGreaterThan(0);
    table[6][column] = 'X'; // the spreadsheet's row 7: the header is row 1
    const res = await admin.agent.post(`${base()}/import`).set('If-Match', `"${before.version}"`).attach('file', Buffer.from(Papa.unparse(table)), 'bad.csv').expect(400);
    expect(res.body.details).toEqual([{ field: 'row 7, Internal IT', row: 7, column: 'Internal IT', message: '"X" is not one of R, A, C, I' }]);
    const after = await current();
    expect(after.version).toBe(before.version);
    expect(matrixHash(contentOf(after))).toBe(matrixHash(contentOf(before)));
  });

  it('needs If-Match, refuses a stale one, and refuses what is not a table', async () => {
    const before = await current();
    const csv = (await admin.agent.get(`${base()}/export.csv`).expect(200)).text;
    await admin.agent.post(`${base()}/import`).attach('file', Buffer.from(csv), 'm.csv').expect(428);
    await admin.agent.post(`${base()}/import`).set('If-Match', `"${before.version - 1}"`).attach('file', Buffer.from(csv), 'm.csv').expect(412);
    const pdf = await admin.agent.post(`${base()}/import`).set('If-Match', `"${before.version}"`).attach('file', Buffer.from('%PDF-1.4'), 'm.pdf').expect(400);
    expect(pdf.body.details[0].field).toBe('file');
    const broken = await admin.agent.post(`${base()}/import`).set('If-Match', `"${before.version}"`).attach('file', Buffer.from('not a zip'), 'm.xlsx').expect(400);
    expect(broken.body.details[0].field).toBe('file');
    await admin.agent.post(`${base()}/import`).set('If-Match', `"${before.version}"`).expect(400);
  });
});
