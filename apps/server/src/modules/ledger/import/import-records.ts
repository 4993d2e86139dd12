import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { isBlankRow } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import type { Db } from '../../../db/database.ts';
import { appError } from '../../../lib/errors.ts';
import type { FileRow } from './file-rows.ts';

/**
 * What the three file imports (ledger, organization tree, new-organizations registry) share besides
 * reading rows: the file's hash (a rerun of the same file is known), finding the header under title
 * rows, and the rejected rows in `import_rejections` with their `.xlsx` report.
 */
export interface Rejection {
  row: number;
  column: string;
  message: string;
}

const HEADER_SEARCH_ROWS = 30;

export async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The first row within the first 30 non-blank ones that `looksLikeHeader` accepts; `expected` says in
 * Chinese what such a row contains, for the refusal.
 */
export async function findHeaderRow(rows: AsyncGenerator<FileRow>, looksLikeHeader: (cells: string[]) => boolean, expected: string): Promise<{ rowNumber: number; headers: string[] }> {
  let seen = 0;
  // Pull rows by hand: a for-await loop would close the generator when it returns the header.
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = next.value;
    if (isBlankRow(row.values)) continue;
    const cells = row.values.map((v) => String(v ?? '').trim());
    if (looksLikeHeader(cells)) return { rowNumber: row.rowNumber, headers: cells };
    if (++seen >= HEADER_SEARCH_ROWS) break;
  }
  throw appError('IMPORT_NO_HEADER', `没有找到表头行：文件前${HEADER_SEARCH_ROWS}行中没有${expected}的行`);
}

export async function importRejections(db: Db, importId: number, limit: number): Promise<Rejection[]> {
  const rows = await db.selectFrom('import_rejections').select(['row_number', 'column_name', 'message']).where('import_id', '=', importId).orderBy('row_number').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ row: r.row_number, column: r.column_name, message: r.message }));
}

/** The rejected rows as an .xlsx the user can fix and re-import: row as Excel shows it, column, reason. */
export async function rejectionReport(db: Db, importId: number): Promise<PassThrough> {
  const rows = await importRejections(db, importId, 1_000_000);
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet('退回行');
  sheet.columns = [{ header: '行号（Excel中的行）', width: 18 }, { header: '列', width: 20 }, { header: '原因', width: 70 }];
  for (const r of rows) sheet.addRow([r.row, r.column, r.message]).commit();
  void workbook.commit();
  return stream;
}
