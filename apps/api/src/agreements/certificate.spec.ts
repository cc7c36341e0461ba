import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  canonicalJson,
  defaultEscalationPolicy,
  type EscalationPolicy,
  type MatrixContent,
  type Responsibility,
  sha256Hex,
  templateContent,
} from '@accord/raci';
import { type CertificateInput, describeSchedule, renderCertificate, winAnsi } from './certificate';

/**
 * pdfjs-dist is ESM only, and jest runs this file as CommonJS without an ESM loader, so the text
 * is extracted by a real pdfjs in a child Node process: the PDF goes in on stdin, the text of each
 * page comes back as JSON.
 */
const PDFJS = pathToFileURL(join(dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')).href;
const EXTRACT = `
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { getDocument } = await import(process.argv[1]);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n += 1) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : ' ') : '')).join('');
  pages.push({ text, width: page.view[2], height: page.view[3] });
}
process.stdout.write(JSON.stringify(pages));
`;

interface PdfPage {
  /** Whitespace collapsed, so that wrapped lines read as one. */
  text: string;
  /** In points. */
  width: number;
  height: number;
}

function pdfPages(pdf: Buffer): PdfPage[] {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', EXTRACT, PDFJS], {
    input: pdf,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`pdfjs failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as PdfPage[]).map((page) => ({ ...page, text: page.text.replace(/\s+/g, ' ') }));
}

// Each extraction starts a Node process and loads pdfjs: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

function pdfText(pdf: Buffer): string[] {
  return pdfPages(pdf).map((page) => page.text);
}

function policyFor(matrix: MatrixContent): EscalationPolicy {
  const policy = defaultEscalationPolicy(matrix, 'America/New_York');
  return {
    ...policy,
    coverage: policy.coverage.map((c) =>
      c.partyKey === 'internal_it'
        ? { ...c, weekly: c.weekly.map((w) => ({ ...w, start: '07:30', end: '16:30' })), holidays: ['2026-12-25'] }
        : c,
    ),
    contacts: [
      {
        key: 'ida',
        partyKey: 'internal_it',
        name: 'Ida Lindqvist',
        role: 'IT administrator',
        phone: '+1 555 0142',
        email: 'ida@harbordental.example',
      },
      {
        key: 'noc',
        partyKey: 'msp',
        name: 'Northwind NOC on-call',
        role: '24/7 on-call engineer',
        phone: '+1 555 0100',
        email: 'noc@northwind.example',
      },
      {
        key: 'olivia',
        partyKey: 'business',
        name: 'Olivia Grant',
        role: 'Practice owner',
        phone: '+1 555 0143',
        email: 'olivia@harbordental.example',
      },
    ],
    paths: [
      {
        key: 'security_incident_p1',
        category: 'threat_response',
        responsibilityKey: null,
        severities: ['p1'],
        steps: [
          { partyKey: 'internal_it', contactKey: 'ida', channel: 'phone', waitMinutes: 10 },
          { partyKey: 'msp', contactKey: 'noc', channel: 'phone', waitMinutes: 15 },
          { partyKey: 'business', contactKey: 'olivia', channel: 'sms', waitMinutes: 0 },
        ],
        repeat: 2,
        afterHours: { steps: [{ partyKey: 'msp', contactKey: 'noc', channel: 'phone', waitMinutes: 10 }], repeat: 1 },
        review: null,
      },
    ],
  };
}

function certificateInput(matrix: MatrixContent = templateContent('co_managed')): CertificateInput {
  matrix.parties[0].name = 'Northwind IT';
  const snapshot = { matrix, escalation: policyFor(matrix) };
  const hash = sha256Hex(canonicalJson(snapshot));
  const signature = (partyName: string, userName: string, role: string, at: string, ip: string) => ({
    partyName,
    userName,
    role,
    at,
    ip,
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    hash,
  });
  return {
    workspaceName: 'Northwind IT Services',
    clientName: 'Harbor Dental',
    matrixName: 'Harbor Dental IT responsibilities',
    versionNumber: 3,
    hash,
    requestedAt: '2026-03-02T09:15:00.000Z',
    requestedBy: 'Mia Chen',
    approvedAt: '2026-03-12T14:03:27.000Z',
    snapshot,
    signatures: [
      signature('Northwind IT', 'Mia Chen', 'msp_engineer', '2026-03-02T09:20:11.000Z', '203.0.113.7'),
      signature('Internal IT', 'Ida Lindqvist', 'client_it_admin', '2026-03-05T16:41:02.000Z', '198.51.100.23'),
      signature('Business', 'Olivia Grant', 'client_owner', '2026-03-12T14:03:27.000Z', '2001:db8::42'),
    ],
    verifyUrl: 'https://accord.example/w/northwind/matrices/harbor/versions/3',
  };
}

/** `count` rows cycled from the template, each with its own key and title. */
function manyRows(count: number): MatrixContent {
  const content = templateContent('co_managed');
  const template = content.responsibilities;
  const rows: Responsibility[] = Array.from({ length: count }, (_, i) => ({
    ...template[i % template.length],
    key: `row_${i}`,
    title: `${template[i % template.length].title} (${i + 1})`,
  }));
  return { ...content, responsibilities: rows };
}

describe('renderCertificate', () => {
  let input: CertificateInput;
  let pdf: Buffer;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    input = certificateInput();
    pdf = await renderCertificate(input);
    pages = pdfText(pdf);
    text = pages.join(' ');
  });

  it('renders a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('prints the title block with the full hash as one string', () => {
    expect(input.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pages[0]).toContain('Certificate of agreement');
    expect(pages[0]).toContain(input.hash);
    expect(pages[0]).toContain('Harbor Dental');
    expect(pages[0]).toContain('Northwind IT Services');
    expect(pages[0]).toContain('Harbor Dental IT responsibilities');
    expect(pages[0]).toContain('12 March 2026, 14:03 UTC');
  });

  it('shows every party, the responsibilities, the legend and the critical marks', () => {
    for (const party of input.snapshot.matrix.parties) expect(text).toContain(party.name);
    expect(text).toContain(input.snapshot.matrix.responsibilities[0].title);
    expect(text).toContain('R = Responsible (does the work)');
    expect(text).toContain('A = Accountable (answers for the result)');
    expect(text).toContain('CRITICAL');
  });

  it('summarises the escalation policy in plain words', () => {
    expect(text).toContain('P1 Emergency');
    expect(text).toContain('Mon–Fri 08:00–17:00 (America/New_York)');
    expect(text).toContain('24/7');
    expect(text).toContain('1. Internal IT – Ida Lindqvist by phone, wait 10 min');
    expect(text).toContain('3. Business – Olivia Grant by SMS, next step at once');
    expect(text).toContain('runs 2 more times');
    expect(text).toContain('After hours');
  });

  it('lists every signature with its IP, user agent, time in UTC and the hash it binds to', () => {
    for (const s of input.signatures) {
      expect(text).toContain(s.userName);
      expect(text).toContain(s.ip);
    }
    expect(text).toContain('2026-03-05 16:41:02 UTC');
    expect(text).toContain('Chrome/131.0');
    expect(text).toContain('Matches the SHA-256 of this version.');
    expect(text.split(input.hash).length - 1).toBeGreaterThanOrEqual(1 + input.signatures.length);
  });

  it('explains how to verify the hash', () => {
    expect(text).toContain('How to verify');
    expect(text).toContain('npm run verify-version -- <file.json>');
    expect(text).toContain(input.verifyUrl);
  });

  it('numbers every page and repeats the hash prefix in the footer', () => {
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain(`SHA-256 ${input.hash.slice(0, 16)}`);
    });
  });

  it('lists the sections with the pages they start on', () => {
    const titles = ['1. Responsibility matrix', '2. Escalation policy', '3. Signatures', '4. How to verify'];
    const contents = pages.find((page) => page.includes('Contents')) ?? '';
    const listed = [...contents.matchAll(/page (\d+)/g)].map((match) => Number(match[1]));
    expect(listed).toEqual(titles.map((title) => pages.findLastIndex((page) => page.includes(title)) + 1));
  });

  it('renders the same input to the same bytes', async () => {
    const again = await renderCertificate(certificateInput());
    expect(again.equals(pdf)).toBe(true);
    // The creation date is the approval, not the moment of rendering.
    expect(pdf.toString('latin1')).toContain('(D:20260312140327Z)');
  });

  it('flags a signature bound to another hash', async () => {
    const tampered = certificateInput();
    tampered.signatures[1] = { ...tampered.signatures[1], hash: 'f'.repeat(64) };
    const found = pdfText(await renderCertificate(tampered)).join(' ');
    expect(found).toContain('DOES NOT MATCH the SHA-256 of this version.');
  });

  it('breaks a 200-row matrix over several pages, repeating the party header on each', async () => {
    const large = certificateInput(manyRows(200));
    const largePages = pdfText(await renderCertificate(large));
    expect(largePages.length).toBeGreaterThan(5);
    expect(largePages[0]).toContain(`Page 1 of ${largePages.length}`);
    const gridPages = largePages.filter((page) => /[a-z] \(\d+\) /.test(page));
    expect(gridPages.length).toBeGreaterThan(3);
    for (const page of gridPages) expect(page).toContain('Responsibility Northwind IT Internal IT Business');
    expect(largePages.join(' ')).toContain('(200)');
  });

  it('prints on A4, and turns the grid pages to landscape when the parties do not fit upright', async () => {
    const wide = certificateInput();
    for (let i = 1; i <= 8; i += 1) {
      wide.snapshot.matrix.parties.push({
        key: `vendor_${i}`,
        name: `Vendor ${i}`,
        kind: 'custom',
        requiredToSign: false,
      });
    }
    const widePages = pdfPages(await renderCertificate(wide));
    const a4 = (page: PdfPage) => [Math.round(page.width), Math.round(page.height)].join('x');
    expect(a4(widePages[0])).toBe('595x842');
    const grid = widePages.filter((page) => page.text.includes('Responsibility Northwind IT Internal IT Business'));
    expect(grid.length).toBeGreaterThan(0);
    for (const page of grid) {
      expect(a4(page)).toBe('842x595');
      expect(page.text).toContain('Vendor 8');
    }
    expect(a4(widePages[widePages.length - 1])).toBe('595x842');
    expect(pdfPages(pdf).every((page) => a4(page) === '595x842')).toBe(true);
  });

  it('replaces characters the standard fonts cannot show', async () => {
    const odd = certificateInput();
    odd.clientName = 'Łódź Dental → Zürich ✓ 日本 😀';
    const found = pdfText(await renderCertificate(odd)).join(' ');
    expect(found).toContain('Lódz Dental -> Zürich v ?? ?');
  });
});

describe('winAnsi', () => {
  it('keeps WinAnsi text, including en dashes and euro signs, and replaces the rest', () => {
    expect(winAnsi('Mon–Fri 08:00–17:00 €5 “quoted” café')).toBe('Mon–Fri 08:00–17:00 €5 “quoted” café');
    expect(winAnsi('a → b ≥ c\u00a0d\u2009e\u200bf\tg')).toBe('a -> b >= c\u00a0d ef g');
    expect(winAnsi('Ångström Łukasz Dvořák ﬁle')).toBe('Ångström Lukasz Dvorák file');
    expect(winAnsi('\u0000bell\u0007 Ω 🙂')).toBe('bell ? ?');
  });
});

describe('describeSchedule', () => {
  it('writes hours in plain words', () => {
    const policy = defaultEscalationPolicy(templateContent('co_managed'), 'Europe/Berlin');
    expect(describeSchedule(policy.businessHours)).toBe('Mon–Fri 08:00–17:00 (Europe/Berlin)');
    expect(describeSchedule({ ...policy.businessHours, alwaysOn: true })).toBe('24/7');
    expect(
      describeSchedule({
        ...policy.businessHours,
        weekly: [
          { day: 'mon', start: '08:00', end: '12:00' },
          { day: 'mon', start: '13:00', end: '17:00' },
          { day: 'tue', start: '13:00', end: '17:00' },
          { day: 'tue', start: '08:00', end: '12:00' },
          { day: 'sat', start: '09:00', end: '24:00' },
        ],
      }),
    ).toBe('Mon–Tue 08:00–12:00, 13:00–17:00; Sat 09:00–24:00 (Europe/Berlin)');
  });
});
