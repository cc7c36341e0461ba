import PDFDocument from 'pdfkit';
import {
  CATEGORIES,
  categoryLabel,
  type Channel,
  type EscalationPath,
  type EscalationPolicy,
  type EscalationStep,
  isRole,
  letterOf,
  type MatrixContent,
  PARTY_KIND_LABELS,
  RACI_LETTER_NAMES,
  RACI_LETTERS,
  type RaciLetter,
  type Responsibility,
  ROLE_LABELS,
  type Schedule,
  type StepSequence,
  SUPPORT_MODEL_LABELS,
  TOOL_ACCESS_LABELS,
  WEEKDAYS,
} from '@accord/raci';

/**
 * The certificate of an approved version: the PDF an auditor or insurer receives. It reproduces
 * what was signed (the matrix and its escalation policy), who signed it, from where, and the
 * SHA-256 every signature is bound to, and it says how to check that hash independently.
 *
 * Only PDFKit's built-in standard fonts are used (Helvetica and Courier, never embedded), so the
 * text is limited to WinAnsi: everything is passed through `winAnsi` first. The output depends only
 * on the input: the creation date is the approval date, so two renders are byte-identical.
 */

export interface CertificateSignature {
  partyName: string;
  userName: string;
  role: string;
  /** ISO date-time of the signature. */
  at: string;
  ip: string | null;
  userAgent: string | null;
  /** The hash the signature is bound to; equal to the version's hash for a valid signature. */
  hash: string;
}

export interface CertificateInput {
  /** The MSP. */
  workspaceName: string;
  clientName: string;
  matrixName: string;
  versionNumber: number;
  /** The version's SHA-256, lower-case hex (64 characters). */
  hash: string;
  requestedAt: string;
  requestedBy: string;
  /** ISO date-time of the last signature, when the version became the agreement in effect. */
  approvedAt: string;
  snapshot: { matrix: MatrixContent; escalation: EscalationPolicy };
  signatures: CertificateSignature[];
  /** Where the version can be seen in Accord, e.g. https://host/w/.../matrices/.../versions/3. */
  verifyUrl?: string;
}

