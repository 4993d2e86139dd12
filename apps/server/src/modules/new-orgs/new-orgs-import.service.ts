import { chinaToday, isBlankRow, isWithinScope } from '@xinxue/domain';
import { stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import type { Db } from '../../db/database.ts';
import { takeWriteLock } from '../../db/dialect.ts';
import type { Scope } from '../../lib/scope.ts';
import { scopedTo } from '../../lib/scope.ts';
import { appError } from '../../lib/errors.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import { DivisionResolver } from '../divisions/division-resolver.ts';
import { type FileRow, formatOf, readFileRows } from '../ledger/import/file-rows.ts';
import {
  fingerprintOf, guessNewOrgMapping, importSourceKey, looksLikeNewOrgHeader, missingColumns, type NewOrgField, newOrgFields, type NewOrgImportSource,
  newOrgImportSourceLabels, newOrgImportSources, type NewOrgRecord, readNewOrgRow, sourceFromKey,
} from './new-org-row.ts';
import { findHeaderRow, hashFile, importRejections, type Rejection, rejectionReport as writeRejectionReport } from '../ledger/import/import-records.ts';
export type { Rejection } from '../ledger/import/import-records.ts';

export interface NewOrgImportRequest {
  source: NewOrgImportSource;
  filePath: string;
  fileName: string;
  actor: Actor;
  userId: number | null;
  scopePrefix: string;
  onProgress?: (progress: { rows: number; percent: number; rowsPerSecond: number }) => void;
  onStarted?: (importId: number) => void;
}


export interface NewOrgImportSummary {
  importId: number;
  file: string;
  source: NewOrgImportSource;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
}

const BATCH = 500;
/** Serialises registry writers on PostgreSQL (two imports of one register must not both insert a code). */
const NEW_ORG_WRITE_LOCK = 727_020;

/**
 * Imports the market-regulation and civil-affairs registers into the registry. Rows stream from
 * the file (file-rows.ts, shared with the ledger) and are written in batches, each in one
 * transaction with its rejections and the import's counters. A unit is found by its credit code;
 * unchanged values (same fingerprint) write nothing, so importing a file again changes nothing.
 */
export class NewOrgsImportService {
  constructor(
    private readonly db: Db,
    private readonly auditLog: AuditLogService,
    private readonly cityPrefix: string,
  ) {}

  async run(request: NewOrgImportRequest): Promise<NewOrgImportSummary> {
    if (!newOrgImportSources.includes(request.source)) throw appError('VALIDATION_FAILED', '数据来源应为市场监管部门或民政部门', { field: 'source' });
    const format = formatOf(request.fileName);
    const size = (await stat(request.filePath)).size;
    if (size === 0) throw appError('IMPORT_BAD_FILE', '文件是空的');
    const fileHash = await hashFile(request.filePath);
    const read = { bytes: 0 };
    const rows = readFileRows(request.filePath, format, read);
    const header = await findHeaderRow(rows, looksLikeNewOrgHeader, '包含“统一社会信用代码”或“名称”在内至少三个可识别列名（如 所属行业、所在地区、从业人员、党员人数）');
    const mapping = guessNewOrgMapping(header.headers);
    const missing = missingColumns(mapping);
    if (missing.length) throw appError('IMPORT_BAD_MAPPING', `缺少必需的列：${missing.join('、')}（表头在第${header.rowNumber}行）`, { field: 'file' });
    const columnName = (field: NewOrgField) => header.headers[mapping.get(field) ?? -1] || newOrgFields[field].label;

    const now = () => new Date().toISOString();
    const { id: importId } = await this.db
      .insertInto('imports')
      .values({
        source: importSourceKey(request.source), file_name: request.fileName, file_hash: fileHash, status: 'running',
        mapping: JSON.stringify(Object.fromEntries([...mapping].map(([f, i]) => [i, f]))), started_at: now(), actor_id: request.userId, scope_division: request.scopePrefix,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    request.onStarted?.(importId);

    const resolver = await DivisionResolver.load(this.db);
    const rowContext = { source: request.source, resolver, cityPrefix: this.cityPrefix, scopePrefix: request.scopePrefix, today: chinaToday() };
    const summary: NewOrgImportSummary = { importId, file: request.fileName, source: request.source, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
    /** Credit code → the row that first gave it, to refuse a second row for the same unit. */
    const seen = new Map<string, number>();
    const started = performance.now();
    let batch: FileRow[] = [];

    const flush = async () => {
      const rejections: Rejection[] = [];
      const good: { row: number; record: NewOrgRecord }[] = [];
      for (const row of batch) {
        const cells: Partial<Record<NewOrgField, unknown>> = {};
        for (const [field, index] of mapping) cells[field] = row.values[index];
        const result = readNewOrgRow(cells, rowContext);
        if (!result.ok) {
          rejections.push(...result.problems.map((p) => ({ row: row.rowNumber, column: columnName(p.field), message: p.message })));
          continue;
        }
        const first = seen.get(result.record.uscc);
        if (first !== undefined) {
          rejections.push({ row: row.rowNumber, column: columnName('uscc'), message: `与第${first}行的统一社会信用代码重复` });
          continue;
        }
        seen.set(result.record.uscc, row.rowNumber);
        good.push({ row: row.rowNumber, record: result.record });
      }
      const counts = { created: 0, updated: 0, unchanged: 0 };
      await this.db.transaction().execute(async (tx) => {
        await takeWriteLock(tx, NEW_ORG_WRITE_LOCK);
        const existing = new Map<string, { id: number; division_code: string; fingerprint: string; registered_on: string | null; deregistered_on: string | null }>();
        if (good.length) {
          const found = await tx.selectFrom('new_orgs').select(['id', 'uscc', 'division_code', 'fingerprint', 'registered_on', 'deregistered_on']).where('uscc', 'in', good.map((g) => g.record.uscc)).execute();
          for (const f of found) existing.set(f.uscc, f);
        }
        const at = now();
        for (const { row, record } of good) {
          const ex = existing.get(record.uscc);
          if (!ex) {
            await tx
              .insertInto('new_orgs')
              .values({
                kind: record.kind, name: record.name, uscc: record.uscc, industry: record.industry, division_code: record.divisionCode, address: record.address, employees: record.employees,
                party_members: record.partyMembers, source: request.source, registered_on: record.registeredOn, deregistered_on: record.deregisteredOn, fingerprint: fingerprintOf(record),
                import_id: importId, created_at: at, updated_at: at,
              })
              .execute();
            counts.created += 1;
            continue;
          }
          if (!isWithinScope(ex.division_code, request.scopePrefix)) {
            rejections.push({ row, column: columnName('uscc'), message: '该统一社会信用代码已登记在您管辖范围以外的地区，不能由您更新' });
            continue;
          }
          // A register never reopens a unit someone marked deregistered, nor forgets a known founding date.
          const merged: NewOrgRecord = { ...record, registeredOn: record.registeredOn ?? ex.registered_on, deregisteredOn: record.deregisteredOn ?? ex.deregistered_on };
          const fingerprint = fingerprintOf(merged);
          if (fingerprint === ex.fingerprint) {
            counts.unchanged += 1;
            continue;
          }
          await tx
            .updateTable('new_orgs')
            .set({
              kind: merged.kind, name: merged.name, industry: merged.industry, division_code: merged.divisionCode, address: merged.address, employees: merged.employees,
              party_members: merged.partyMembers, registered_on: merged.registeredOn, deregistered_on: merged.deregisteredOn, fingerprint, import_id: importId, updated_at: at,
            })
            .where('id', '=', ex.id)
            .execute();
          counts.updated += 1;
        }
        rejections.sort((a, b) => a.row - b.row);
        for (let i = 0; i < rejections.length; i += 200) {
          await tx.insertInto('import_rejections').values(rejections.slice(i, i + 200).map((r) => ({ import_id: importId, row_number: r.row, column_name: r.column, message: r.message }))).execute();
        }
        const rejectedRows = new Set(rejections.map((r) => r.row)).size;
        await tx
          .updateTable('imports')
          .set((eb) => ({
            rows: eb('rows', '+', batch.length), created: eb('created', '+', counts.created), updated: eb('updated', '+', counts.updated),
            unchanged: eb('unchanged', '+', counts.unchanged), rejected: eb('rejected', '+', rejectedRows),
          }))
          .where('id', '=', importId)
          .execute();
      });
      summary.rows += batch.length;
      summary.created += counts.created;
      summary.updated += counts.updated;
      summary.unchanged += counts.unchanged;
      summary.rejected.push(...rejections);
      batch = [];
      const seconds = (performance.now() - started) / 1000;
      request.onProgress?.({ rows: summary.rows, percent: Math.min(99, Math.round((read.bytes / size) * 100)), rowsPerSecond: Math.round(summary.rows / Math.max(seconds, 0.001)) });
    };

    try {
      for await (const row of rows) {
        if (isBlankRow(row.values)) continue;
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      if (batch.length) await flush();
    } catch (error) {
      await this.db.updateTable('imports').set({ status: 'failed', finished_at: now() }).where('id', '=', importId).execute();
      await this.auditLog.record(request.actor, { action: 'newOrg.import', outcome: 'failure', objectType: 'import', objectIds: [importId], detail: { source: request.source, file: request.fileName, rows: summary.rows, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' } });
      throw error;
    }
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('imports').set({ status: 'done', finished_at: now() }).where('id', '=', importId).execute();
      const { rejected, ...counts } = summary;
      await this.auditLog.append(tx, request.actor, { action: 'newOrg.import', objectType: 'import', objectIds: [importId], detail: { ...counts, rejected: rejected.length, sourceLabel: newOrgImportSourceLabels[request.source] } });
    });
    request.onProgress?.({ rows: summary.rows, percent: 100, rowsPerSecond: Math.round(summary.rows / Math.max((performance.now() - started) / 1000, 0.001)) });
    return summary;
  }

  /** A registry import inside the scope; the ledger's imports are not found here. */
  async load(scope: Scope, importId: number) {
    const row = await scopedTo(this.db.selectFrom('imports').selectAll(), 'scope_division', scope).where('id', '=', importId).executeTakeFirst();
    const source = row ? sourceFromKey(row.source) : null;
    if (!row || !source) throw appError('NOT_FOUND', '导入记录不存在');
    return { row, source };
  }

  async recent(scope: Scope, limit = 20): Promise<number[]> {
    const rows = await scopedTo(this.db.selectFrom('imports').select('id'), 'scope_division', scope)
      .where('source', 'in', newOrgImportSources.map(importSourceKey))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  rejections(importId: number, limit: number): Promise<Rejection[]> {
    return importRejections(this.db, importId, limit);
  }

  /** The rejected rows as an .xlsx: row as Excel shows it, column, reason. */
  rejectionReport(importId: number): Promise<PassThrough> {
    return writeRejectionReport(this.db, importId);
  }
}
