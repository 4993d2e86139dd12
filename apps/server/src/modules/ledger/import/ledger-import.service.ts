import { chinaToday, type ColumnMapping, guessMapping, headerKey, type ImportField, importFieldNames, importFields, isBlankRow, type LedgerSource, looksLikeHeader, mappingProblems, readLedgerRow, sourceLabels } from '@xinxue/domain';
import { PassThrough } from 'node:stream';
import { stat } from 'node:fs/promises';
import { duringBulkWrite } from '../../../db/bulk.ts';
import type { Db } from '../../../db/database.ts';
import { refreshPlannerStatistics } from '../../../db/dialect.ts';
import { appError } from '../../../lib/errors.ts';
import type { Actor, AuditLogService } from '../../audit-log/audit-log.service.ts';
import { DivisionResolver } from '../../divisions/division-resolver.ts';
import type { PersonWriter, WriteItem } from '../person-writer.ts';
import { type FileRow, formatOf, readFileRows } from './file-rows.ts';
import { Placer } from './placement.ts';
import { findHeaderRow, hashFile, importRejections, type Rejection, rejectionReport as writeRejectionReport } from './import-records.ts';
export type { Rejection } from './import-records.ts';

export interface ImportRequest {
  source: LedgerSource;
  filePath: string;
  fileName: string;
  /** A corrected mapping; otherwise the saved one for this layout, otherwise a guess from the headers. */
  mapping?: ColumnMapping | undefined;
  actor: Actor;
  userId: number | null;
  scopePrefix: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Called once the import has its id (before the first row is written). */
  onStarted?: (importId: number) => void;
}

export interface ImportProgress {
  rows: number;
  percent: number;
  rowsPerSecond: number;
}

export interface ImportSummary {
  importId: number;
  file: string;
  source: LedgerSource;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  linkedWithoutId: number;
  queuedForReview: number;
  conflicts: number;
  rejected: Rejection[];
}

export interface FilePreview {
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  mappingSource: 'saved' | 'guessed';
  sample: string[][];
}

const BATCH = 1000;
/** A write transaction holds the ledger's writer (SQLite has one) for about this long at most. */
const TRANSACTION_MS = 1500;
const MAX_BATCHES_PER_TRANSACTION = 10;

interface PreparedBatch {
  rows: number;
  writable: WriteItem[];
  rejections: Rejection[];
  rejected: number;
}

/**
 * How many batches go into one transaction. Each commit writes every page its batches dirtied, and
 * the indexes' keys (ID hashes, fingerprints, names) scatter over the whole file, so a large ledger
 * pays per commit more than per row; fewer, larger transactions write each page once for several
 * batches. A transaction also makes every other writer wait, so its size follows the time the
 * last one took: about TRANSACTION_MS, never more than MAX_BATCHES_PER_TRANSACTION batches.
 */
export class TransactionSizer {
  batchesPerTransaction = 1;

  record(batches: number, ms: number): void {
    const perBatch = ms / Math.max(batches, 1);
    this.batchesPerTransaction = Math.max(1, Math.min(MAX_BATCHES_PER_TRANSACTION, Math.floor(TRANSACTION_MS / Math.max(perBatch, 1))));
  }
}
/** What a header row must hold, for the message when none is found. */
const HEADER_HINT = '同时包含“姓名”在内至少三个可识别列名（如 公民身份号码、户籍地址、联系电话）';
/** An import creating this many people refreshes the planner's statistics (a full ANALYZE of people). */
const STATISTICS_AFTER_NEW_PEOPLE = 1000;

/**
 * Imports a department's export into the ledger. Rows stream from the file and are written in
 * batches, one or more batches per transaction (TransactionSizer) with their rejections and the
 * import's counters, so a crash leaves whole rows or nothing; re-running the same file changes
 * nothing (see PersonWriter).
 */
export class LedgerImportService {
  constructor(
    private readonly db: Db,
    private readonly writer: PersonWriter,
    private readonly auditLog: AuditLogService,
    private readonly cityPrefix: string,
  ) {}

  /** Reads the header and a few rows so a user can check and correct the mapping before importing. */
  async preview(source: LedgerSource, filePath: string, fileName: string): Promise<FilePreview> {
    const rows = readFileRows(filePath, formatOf(fileName));
    try {
      const header = await findHeaderRow(rows, looksLikeHeader, HEADER_HINT);
      const { mapping, from } = await this.mappingFor(source, header.headers);
      const sample: string[][] = [];
      for await (const row of rows) {
        if (isBlankRow(row.values)) continue;
        sample.push(header.headers.map((_, i) => String(row.values[i] ?? '')));
        if (sample.length >= 5) break;
      }
      return { headerRow: header.rowNumber, headers: header.headers, mapping, mappingSource: from, sample };
    } finally {
      await rows.return(undefined);
    }
  }