export async function renderCertificate(input: CertificateInput): Promise<Buffer> {
  const created = parseDate(input.approvedAt) ?? new Date(0);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    lang: 'en',
    displayTitle: true,
    // Metadata strings are written as UTF-16 when needed: unlike the page text, they keep every character.
    info: {
      Title: `Certificate of agreement: ${input.matrixName}, version ${input.versionNumber}`,
      Author: input.workspaceName,
      Subject: `${input.clientName}, ${input.matrixName}, version ${input.versionNumber}, SHA-256 ${input.hash}`,
      Keywords: `responsibility matrix, RACI, agreement, SHA-256 ${input.hash}`,
      Creator: 'Accord',
      Producer: 'Accord (PDFKit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const page = new Layout(doc);
  page.newPage('portrait');
  const contents = titlePage(page, input);
  const sections = [
    matrixSection(page, input),
    escalationSection(page, input),
    signaturesSection(page, input),
    verifySection(page, input),
  ];
  fillContents(page, contents, sections);
  footers(page, input);
  doc.end();
  return finished;
}

// ---------------------------------------------------------------------------------------------
// Text: WinAnsi only, and dates written the same way on every machine.

/** The characters PDFKit's standard fonts encode beyond Latin-1 (WinAnsi 0x80-0x9F). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const REPLACEMENTS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '⇐': '<=',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '–',
  '―': '—',
  '′': "'",
  '″': '"',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '☐': '[ ]',
  '☑': '[x]',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŉ: "'n",
  ŋ: 'ng',
  Ŋ: 'NG',
  ſ: 's',
  ŧ: 't',
  Ŧ: 'T',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Text the standard fonts can show. PDFKit writes any other character as a broken code (it does not
 * fall back), so: known symbols get a plain equivalent, accented letters outside Latin-1 lose their
 * accent ("Łódź" -> "Lodz"), spaces of every width become a space, control characters go, and
 * anything else (other scripts, emoji) becomes "?".
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    if (isWinAnsi(char)) out += char;
    else if (Object.hasOwn(REPLACEMENTS, char)) out += REPLACEMENTS[char];
    else if (/[\t\p{Zs}\u2028\u2029]/u.test(char)) out += char === '\u2028' || char === '\u2029' ? '\n' : ' ';
    else if (/[\p{Cc}\p{Cf}]/u.test(char)) continue;
    else {
      const plain = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += plain !== '' && [...plain].every(isWinAnsi) ? plain : '?';
    }
  }
  return out;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parseDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "12 March 2026, 14:03 UTC"; the text itself when it is not a date. */
function longDateTime(iso: string): string {
  const d = parseDate(iso);
  if (!d) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2026-03-12 14:03:27 UTC": to the second, for signatures. */
function exactDateTime(iso: string): string {
  const d = parseDate(iso);
  if (!d) return iso;
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** "15 min", "4 hours", "1 h 30 min", "2 days". */
function duration(minutes: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes >= 1440 && minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes >= 60 && minutes % 60 === 0) return plural(minutes / 60, 'hour');
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min`;
}

function times(n: number): string {
  return n === 1 ? 'once more' : `${n} more times`;
}

/** The hash in groups of eight, so that people can compare it a piece at a time. */
function hashGroups(hash: string): string[] {
  return hash.match(/.{1,8}/g) ?? [hash];
}

// ---------------------------------------------------------------------------------------------
// Layout: a cursor over buffered pages, blocks that never split, tables that repeat their header.

type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique' | 'Courier' | 'Courier-Bold';
type Orientation = 'portrait' | 'landscape';

/** One paragraph of a cell or block; a cell stacks its runs top to bottom. */
interface Run {
  text: string;
  font?: FontName;
  size?: number;
  color?: string;
  /** Space above the run, in points. */
  gap?: number;
  align?: 'left' | 'center' | 'right';
}

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  /** Centre the content vertically (letters in the grid). */
  middle?: boolean;
  headerSize?: number;
}

interface TableRow {
  cells: Run[][];
  fills?: (string | null)[];
  /** A coloured bar at the left edge of the row (critical rows). */
  mark?: string;
}

interface TableGroup {
  /** A full-width heading row over the group; repeated, marked "continued", after a page break. */
  band?: { title: string; note?: string };
  rows: TableRow[];
}

const MARGINS = { top: 56, bottom: 64, left: 50, right: 50 };
const INK = '#111827';
const MUTED = '#4b5563';
const FAINT = '#9ca3af';
const RULE = '#d1d5db';
const HEADER_FILL = '#e5e7eb';
const BAND_FILL = '#f3f4f6';
const CRITICAL = '#b91c1c';
const LINE_GAP = 1.5;
const CELL_X = 4;
const CELL_Y = 3.5;

class Layout {
  y = 0;
  private orientation: Orientation = 'portrait';

  constructor(readonly doc: PDFKit.PDFDocument) {}

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get usable(): number {
    return this.bottom - this.doc.page.margins.top;
  }

  /** The number of the current page, from 1. */
  get pageNumber(): number {
    return this.doc.bufferedPageRange().count;
  }

  newPage(orientation: Orientation = this.orientation): void {
    this.orientation = orientation;
    this.doc.addPage({ size: 'A4', layout: orientation, margins: MARGINS });
    this.y = this.doc.page.margins.top;
  }

  /** Starts a new page unless `height` still fits on this one; true when it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  private style(run: Run): void {
    this.doc
      .font(run.font ?? 'Helvetica')
      .fontSize(run.size ?? 9)
      .fillColor(run.color ?? INK);
  }

  /** Heights by font, size, width and text: a table measures each cell several times. */
  private readonly heights = new Map<string, number>();

  measureRun(run: Run, width: number): number {
    if (run.text === '') return 0;
    const key = `${run.font ?? 'Helvetica'}|${run.size ?? 9}|${width}|${run.text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      this.style(run);
      height = this.doc.heightOfString(run.text, { width, lineGap: LINE_GAP });
      this.heights.set(key, height);
    }
    return (run.gap ?? 0) + height;
  }

  measure(runs: readonly Run[], width: number): number {
    return runs.reduce((sum, run) => sum + this.measureRun(run, width), 0);
  }

  /**
   * Draws the runs from (x, y) and returns the height used. Nothing is drawn below `maxHeight`:
   * the last visible line ends with an ellipsis instead (PDFKit clips rather than breaking the page
   * when it is given a height).
   */
  draw(runs: readonly Run[], x: number, y: number, width: number, maxHeight = Infinity): number {
    let used = 0;
    for (const run of runs) {
      if (run.text === '') continue;
      const top = used + (run.gap ?? 0);
      const height = this.measureRun(run, width) - (run.gap ?? 0);
      const room = maxHeight - top;
      this.style(run);
      if (room < this.doc.currentLineHeight(true)) break;
      this.doc.text(run.text, x, y + top, {
        width,
        lineGap: LINE_GAP,
        align: run.align ?? 'left',
        height: Math.min(height + 1, room),
        ellipsis: height > room,
      });
      used = top + Math.min(height, room);
    }
    return used;
  }

  /** A block that is never split: moved to the next page when it does not fit (unless taller than a page). */
  block(runs: readonly Run[], options: { after?: number } = {}): void {
    const height = this.measure(runs, this.width);
    if (height > this.usable) {
      this.flow(runs);
    } else {
      this.ensure(height);
      this.draw(runs, this.left, this.y, this.width);
      this.y += height;
    }
    this.y += options.after ?? 0;
  }

  /** Text longer than a page: PDFKit breaks it over as many pages as it needs. */
  private flow(runs: readonly Run[]): void {
    for (const run of runs) {
      if (run.text === '') continue;
      this.y += run.gap ?? 0;
      this.style(run);
      this.ensure(this.doc.currentLineHeight(true) * 2);
      this.doc.text(run.text, this.left, this.y, { width: this.width, lineGap: LINE_GAP });
      this.y = this.doc.y;
    }
  }

  rule(color = RULE, weight = 0.5): void {
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(weight)
      .strokeColor(color)
      .stroke();
  }

  /** A numbered section title, kept with at least `keep` points of what follows; returns its page. */
  heading(title: string, keep = 90): number {
    const run: Run = { text: title, font: 'Helvetica-Bold', size: 15 };
    this.ensure(this.measure([run], this.width) + keep);
    this.y += this.draw([run], this.left, this.y, this.width) + 3;
    this.rule(INK, 0.8);
    this.y += 8;
    this.doc.outline.addItem(title);
    return this.pageNumber;
  }

  subheading(title: string, keep = 60): void {
    const run: Run = { text: title, font: 'Helvetica-Bold', size: 11, gap: 6 };
    this.ensure(this.measure([run], this.width) + keep);
    this.y += this.draw([run], this.left, this.y, this.width) + 4;
  }

  /**
   * A table whose rows never split: a row that does not fit starts a new page, where the header
   * row (and the band of the group, marked "continued") is drawn again.
   */
  table(
    columns: readonly Column[],
    groups: readonly TableGroup[],
    options: { header?: boolean; keep?: boolean } = {},
  ): void {
    const showHeader = options.header ?? true;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const headerRuns = columns.map((c): Run[] => [
      { text: c.header, font: 'Helvetica-Bold', size: c.headerSize ?? 7.5, align: c.align },
    ]);
    const headerHeight = showHeader
      ? Math.max(...columns.map((c, i) => this.measure(headerRuns[i], c.width - 2 * CELL_X))) + 2 * CELL_Y
      : 0;
    const bandRuns = (band: NonNullable<TableGroup['band']>, continued: boolean): Run[] => [
      { text: continued ? `${band.title} (continued)` : band.title, font: 'Helvetica-Bold', size: 9 },
      ...(band.note && !continued ? [{ text: band.note, size: 7.5, color: MUTED, gap: 1 }] : []),
    ];
    const bandHeight = (runs: Run[]) => this.measure(runs, total - 2 * CELL_X) + 2 * CELL_Y;
    const rowHeight = (row: TableRow, limit: number) =>
      Math.min(
        limit,
        Math.max(...columns.map((c, i) => this.measure(row.cells[i] ?? [], c.width - 2 * CELL_X))) + 2 * CELL_Y,
      );

    const drawHeader = () => {
      if (!showHeader) return;
      this.doc.rect(this.left, this.y, total, headerHeight).fill(HEADER_FILL);
      let x = this.left;
      columns.forEach((c, i) => {
        const h = this.measure(headerRuns[i], c.width - 2 * CELL_X);
        this.draw(headerRuns[i], x + CELL_X, this.y + (headerHeight - h) / 2, c.width - 2 * CELL_X);
        x += c.width;
      });
      this.y += headerHeight;
      this.hline(total, INK, 0.8);
    };
    const drawBand = (runs: Run[]) => {
      const h = bandHeight(runs);
      this.doc.rect(this.left, this.y, total, h).fill(BAND_FILL);
      this.draw(runs, this.left + CELL_X, this.y + CELL_Y, total - 2 * CELL_X);
      this.y += h;
      this.hline(total, RULE, 0.5);
    };
    const drawRow = (row: TableRow, height: number) => {
      let x = this.left;
      columns.forEach((c, i) => {
        const fill = row.fills?.[i];
        if (fill) this.doc.rect(x, this.y, c.width, height).fill(fill);
        x += c.width;
      });
      if (row.mark) this.doc.rect(this.left, this.y, 2.5, height).fill(row.mark);
      x = this.left;
      columns.forEach((c, i) => {
        const runs = row.cells[i] ?? [];
        const inner = c.width - 2 * CELL_X;
        const content = Math.min(this.measure(runs, inner), height - 2 * CELL_Y);
        // The line box of a capital letter has room for descenders below: nudged down to look centred.
        const top = c.middle ? (height - content) / 2 + LINE_GAP : CELL_Y;
        this.draw(
          runs.map((r) => ({ align: c.align, ...r })),
          x + CELL_X,
          this.y + top,
          inner,
          height - 2 * CELL_Y,
        );
        if (i > 0) this.vline(x, height);
        x += c.width;
      });
      this.y += height;
      this.hline(total, RULE, 0.5);
    };

    const limit = this.usable - headerHeight - 40;
    if (options.keep) {
      // The whole table on one page when it can be: a signature is read as one record.
      const rows = groups.flatMap((g) => g.rows.map((row) => rowHeight(row, limit)));
      const bands = groups.flatMap((g) => (g.band ? [bandHeight(bandRuns(g.band, false))] : []));
      const total = headerHeight + [...rows, ...bands].reduce((sum, h) => sum + h, 0);
      if (total <= this.usable) this.ensure(total);
    }
    let started = false;
    for (const group of groups) {
      const band = group.band ? bandRuns(group.band, false) : null;
      const first = group.rows[0] ? rowHeight(group.rows[0], limit) : 0;
      // A group heading never ends a page alone, and the header row never stands without a row.
      const needed = (started ? 0 : headerHeight) + (band ? bandHeight(band) : 0) + first;
      if (this.ensure(needed) || !started) drawHeader();
      started = true;
      if (band) drawBand(band);
      for (const row of group.rows) {
        const height = rowHeight(row, limit);
        if (this.ensure(height)) {
          drawHeader();
          if (group.band) drawBand(bandRuns(group.band, true));
        }
        drawRow(row, height);
      }
    }
  }

  private hline(width: number, color: string, weight: number): void {
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + width, this.y)
      .lineWidth(weight)
      .strokeColor(color)
      .stroke();
  }

  private vline(x: number, height: number): void {
    this.doc
      .moveTo(x, this.y)
      .lineTo(x, this.y + height)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
  }
}

