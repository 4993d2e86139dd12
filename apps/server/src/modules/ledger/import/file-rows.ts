import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { appError } from '../../../lib/errors.ts';

/** One spreadsheet row: its number as Excel shows it (1-based) and its cell values by column. */
export interface FileRow {
  rowNumber: number;
  values: unknown[];
}

export type FileFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): FileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.xls')) throw appError('IMPORT_BAD_FILE', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入');
  throw appError('IMPORT_BAD_FILE', '只能导入 .xlsx 或 .csv 文件');
}

/**
 * Detects the encoding of a CSV export: a UTF-8 BOM, or text that decodes as UTF-8, is UTF-8;
 * anything else is taken as GB18030 (a superset of GBK and GB2312, what Excel on Chinese Windows saves).
 */
export async function detectEncoding(filePath: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const sample = buffer.subarray(0, bytesRead);
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
    try {
      // `stream: true` tolerates a character cut at the end of the sample.
      new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: bytesRead === buffer.length });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

function decoder(encoding: string): Transform {
  const textDecoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      callback(null, textDecoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, textDecoder.decode());
    },
  });
}

/** Bytes read so far, for a progress percentage. */
export interface ReadProgress {
  bytes: number;
}

function counted(filePath: string, progress: ReadProgress) {
  const stream = createReadStream(filePath);
  stream.on('data', (chunk) => {
    progress.bytes += chunk.length;
  });
  return stream;
}

async function* csvRows(filePath: string, progress: ReadProgress): AsyncGenerator<FileRow> {
  const encoding = await detectEncoding(filePath);
  const parser = counted(filePath, progress)
    .pipe(decoder(encoding))
    .pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { rowNumber: info.lines, values: record };
  }
}

/** A cell's plain value: rich text joined, formulas by their result, hyperlinks by their text. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return value.text;
  if ('error' in value) return null;
  return String(value);
}

async function* xlsxRows(filePath: string, progress: ReadProgress): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted(filePath, progress), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const raw = row.values as ExcelJS.CellValue[];
        yield { rowNumber: row.number, values: raw.slice(1).map(cellValue) };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    throw appError('IMPORT_BAD_FILE', `文件无法读取，不是有效的 .xlsx 文件（${error instanceof Error ? error.message.slice(0, 80) : '未知错误'}）`);
  }
}

/** Streams a file's rows; memory does not grow with the file. */
export function readFileRows(filePath: string, format: FileFormat, progress: ReadProgress = { bytes: 0 }): AsyncGenerator<FileRow> {
  return format === 'csv' ? csvRows(filePath, progress) : xlsxRows(filePath, progress);
}
