import { BadRequestException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/** CSV with a byte-order mark, so spreadsheet programs read UTF-8 names correctly. */
export function tableToCsv(table: string[][]): string {
  return `\uFEFF${Papa.unparse(table, { newline: '\r\n' })}\r\n`;
}

export async function tableToXlsx(table: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Accord';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Matrix', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i === 2 ? 48 : i === 3 ? 60 : Math.max(10, Math.min(24, (table[0][i] ?? '').length + 4));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type TableFormat = 'csv' | 'xlsx';

export function formatOf(filename: string, mimetype: string): TableFormat {
  if (/\.xlsx$/i.test(filename) || mimetype === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (/\.csv$/i.test(filename) || /^text\/(csv|plain)/.test(mimetype)) return 'csv';
  throw new BadRequestException({ message: 'Upload a .csv or .xlsx file.', details: [{ field: 'file', message: 'must be a CSV or XLSX file' }] });
}

/** Any file as rows of text cells; a file that cannot be read is a 400 naming the file. */
export async function readTable(buffer: Buffer, format: TableFormat): Promise<string[][]> {
  try {
    if (format === 'csv') {
      const parsed = Papa.parse<string[]>(buffer.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: false });
      return parsed.data.filter((row, i) => i < parsed.data.length - 1 || row.some((c) => c !== ''));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text ?? '';
      });
      rows[number - 1] = Array.from(cells, (c) => c ?? '');
    });
    return Array.from(rows, (r) => r ?? []);
  } catch {
    throw new BadRequestException({ message: 'This file could not be read.', details: [{ field: 'file', message: `is not a readable ${format.toUpperCase()} file` }] });
  }
}
