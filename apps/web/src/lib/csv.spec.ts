import { describe, expect, it } from 'vitest';
import { escapeCsvField, toCsv } from './csv';

/** A small RFC 4180 reader, to prove that what toCsv writes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

describe('escapeCsvField', () => {
  it('leaves plain text and numbers bare', () => {
    expect(escapeCsvField('Harbor Dental')).toBe('Harbor Dental');
    expect(escapeCsvField(42)).toBe('42');
    expect(escapeCsvField(false)).toBe('false');
  });

  it('writes null and undefined as empty cells', () => {
    expect(escapeCsvField(null)).toBe('');
    expect(escapeCsvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(escapeCsvField('Dental, Inc.')).toBe('"Dental, Inc."');
    expect(escapeCsvField('the "A" team')).toBe('"the ""A"" team"');
    expect(escapeCsvField('line one\nline two')).toBe('"line one\nline two"');
    expect(escapeCsvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('quotes leading and trailing spaces so no reader trims them', () => {
    expect(escapeCsvField(' padded ')).toBe('" padded "');
  });

  it('keeps formulas as text when asked, and only text', () => {
    const options = { neutralizeFormulas: true };
    expect(escapeCsvField('=HYPERLINK("http://evil.example")', options)).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(escapeCsvField('+1 555', options)).toBe("'+1 555");
    expect(escapeCsvField('-rm', options)).toBe("'-rm");
    expect(escapeCsvField('@SUM(A1)', options)).toBe("'@SUM(A1)");
    expect(escapeCsvField(-5, options)).toBe('-5');
    expect(escapeCsvField('=1+1')).toBe('=1+1');
  });
});

describe('toCsv', () => {
  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('a,b\r\n1,\r\n');
    expect(toCsv([])).toBe('');
  });

  it('reads back as the same cells, whatever they hold', () => {
    const rows = [
      ['seq', 'name', 'note'],
      ['1', 'Dental, Inc.', 'said "hi"\r\nthen left'],
      ['2', '', 'ünïcødé ✓'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
