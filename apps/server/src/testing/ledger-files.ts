import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** Files shaped like the departments' exports, written for a test. */
export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'xinxue-ledger-'));
}

function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

export function writeCsv(file: string, rows: readonly (readonly (string | number)[])[], encoding: 'utf8' | 'utf8bom' | 'gbk' = 'utf8bom'): string {
  const text = `${rows.map(csvLine).join('\r\n')}\r\n`;
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from((encoding === 'utf8bom' ? '\uFEFF' : '') + text, 'utf8');
  writeFileSync(file, bytes);
  return file;
}

/** An .xlsx with a merged title row above the header, as exported reports have. */
export async function writeXlsx(file: string, title: string | null, rows: readonly (readonly (string | number | Date)[])[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  if (title) {
    sheet.addRow([title]);
    sheet.mergeCells(1, 1, 1, rows[0]!.length);
    sheet.addRow([]);
  }
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(file);
  return file;
}