// ---------------------------------------------------------------------------------------------
// Page 1: what was agreed, between whom, and the hash.

interface ContentsEntry {
  title: string;
  /** Where the line of the entry is: page index from 0, and y. */
  page: number;
  y: number;
}

const SECTION_TITLES = ['1. Responsibility matrix', '2. Escalation policy', '3. Signatures', '4. How to verify'];

function titlePage(page: Layout, input: CertificateInput): ContentsEntry[] {
  const { matrix, escalation } = input.snapshot;
  const t = (text: string) => winAnsi(text);
  page.block(
    [
      { text: 'ACCORD', font: 'Helvetica-Bold', size: 8, color: MUTED },
      { text: 'Certificate of agreement', font: 'Helvetica-Bold', size: 26, gap: 4 },
      {
        text: t(`${input.matrixName}, version ${input.versionNumber}`),
        size: 13,
        color: MUTED,
        gap: 4,
      },
    ],
    { after: 14 },
  );

  const categories = new Set(matrix.responsibilities.map((r) => r.category)).size;
  const critical = matrix.responsibilities.filter((r) => r.critical).length;
  const facts: [string, string][] = [
    ['Client', input.clientName],
    ['Managed service provider', input.workspaceName],
    ['Matrix', input.matrixName],
    ['Version', String(input.versionNumber)],
    ['Support model', SUPPORT_MODEL_LABELS[matrix.model] ?? matrix.model],
    ['Sign-off requested', `${longDateTime(input.requestedAt)} by ${input.requestedBy}`],
    ['Approved on', longDateTime(input.approvedAt)],
    [
      'Content',
      `${plural(matrix.responsibilities.length, 'responsibility', 'responsibilities')} in ${plural(categories, 'category', 'categories')} ` +
        `(${critical} critical), ${plural(matrix.parties.length, 'party', 'parties')}; ` +
        `${plural(escalation.severities.length, 'severity level', 'severity levels')}, ${plural(escalation.paths.length, 'escalation path', 'escalation paths')}`,
    ],
  ];
  page.table(
    [
      { header: '', width: 150 },
      { header: '', width: page.width - 150 },
    ],
    [
      {
        rows: facts.map(([label, value]) => ({
          cells: [
            [{ text: label, font: 'Helvetica-Bold', size: 9, color: MUTED }],
            [
              {
                text: t(value),
                size: 9.5,
                font: label === 'Client' || label === 'Matrix' ? 'Helvetica-Bold' : 'Helvetica',
              },
            ],
          ],
        })),
      },
    ],
    { header: false },
  );
  page.y += 14;
  hashBox(page, input);
  page.y += 12;

  page.block(
    [
      {
        text:
          `The parties listed below signed version ${input.versionNumber} of this responsibility matrix in Accord. ` +
          'Each signature is bound to the SHA-256 above, which is computed over the canonical JSON snapshot of the version: ' +
          'the responsibility matrix and the escalation policy reproduced in sections 1 and 2. Any change to that content ' +
          'gives a different hash and needs new signatures. Section 4 explains how to check the hash.',
        size: 9,
        color: INK,
      },
    ],
    { after: 12 },
  );

  page.subheading('Parties and signatures');
  const signedBy = (name: string) => input.signatures.filter((s) => s.partyName === name);
  const partyRows: TableRow[] = matrix.parties.map((party) => {
    const signed = signedBy(party.name);
    return {
      cells: [
        [{ text: t(party.name), font: 'Helvetica-Bold' }],
        [{ text: PARTY_KIND_LABELS[party.kind] ?? party.kind }],
        [{ text: party.requiredToSign ? 'Yes' : 'No' }],
        signed.length === 0
          ? [{ text: party.requiredToSign ? 'Not signed' : '-', color: party.requiredToSign ? CRITICAL : FAINT }]
          : signed.map((s) => ({ text: t(`${s.userName}, ${exactDateTime(s.at)}`) })),
      ],
    };
  });
  const strangers = input.signatures.filter((s) => !matrix.parties.some((p) => p.name === s.partyName));
  for (const s of strangers) {
    partyRows.push({
      cells: [
        [{ text: t(s.partyName), font: 'Helvetica-Bold' }],
        [{ text: 'Not a column of the matrix', color: MUTED }],
        [{ text: '-' }],
        [{ text: t(`${s.userName}, ${exactDateTime(s.at)}`) }],
      ],
    });
  }
  page.table(
    [
      { header: 'Party', width: 120 },
      { header: 'Kind', width: 85 },
      { header: 'Must sign', width: 55 },
      { header: 'Signed by, at (UTC)', width: page.width - 260 },
    ],
    [{ rows: partyRows }],
  );
  page.y += 14;

  page.subheading('Contents', 80);
  return SECTION_TITLES.map((title) => {
    const line: Run = { text: title, size: 9.5 };
    page.ensure(page.measure([line], page.width));
    const entry = { title, page: page.pageNumber - 1, y: page.y };
    page.block([line], { after: 3 });
    return entry;
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The hash in groups (to read) and as one string (to copy, and for text search). */
function hashBox(page: Layout, input: CertificateInput): void {
  const hash = winAnsi(input.hash);
  const groups = hashGroups(hash);
  const lines = [groups.slice(0, 4).join(' '), groups.slice(4).join(' ')].filter((l) => l !== '');
  const inner = page.width - 24;
  // Courier is 0.6 em wide: the one-string form gets the largest size that keeps it on one line.
  const oneLineSize = Math.min(10, inner / (Math.max(hash.length, 1) * 0.6));
  const runs: Run[] = [
    { text: 'SHA-256 of this version', font: 'Helvetica-Bold', size: 9, color: MUTED },
    ...lines.map((line, i): Run => ({ text: line, font: 'Courier-Bold', size: 14, gap: i === 0 ? 5 : 1 })),
    { text: 'The same hash as one string:', size: 8, color: MUTED, gap: 6 },
  ];
  const verify: Run[] = input.verifyUrl
    ? [{ text: winAnsi(`See this version in Accord: ${input.verifyUrl}`), size: 8, color: MUTED, gap: 6 }]
    : [];
  const hashLine = page.doc.font('Courier').fontSize(oneLineSize).currentLineHeight(true) + 2;
  const height = page.measure(runs, inner) + hashLine + page.measure(verify, inner) + 20;
  page.ensure(height);
  const top = page.y;
  page.doc.rect(page.left, top, page.width, height).lineWidth(0.8).fillAndStroke('#f9fafb', INK);
  let y = top + 10 + page.draw(runs, page.left + 12, top + 10, inner);
  // One text operation and no line break, so that text extraction finds the 64 characters together.
  page.doc
    .font('Courier')
    .fontSize(oneLineSize)
    .fillColor(INK)
    .text(hash, page.left + 12, y + 2, { lineBreak: false });
  y += hashLine;
  if (input.verifyUrl) {
    const h = page.draw(verify, page.left + 12, y, inner);
    page.doc.link(page.left + 12, y, inner, h, input.verifyUrl);
  }
  page.y = top + height;
}

// ---------------------------------------------------------------------------------------------
// 1. The grid.

const LETTER_GLOSS: Record<RaciLetter, string> = {
  R: 'does the work',
  A: 'answers for the result',
  C: '',
  I: '',
};

function matrixSection(page: Layout, input: CertificateInput): number {
  const { parties, responsibilities } = input.snapshot.matrix;
  // Beyond about eight parties the columns no longer fit upright: the grid turns to landscape.
  const portraitWidth = 595.28 - MARGINS.left - MARGINS.right;
  const orientation: Orientation = portraitWidth - parties.length * 34 < 200 ? 'landscape' : 'portrait';
  page.newPage(orientation);
  const first = page.heading(SECTION_TITLES[0]);
  const legend = RACI_LETTERS.map(
    (l) => `${l} = ${RACI_LETTER_NAMES[l]}${LETTER_GLOSS[l] ? ` (${LETTER_GLOSS[l]})` : ''}`,
  ).join('     ');
  page.block(
    [
      { text: legend, font: 'Helvetica-Bold', size: 9 },
      {
        text:
          'CRITICAL (and a red bar at the left edge) marks a responsibility the business depends on: a failure cannot wait. ' +
          'AFTER HOURS marks work that must also be done outside business hours. A dash means the party holds no letter.',
        size: 8,
        color: MUTED,
        gap: 4,
      },
    ],
    { after: 10 },
  );
  if (parties.length === 0 || responsibilities.length === 0) {
    page.block([{ text: parties.length === 0 ? 'The matrix has no parties.' : 'The matrix has no responsibilities.' }]);
    return first;
  }

  // About 260 points for the responsibility; party columns between 34 points (22 on a landscape page) and 64.
  const narrowest = orientation === 'landscape' ? 22 : 34;
  const partyWidth = Math.max(narrowest, Math.min(64, Math.floor((page.width - 260) / parties.length)));
  const columns: Column[] = [
    { header: 'Responsibility', width: page.width - partyWidth * parties.length },
    ...parties.map((p): Column => ({
      header: winAnsi(p.name),
      width: partyWidth,
      align: 'center',
      middle: true,
      headerSize: headerSizeFor(page.doc, winAnsi(p.name), partyWidth - 2 * CELL_X),
    })),
  ];
  const groups = groupByCategory(responsibilities).map(([category, rows]): TableGroup => ({
    band: {
      title: winAnsi(categoryLabel(category)),
      note: CATEGORIES.find((c) => c.key === category)?.description,
    },
    rows: rows.map((row) => ({
      mark: row.critical ? CRITICAL : undefined,
      cells: [
        responsibilityCell(row),
        ...parties.map((p): Run[] => {
          const letter = letterOf(row, p.key);
          return [letter ? { text: letter, font: 'Helvetica-Bold', size: 10 } : { text: '–', size: 9, color: FAINT }];
        }),
      ],
      fills: [null, ...parties.map((p) => letterFill(letterOf(row, p.key)))],
    })),
  }));
  page.table(columns, groups);
  return first;
}

/** 7.5 points, or smaller (down to 5) when the longest word of the name would have to be cut. */
function headerSizeFor(doc: PDFKit.PDFDocument, name: string, width: number): number {
  doc.font('Helvetica-Bold').fontSize(7.5);
  const longest = Math.max(...name.split(/\s+/).map((word) => doc.widthOfString(word)));
  return longest <= width ? 7.5 : Math.max(5, Math.floor((7.5 * width * 10) / longest) / 10);
}

function letterFill(letter: RaciLetter | null): string | null {
  if (letter === 'A') return '#d6e0ee';
  if (letter === 'R') return '#edf1f7';
  return null;
}

function responsibilityCell(row: Responsibility): Run[] {
  const flags = [
    row.critical ? 'CRITICAL' : '',
    row.afterHours ? 'AFTER HOURS' : '',
    row.toolAccess ? `TOOL ACCESS: ${TOOL_ACCESS_LABELS[row.toolAccess] ?? row.toolAccess}` : '',
  ].filter((f) => f !== '');
  return [
    { text: winAnsi(row.title), font: 'Helvetica-Bold', size: 8.5 },
    { text: flags.join('  ·  '), font: 'Helvetica-Bold', size: 6.5, color: row.critical ? CRITICAL : MUTED, gap: 1.5 },
    { text: winAnsi(row.description), size: 7.5, color: MUTED, gap: 1.5 },
  ];
}

/** Categories in the order Accord lists them (unknown ones last); rows keep their order inside. */
function groupByCategory(rows: readonly Responsibility[]): [string, Responsibility[]][] {
  const order = (key: string) => {
    const index = CATEGORIES.findIndex((c) => c.key === key);
    return index === -1 ? CATEGORIES.length : index;
  };
  const groups = new Map<string, Responsibility[]>();
  for (const row of rows) groups.set(row.category, [...(groups.get(row.category) ?? []), row]);
  return [...groups].sort(([a], [b]) => order(a) - order(b));
}

// ---------------------------------------------------------------------------------------------
// 2. The escalation policy in plain words.

const DAY_SHORT: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

const CHANNEL_WORDS: Record<Channel, string> = {
  phone: 'by phone',
  sms: 'by SMS',
  email: 'by e-mail',
  ticket: 'by ticket',
  chat: 'by chat',
};

/** "Mon–Fri 08:00–17:00 (America/New_York)", "Mon–Thu 08:00–17:00; Fri 08:00–12:00 (...)" or "24/7". */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.alwaysOn) return '24/7';
  const byDay = WEEKDAYS.map((day) =>
    schedule.weekly
      .filter((w) => w.day === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((w) => `${w.start}–${w.end}`)
      .join(', '),
  );
  const spans: string[] = [];
  for (let i = 0; i < byDay.length;) {
    let j = i;
    while (j + 1 < byDay.length && byDay[j + 1] === byDay[i]) j += 1;
    if (byDay[i] !== '') {
      const days = i === j ? DAY_SHORT[WEEKDAYS[i]] : `${DAY_SHORT[WEEKDAYS[i]]}–${DAY_SHORT[WEEKDAYS[j]]}`;
      spans.push(`${days} ${byDay[i]}`);
    }
    i = j + 1;
  }
  if (spans.length === 0) return `No hours (${schedule.timeZone})`;
  return `${spans.join('; ')} (${schedule.timeZone})`;
}

function holidaysText(schedule: Schedule): string {
  if (schedule.alwaysOn || schedule.holidays.length === 0) return '';
  return `Not on the holidays ${[...schedule.holidays].sort().join(', ')}`;
}

function escalationSection(page: Layout, input: CertificateInput): number {
  const { matrix, escalation } = input.snapshot;
  const partyName = (key: string) => winAnsi(matrix.parties.find((p) => p.key === key)?.name ?? key);
  page.newPage('portrait');
  const first = page.heading(SECTION_TITLES[1]);
  const business = escalation.businessHours;
  page.block(
    [
      {
        text: winAnsi(
          `Business hours of ${input.clientName}: ${describeSchedule(business)}.` +
            (holidaysText(business) ? ` Closed on ${[...business.holidays].sort().join(', ')}.` : '') +
            ' Outside business hours the after-hours targets and the after-hours steps of a path apply.',
        ),
        size: 9,
      },
    ],
    { after: 8 },
  );

  page.subheading('Severity levels and targets');
  const targets = (t: { responseMinutes: number; resolutionMinutes: number }): Run[] => [
    { text: `Response within ${duration(t.responseMinutes)}`, size: 8 },
    { text: `Resolution within ${duration(t.resolutionMinutes)}`, size: 8, gap: 1 },
  ];
  page.table(
    [
      { header: 'Severity', width: 80 },
      { header: 'What qualifies', width: page.width - 80 - 2 * 95 },
      { header: 'Business hours', width: 95 },
      { header: 'After hours', width: 95 },
    ],
    [
      {
        rows: escalation.severities.map((s) => ({
          cells: [
            [{ text: winAnsi(s.name), font: 'Helvetica-Bold', size: 8.5 }],
            [{ text: winAnsi(s.criteria), size: 8 }],
            targets(s.businessHours),
            targets(s.afterHours),
          ],
        })),
      },
    ],
  );
  page.y += 10;

  page.subheading('Coverage: when each party is on duty');
  page.table(
    [
      { header: 'Party', width: 110 },
      { header: 'On duty', width: 220 },
      { header: 'Holidays', width: page.width - 330 },
    ],
    [
      {
        rows: escalation.coverage.map((c) => ({
          cells: [
            [{ text: partyName(c.partyKey), font: 'Helvetica-Bold', size: 8.5 }],
            [{ text: winAnsi(describeSchedule(c)), size: 8.5 }],
            [{ text: winAnsi(c.alwaysOn ? 'Covers holidays' : [...c.holidays].sort().join(', ') || 'None'), size: 8 }],
          ],
        })),
      },
    ],
  );
  page.y += 10;

  page.subheading('Contacts');
  if (escalation.contacts.length === 0) {
    page.block([{ text: 'No contacts are named.', size: 9, color: MUTED }], { after: 10 });
  } else {
    page.table(
      [
        { header: 'Party', width: 85 },
        { header: 'Name', width: 105 },
        { header: 'Role', width: 100 },
        { header: 'Phone', width: 80 },
        { header: 'E-mail', width: page.width - 370 },
      ],
      [
        {
          rows: escalation.contacts.map((c) => ({
            cells: [
              [{ text: partyName(c.partyKey), size: 8.5 }],
              [{ text: winAnsi(c.name), font: 'Helvetica-Bold', size: 8.5 }],
              [{ text: winAnsi(c.role), size: 8.5 }],
              [{ text: winAnsi(c.phone), size: 8.5 }],
              [{ text: winAnsi(c.email), size: 8.5 }],
            ],
          })),
        },
      ],
    );
    page.y += 10;
  }

  page.subheading('Escalation paths');
  if (escalation.paths.length === 0) {
    page.block([{ text: 'No escalation paths are set.', size: 9, color: MUTED }]);
    return first;
  }
  page.table(
    [
      { header: 'Applies to', width: 150 },
      { header: 'Who is called, in order', width: page.width - 150 },
    ],
    [{ rows: escalation.paths.map((path) => ({ cells: pathCells(path, input) })) }],
  );
  return first;
}

function pathCells(path: EscalationPath, input: CertificateInput): Run[][] {
  const { matrix, escalation } = input.snapshot;
  const row = path.responsibilityKey ? matrix.responsibilities.find((r) => r.key === path.responsibilityKey) : null;
  const scope = path.responsibilityKey
    ? `Responsibility: ${row?.title ?? path.responsibilityKey}`
    : `Category: ${categoryLabel(path.category ?? '')}`;
  const severities =
    path.severities.length === 0
      ? 'All severities'
      : path.severities.map((key) => escalation.severities.find((s) => s.key === key)?.name ?? key).join(', ');
  const scopeRuns: Run[] = [
    { text: winAnsi(scope), font: 'Helvetica-Bold', size: 8.5 },
    { text: winAnsi(severities), size: 8, color: MUTED, gap: 2 },
    ...(path.review
      ? [
          {
            text: winAnsi(`Reviewed by ${path.review.name}, ${longDateTime(path.review.at)}`),
            size: 7,
            color: MUTED,
            gap: 2,
          },
        ]
      : []),
  ];
  const sequence = (title: string, seq: StepSequence): Run[] => [
    { text: title, font: 'Helvetica-Bold', size: 8, gap: 3 },
    ...seq.steps.map((step, i): Run => ({ text: winAnsi(`${i + 1}. ${stepText(step, input)}`), size: 8.5, gap: 1 })),
    {
      text:
        seq.repeat === 0
          ? 'Not repeated.'
          : `If nobody answers, the sequence runs ${times(seq.repeat)} (repeat ${seq.repeat}).`,
      size: 8,
      color: MUTED,
      gap: 1.5,
    },
  ];
  const stepRuns: Run[] = path.afterHours
    ? [...sequence('During business hours', path), ...sequence('After hours', path.afterHours)]
    : [...sequence('At all hours', path)];
  return [scopeRuns, stepRuns];
}

/** "Internal IT – Ida Lindqvist by phone, wait 10 min". */
function stepText(step: EscalationStep, input: CertificateInput): string {
  const { matrix, escalation } = input.snapshot;
  const party = matrix.parties.find((p) => p.key === step.partyKey)?.name ?? step.partyKey;
  const contact = step.contactKey ? escalation.contacts.find((c) => c.key === step.contactKey) : null;
  const who = step.contactKey ? (contact ? contact.name : step.contactKey) : 'first available contact';
  const wait = step.waitMinutes === 0 ? 'next step at once' : `wait ${duration(step.waitMinutes)}`;
  return `${party} – ${who} ${CHANNEL_WORDS[step.channel] ?? step.channel}, ${wait}`;
}

// ---------------------------------------------------------------------------------------------
// 3. Signatures and 4. How to verify.

function signaturesSection(page: Layout, input: CertificateInput): number {
  page.y += 8;
  const first = page.heading(SECTION_TITLES[2], 150);
  page.block(
    [
      {
        text:
          'Every signature as Accord recorded it. Times are in UTC; the IP address and browser are those of the request that signed. ' +
          'A signature is valid for this version only if the hash it binds to equals the SHA-256 on page 1.',
        size: 8.5,
        color: MUTED,
      },
    ],
    { after: 8 },
  );
  if (input.signatures.length === 0) {
    page.block([{ text: 'No signatures are recorded.', size: 9 }]);
    return first;
  }
  const labelWidth = 110;
  const valueWidth = page.width - labelWidth;
  // Courier is 0.6 em wide: the bound hash stays on one line in the value column.
  const hashSize = Math.min(9, (valueWidth - 2 * CELL_X) / (64 * 0.6));
  for (const s of input.signatures) {
    const matches = s.hash === input.hash;
    const fact = (label: string, value: Run[]): TableRow => ({
      cells: [[{ text: label, font: 'Helvetica-Bold', size: 8.5, color: MUTED }], value],
    });
    page.table(
      [
        { header: winAnsi(s.partyName), width: labelWidth },
        { header: '', width: valueWidth },
      ],
      [
        {
          rows: [
            fact('Signed by', [{ text: winAnsi(s.userName), font: 'Helvetica-Bold', size: 9 }]),
            fact('Role', [{ text: winAnsi(isRole(s.role) ? `${ROLE_LABELS[s.role]} (${s.role})` : s.role), size: 9 }]),
            fact('Signed at', [{ text: exactDateTime(s.at), size: 9 }]),
            fact('IP address', [{ text: winAnsi(s.ip ?? 'Not recorded'), size: 9 }]),
            fact('User agent', [{ text: winAnsi(s.userAgent ?? 'Not recorded'), size: 8 }]),
            fact('Hash signed', [
              { text: winAnsi(s.hash), font: 'Courier', size: hashSize },
              {
                text: matches ? 'Matches the SHA-256 of this version.' : 'DOES NOT MATCH the SHA-256 of this version.',
                font: 'Helvetica-Bold',
                size: 8,
                color: matches ? '#166534' : CRITICAL,
                gap: 2,
              },
            ]),
          ],
        },
      ],
      { keep: true },
    );
    page.y += 10;
  }
  return first;
}

function verifySection(page: Layout, input: CertificateInput): number {
  page.y += 8;
  const text = (value: string, gap = 5): Run => ({ text: winAnsi(value), size: 9, gap });
  // Each paragraph keeps together; the step with the command keeps with its explanation.
  const paragraphs: Run[][] = [
    [
      text(
        'This certificate is a readable copy. What the parties signed is the canonical JSON snapshot of the version, ' +
          'identified by its SHA-256. To check that a snapshot is the one signed:',
        0,
      ),
    ],
    [
      text(
        `1.  In Accord, open the matrix "${input.matrixName}" of ${input.clientName}, version ${input.versionNumber}, ` +
          "and download the version's JSON export.",
      ),
    ],
    [
      text('2.  In a checkout of the Accord repository, run:'),
      { text: 'npm run verify-version -- <file.json>', font: 'Courier-Bold', size: 10, gap: 4 },
      text(
        'It recomputes the SHA-256 of the canonical JSON snapshot with libs/raci, the same code Accord signs with, and prints OK ' +
          'when it matches the hash recorded in the file, or the hash it found instead.',
        4,
      ),
    ],
    [
      text(
        '3.  Compare that hash with the SHA-256 on page 1 of this certificate and with the signatures in section 3.',
      ),
    ],
    [
      text(
        'Or, without the command line: compare the hash on page 1 with the one Accord shows for this version' +
          (input.verifyUrl ? ':' : '.'),
        8,
      ),
      ...(input.verifyUrl ? [{ text: winAnsi(input.verifyUrl), font: 'Courier' as const, size: 8.5, gap: 2 }] : []),
    ],
    [
      text(
        'If the hashes differ, the content differs from what was signed, and these signatures do not apply to it.',
        8,
      ),
    ],
  ];
  // The section stays on one page when it fits on one.
  const first = page.heading(
    SECTION_TITLES[3],
    Math.min(page.usable - 60, page.measure(paragraphs.flat(), page.width)),
  );
  for (const runs of paragraphs) page.block(runs);
  return first;
}

// ---------------------------------------------------------------------------------------------
// After the content: page numbers in the contents, and footers.

function fillContents(page: Layout, entries: readonly ContentsEntry[], pages: readonly number[]): void {
  entries.forEach((entry, i) => {
    page.doc.switchToPage(entry.page);
    page.doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(`page ${pages[i]}`, page.left, entry.y, { width: page.width, align: 'right', lineBreak: false });
  });
}

function footers(page: Layout, input: CertificateInput): void {
  const { doc } = page;
  const range = doc.bufferedPageRange();
  const context = winAnsi(
    `Certificate of agreement · ${input.clientName} · ${input.matrixName}, version ${input.versionNumber}`,
  );
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGINS.bottom + 18;
    const number = `Page ${i + 1} of ${range.count}`;
    doc.font('Helvetica').fontSize(7.5);
    const numberWidth = doc.widthOfString(number);
    doc
      .moveTo(page.left, y - 5)
      .lineTo(page.left + page.width, y - 5)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    // lineBreak: false never starts a page, even below the bottom margin.
    doc.fillColor(MUTED).text(fitLine(doc, context, page.width - numberWidth - 12), page.left, y, { lineBreak: false });
    doc.text(number, page.left + page.width - numberWidth, y, { lineBreak: false });
    doc
      .font('Courier')
      .fontSize(7.5)
      .text(`SHA-256 ${winAnsi(input.hash.slice(0, 16))}…`, page.left, y + 11, { lineBreak: false });
  }
}

/** The text shortened with "…" until it fits `width` in the current font. */
function fitLine(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