  async saveMapping(source: LedgerSource, headers: string[], mapping: ColumnMapping, userId: number | null): Promise<void> {
    const problems = mappingProblems(mapping);
    if (problems.length) throw appError('IMPORT_BAD_MAPPING', problems.join('；'), { field: 'mapping' });
    const key = headerKey(headers);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('column_mappings').where('source', '=', source).where('header_key', '=', key).execute();
      await tx.insertInto('column_mappings').values({ source, header_key: key, mapping: JSON.stringify(mapping), created_by: userId, created_at: new Date().toISOString() }).execute();
    });
  }

  /** Checks a mapping sent by the UI: column numbers to known field names. */
  parseMapping(raw: Record<string, string>): ColumnMapping {
    const mapping: ColumnMapping = {};
    for (const [column, field] of Object.entries(raw)) {
      if (!importFieldNames.includes(field as ImportField)) throw appError('IMPORT_BAD_MAPPING', `未知的字段“${field}”`, { field: `mapping.${column}` });
      mapping[Number(column)] = field as ImportField;
    }
    return mapping;
  }

  rejections(importId: number, limit: number): Promise<Rejection[]> {
    return importRejections(this.db, importId, limit);
  }

  /** The rejected rows of an import as an .xlsx the user can fix and re-import. */
  rejectionReport(importId: number): Promise<PassThrough> {
    return writeRejectionReport(this.db, importId);
  }

  async run(request: ImportRequest): Promise<ImportSummary> {
    const format = formatOf(request.fileName);
    const size = (await stat(request.filePath)).size;
    if (size === 0) throw appError('IMPORT_BAD_FILE', '文件是空的');
    const fileHash = await hashFile(request.filePath);
    const read = { bytes: 0 };
    const rows = readFileRows(request.filePath, format, read);
    const header = await findHeaderRow(rows, looksLikeHeader, HEADER_HINT);
    const mapping = request.mapping ?? (await this.mappingFor(request.source, header.headers)).mapping;
    const problems = mappingProblems(mapping);
    if (problems.length) throw appError('IMPORT_BAD_MAPPING', `列的对应关系不正确：${problems.join('；')}`, { field: 'mapping' });
    const columnOf = new Map<ImportField, number>(Object.entries(mapping).map(([i, f]) => [f, Number(i)]));

    const now = () => new Date().toISOString();
    const { id: importId } = await this.db
      .insertInto('imports')
      .values({ source: request.source, file_name: request.fileName, file_hash: fileHash, status: 'running', mapping: JSON.stringify(mapping), started_at: now(), actor_id: request.userId, scope_division: request.scopePrefix })
      .returning('id')
      .executeTakeFirstOrThrow();

    request.onStarted?.(importId);
    const resolver = await DivisionResolver.load(this.db);
    const placer = new Placer(this.db, resolver, this.cityPrefix, request.scopePrefix);
    const today = chinaToday();
    const summary: ImportSummary = { importId, file: request.fileName, source: request.source, rows: 0, created: 0, updated: 0, unchanged: 0, linkedWithoutId: 0, queuedForReview: 0, conflicts: 0, rejected: [] };
    const started = performance.now();

    const column = (field: ImportField) => header.headers[columnOf.get(field) ?? -1] ?? importFields[field].label;
    /** Validates and places a batch's rows (reads only, outside the write transaction). */
    const prepare = async (batch: FileRow[]): Promise<PreparedBatch> => {
      const writable: WriteItem[] = [];
      const rejections: Rejection[] = [];
      let rejected = 0;
      for (const row of batch) {
        const cells: Partial<Record<ImportField, unknown>> = {};
        for (const [field, index] of columnOf) cells[field] = row.values[index];
        const result = readLedgerRow(cells, request.source, today);
        if (!result.ok) {
          for (const p of result.problems) rejections.push({ row: row.rowNumber, column: column(p.field), message: p.message });
          rejected += 1;
          continue;
        }
        const placed = await placer.place(result.record);
        if (!placed.ok) {
          rejections.push({ row: row.rowNumber, column: column(placed.field), message: placed.message });
          rejected += 1;
        } else writable.push({ record: result.record, placement: placed.placement });
      }
      return { rows: batch.length, writable, rejections, rejected };
    };
    const commitGroup = async (group: PreparedBatch[]) => {
      const counts = { rows: 0, created: 0, updated: 0, unchanged: 0, linkedWithoutId: 0, queuedForReview: 0, conflicts: 0, rejected: 0 };
      const rejections: Rejection[] = [];
      await this.db.transaction().execute(async (tx) => {
        const ctx = { source: request.source, importId, userId: request.userId, now: now() };
        for (const prepared of group) {
          counts.rows += prepared.rows;
          counts.rejected += prepared.rejected;
          rejections.push(...prepared.rejections);
          for (const outcome of await this.writer.applyBatch(tx, prepared.writable, ctx)) {
            if (outcome.created) counts.created += 1;
            else if (outcome.changed) counts.updated += 1;
            else counts.unchanged += 1;
            if (outcome.linkedWithoutId) counts.linkedWithoutId += 1;
            if (outcome.queuedForReview) counts.queuedForReview += 1;
            counts.conflicts += outcome.conflicts;
          }
        }
        for (let i = 0; i < rejections.length; i += 200) {
          await tx.insertInto('import_rejections').values(rejections.slice(i, i + 200).map((r) => ({ import_id: importId, row_number: r.row, column_name: r.column, message: r.message }))).execute();
        }
        await tx
          .updateTable('imports')
          .set((eb) => ({
            rows: eb('rows', '+', counts.rows), created: eb('created', '+', counts.created), updated: eb('updated', '+', counts.updated),
            unchanged: eb('unchanged', '+', counts.unchanged), linked_without_id: eb('linked_without_id', '+', counts.linkedWithoutId),
            queued_for_review: eb('queued_for_review', '+', counts.queuedForReview), conflicts: eb('conflicts', '+', counts.conflicts), rejected: eb('rejected', '+', counts.rejected),
          }))
          .where('id', '=', importId)
          .execute();
      });
      summary.rows += counts.rows;
      summary.created += counts.created;
      summary.updated += counts.updated;
      summary.unchanged += counts.unchanged;
      summary.linkedWithoutId += counts.linkedWithoutId;
      summary.queuedForReview += counts.queuedForReview;
      summary.conflicts += counts.conflicts;
      summary.rejected.push(...rejections);
      const seconds = (performance.now() - started) / 1000;
      request.onProgress?.({ rows: summary.rows, percent: Math.min(99, Math.round((read.bytes / size) * 100)), rowsPerSecond: Math.round(summary.rows / Math.max(seconds, 0.001)) });
    };

    try {
      await duringBulkWrite(this.db, async () => {
        const sizer = new TransactionSizer();
        let batch: FileRow[] = [];
        let group: PreparedBatch[] = [];
        const write = async () => {
          const opened = performance.now();
          await commitGroup(group);
          sizer.record(group.length, performance.now() - opened);
          group = [];
        };
        for await (const row of rows) {
          if (isBlankRow(row.values)) continue;
          batch.push(row);
          if (batch.length < BATCH) continue;
          group.push(await prepare(batch));
          batch = [];
          if (group.length >= sizer.batchesPerTransaction) await write();
        }
        if (batch.length) group.push(await prepare(batch));
        if (group.length) await write();
        // Still under the bulk write's small page cache: a full ANALYZE reads every index of
        // people, and with the usual 128 MB cache it left the import's process 70 MB larger.
        if (summary.created >= STATISTICS_AFTER_NEW_PEOPLE) await refreshPlannerStatistics(this.db, ['people']);
      });
    } catch (error) {
      await this.db.updateTable('imports').set({ status: 'failed', finished_at: now() }).where('id', '=', importId).execute();
      await this.auditLog.record(request.actor, { action: 'ledger.import', outcome: 'failure', objectType: 'import', objectIds: [importId], detail: { source: request.source, file: request.fileName, rows: summary.rows, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' } });
      throw error;
    }
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('imports').set({ status: 'done', finished_at: now() }).where('id', '=', importId).execute();
      const { rejected, ...counts } = summary;
      await this.auditLog.append(tx, request.actor, { action: 'ledger.import', objectType: 'import', objectIds: [importId], detail: { ...counts, rejected: rejected.length, sourceLabel: sourceLabels[request.source] } });
    });
    request.onProgress?.({ rows: summary.rows, percent: 100, rowsPerSecond: Math.round(summary.rows / Math.max((performance.now() - started) / 1000, 0.001)) });
    return summary;
  }

  private async mappingFor(source: LedgerSource, headers: string[]): Promise<{ mapping: ColumnMapping; from: 'saved' | 'guessed' }> {
    const saved = await this.db.selectFrom('column_mappings').select('mapping').where('source', '=', source).where('header_key', '=', headerKey(headers)).executeTakeFirst();
    if (saved) return { mapping: JSON.parse(saved.mapping) as ColumnMapping, from: 'saved' };
    return { mapping: guessMapping(headers), from: 'guessed' };
  }
}
