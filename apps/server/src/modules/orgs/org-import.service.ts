import { stat } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { isBlankRow } from '@xinxue/domain';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, appError } from '../../lib/errors.ts';
import { scopedOrgs, scopedTo, type Scope } from '../../lib/scope.ts';
import type { Actor, AuditLogService } from '../audit-log/audit-log.service.ts';
import { DivisionResolver } from '../divisions/division-resolver.ts';
import { type FileRow, formatOf, readFileRows } from '../ledger/import/file-rows.ts';
import { activeCoverageIds } from './org-coverage.ts';
import {
  guessOrgMapping, looksLikeOrgHeader, missingOrgColumns, ORG_IMPORT_SOURCE, type OrgImportField, orgImportFields, type OrgRowRecord, readOrgRow, rowName,
  serviceFieldColumns, templateColumns,
} from './org-import-row.ts';
import { loadOrg } from './org-store.ts';
import type { OrgChange, OrgsService } from './orgs.service.ts';
import { findHeaderRow, hashFile, importRejections, type Rejection, rejectionReport as writeRejectionReport } from '../ledger/import/import-records.ts';
export type { Rejection } from '../ledger/import/import-records.ts';

export interface OrgImportRequest {
  filePath: string;
  fileName: string;
  /** Whose scope every row must lie in: the web user's, or the command line's `--scope`. */
  ctx: RequestContext;
  actor: Actor;
  userId: number | null;
  onProgress?: (progress: { rows: number; percent: number; rowsPerSecond: number }) => void;
  onStarted?: (importId: number) => void;
}


export interface OrgImportSummary {
  importId: number;
  file: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
}

/** A row of the file on its way through: its cells read, and (once placed) what became of it. */
interface Entry {
  row: number;
  name: string;
  /** The parent's name as written (also when other cells are wrong): rows repeating one organization name the same parent. */
  parentName: string;
  read: ReturnType<typeof readOrgRow>;
  outcome?: Promise<number | null>;
}

/** An organization of the scope, by name: what parent lookups and matching need. */
interface Known {
  id: number;
  parentId: number | null;
  status: string;
}

const MAX_ROWS = 50_000;
/** Rows between two progress writes (rejections and counters). */
const FLUSH_EVERY = 100;
const compactName = (name: string) => name.replace(/\s+/g, '');

/**
 * Loads an organization tree from the old system's export (.xlsx/.csv). The rows may come in any
 * order: a row's parent (and the organization it is attached to) is found among the file's rows
 * first — placed before it — then among the organizations in the importer's scope. Each row is
 * written through `OrgsService.create` (or `change`), so it meets exactly the rules of the form and
 * commits with its own history and audit entry; a refused row is reported with its Excel row, its
 * column and the service's Chinese reason, and the rows below it are refused naming it.
 *
 * An organization is the same one when its name and parent are the same: an unchanged row writes
 * nothing, a changed row updates it through `change` (a dated 信息变更 event, reason naming the
 * file), and empty cells leave the existing values as they are. So importing a file again changes
 * nothing, and an import cut short is completed by running it again.
 */
export class OrgImportService {
  /** One organization import at a time in this process: two runs of one file must not both create a row. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly orgs: OrgsService,
    private readonly auditLog: AuditLogService,
    private readonly cityPrefix: string,
  ) {}

  async run(request: OrgImportRequest): Promise<OrgImportSummary> {
    const format = formatOf(request.fileName);
    const size = (await stat(request.filePath)).size;
    if (size === 0) throw appError('IMPORT_BAD_FILE', '文件是空的');
    const fileHash = await hashFile(request.filePath);
    const rows = readFileRows(request.filePath, format);
    const header = await findHeaderRow(rows, looksLikeOrgHeader, '包含“党组织名称”在内至少三个可识别列名（如 类别、上级党组织、所在行政区划）');
    const mapping = guessOrgMapping(header.headers);
    const missing = missingOrgColumns(mapping);
    if (missing.length) throw appError('IMPORT_BAD_MAPPING', `缺少必需的列：${missing.join('、')}（表头在第${header.rowNumber}行）`, { field: 'file' });
    const scope = request.ctx.user.scope;

    const now = () => new Date().toISOString();
    const { id: importId } = await this.db
      .insertInto('imports')
      .values({
        source: ORG_IMPORT_SOURCE, file_name: request.fileName, file_hash: fileHash, status: 'running', mapping: JSON.stringify(Object.fromEntries([...mapping].map(([f, i]) => [i, f]))),
        started_at: now(), actor_id: request.userId, scope_division: scope.divisionPrefix,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    request.onStarted?.(importId);

    const summary: OrgImportSummary = { importId, file: request.fileName, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
    const work = this.queue.then(() => this.place(request, rows, header.headers, mapping, summary));
    this.queue = work.catch(() => undefined);
    try {
      await work;
    } catch (error) {
      await this.db.updateTable('imports').set({ status: 'failed', finished_at: now() }).where('id', '=', importId).execute();
      await this.auditLog.record(request.actor, { action: 'org.import', outcome: 'failure', objectType: 'import', objectIds: [importId], detail: { file: request.fileName, rows: summary.rows, error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' } });
      throw error;
    }
    summary.rejected.sort((a, b) => a.row - b.row);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('imports').set({ status: 'done', finished_at: now() }).where('id', '=', importId).execute();
      const { rejected, ...counts } = summary;
      await this.auditLog.append(tx, request.actor, { action: 'org.import', objectType: 'import', objectIds: [importId], detail: { ...counts, rejected: new Set(rejected.map((r) => r.row)).size } });
    });
    return summary;
  }

  /** Reads the rest of the file, then places every row, parents first. */
  private async place(request: OrgImportRequest, rows: AsyncGenerator<FileRow>, headers: string[], mapping: Map<OrgImportField, number>, summary: OrgImportSummary): Promise<void> {
    const { ctx, actor } = request;
    const scope = ctx.user.scope;
    const columnName = (field: OrgImportField) => headers[mapping.get(field) ?? -1] || orgImportFields[field].label;
    const resolver = await DivisionResolver.load(this.db);
    const entries: Entry[] = [];
    for await (const row of rows) {
      if (isBlankRow(row.values)) continue;
      if (entries.length >= MAX_ROWS) throw appError('IMPORT_BAD_FILE', `一个文件最多${MAX_ROWS}个党组织，请拆分后再导入`);
      const cells: Partial<Record<OrgImportField, unknown>> = {};
      for (const [field, index] of mapping) cells[field] = row.values[index];
      entries.push({ row: row.rowNumber, name: rowName(cells), parentName: rowName({ name: cells.parent }), read: readOrgRow(cells, { resolver, cityPrefix: this.cityPrefix }) });
    }
    const byName = new Map<string, Entry[]>();
    for (const e of entries) if (e.name) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
    const known = await this.knownOrgs(scope);
    const units = await this.unitsByCode(scope, entries.flatMap((e) => (e.read.ok ? (e.read.record.covered ?? []) : [])));
    const visiting = new Set<Entry>();
    /** Organization id → the row that placed it, so a repeated row is refused rather than counted twice. */
    const claimed = new Map<number, number>();

    let pending: { rejections: Rejection[]; rows: number; created: number; updated: number; unchanged: number } = { rejections: [], rows: 0, created: 0, updated: 0, unchanged: 0 };
    const started = performance.now();
    const flush = async () => {
      const batch = pending;
      pending = { rejections: [], rows: 0, created: 0, updated: 0, unchanged: 0 };
      await this.db.transaction().execute(async (tx) => {
        for (let i = 0; i < batch.rejections.length; i += 200) {
          await tx.insertInto('import_rejections').values(batch.rejections.slice(i, i + 200).map((r) => ({ import_id: summary.importId, row_number: r.row, column_name: r.column, message: r.message }))).execute();
        }
        await tx
          .updateTable('imports')
          .set((eb) => ({
            rows: eb('rows', '+', batch.rows), created: eb('created', '+', batch.created), updated: eb('updated', '+', batch.updated), unchanged: eb('unchanged', '+', batch.unchanged),
            rejected: eb('rejected', '+', new Set(batch.rejections.map((r) => r.row)).size),
          }))
          .where('id', '=', summary.importId)
          .execute();
      });
      summary.rejected.push(...batch.rejections);
      const seconds = Math.max((performance.now() - started) / 1000, 0.001);
      request.onProgress?.({ rows: summary.rows, percent: Math.min(99, Math.round((summary.rows / Math.max(entries.length, 1)) * 100)), rowsPerSecond: Math.round(summary.rows / seconds) });
    };
    const reject = (e: Entry, field: OrgImportField, message: string): null => {
      pending.rejections.push({ row: e.row, column: columnName(field), message });
      return null;
    };
    const count = (kind: 'created' | 'updated' | 'unchanged') => {
      pending[kind] += 1;
      summary[kind] += 1;
    };

    /** The id a name refers to: a row of this file (placed first), else one organization in scope. */
    const reference = async (e: Entry, name: string, field: 'parent' | 'attachedTo'): Promise<number | null> => {
      const label = field === 'parent' ? '上级党组织' : '挂靠党组织';
      const rowsNamed = (byName.get(name) ?? []).filter((x) => x !== e);
      // Rows repeating one organization (same name, same parent) refer to the first; the others are refused as repeats.
      if (rowsNamed.length > 1 && new Set(rowsNamed.map((x) => x.parentName)).size === 1) rowsNamed.splice(1);
      if (rowsNamed.length > 1) return reject(e, field, `${label}“${name}”在本文件中有${rowsNamed.length}行（第${rowsNamed.map((x) => x.row).join('、')}行），无法确定是哪一个`);
      if (rowsNamed.length === 1) {
        const dep = rowsNamed[0]!;
        if (visiting.has(dep)) return reject(e, field, `${label}关系形成循环（与第${dep.row}行“${name}”互相指向），本行未导入`);
        const id = await settle(dep);
        return id ?? reject(e, field, `${label}“${name}”（第${dep.row}行）未能导入，本行未导入`);
      }
      const found = known.get(name) ?? [];
      const active = found.filter((k) => k.status === 'active');
      if (active.length === 1) return active[0]!.id;
      if (active.length > 1) return reject(e, field, `您的管辖范围内有${active.length}个名为“${name}”的党组织，无法确定${label}`);
      if (found.length) return reject(e, field, `${label}“${name}”已撤销或已合并`);
      return reject(e, field, `${label}“${name}”不存在：本文件中没有这一行，您管辖范围内也没有这个党组织`);
    };

    const serviceRefusal = (e: Entry, error: unknown): null => {
      if (!(error instanceof AppError)) throw error;
      const field = error.field ? serviceFieldColumns[error.field] : error.code === 'OUT_OF_SCOPE' || error.code === 'DIVISION_NOT_FOUND' ? 'division' : undefined;
      return reject(e, field ?? 'name', error.message);
    };

    const placeOne = async (e: Entry): Promise<number | null> => {
      if (!e.read.ok) {
        for (const p of e.read.problems) reject(e, p.field, p.message);
        return null;
      }
      const r = e.read.record;
      const parentId = r.parentName ? await reference(e, r.parentName, 'parent') : null;
      if (r.parentName && parentId === null) return null;
      const attachedToId = r.attachedToName ? await reference(e, r.attachedToName, 'attachedTo') : null;
      if (r.attachedToName && attachedToId === null) return null;
      let coveredIds: number[] | null = null;
      if (r.covered) {
        const unknown = r.covered.filter((c) => !units.has(c));
        if (unknown.length) return reject(e, 'covered', `统一社会信用代码为${unknown.join('、')}的单位不在两新组织名录中（或不在您的管辖范围内），请先导入企业、社会组织名录`);
        coveredIds = [...new Set(r.covered.map((c) => units.get(c)!))].sort((a, b) => a - b);
      }

      const same = (known.get(r.name) ?? []).filter((k) => k.parentId === parentId);
      const active = same.filter((k) => k.status === 'active');
      if (active.length > 1) return reject(e, 'name', `同一上级下已有${active.length}个名为“${r.name}”的党组织，无法确定是哪一个`);
      const match = active[0] ?? same[0];
      if (match && match.status !== 'active') return reject(e, 'name', `“${r.name}”已${match.status === 'merged' ? '合并' : '撤销'}，不再导入（如需恢复，请在系统中新建）`);
      if (match) {
        const earlier = claimed.get(match.id);
        if (earlier !== undefined) return reject(e, 'name', `与第${earlier}行是同一个党组织（名称和上级党组织相同），本行未导入`);
        claimed.set(match.id, e.row);
        try {
          const change = await this.changeOf(match.id, r, attachedToId, coveredIds, request.fileName);
          if (!change) count('unchanged');
          else {
            await this.orgs.change(ctx, match.id, change, actor);
            count('updated');
          }
          return match.id;
        } catch (error) {
          return serviceRefusal(e, error);
        }
      }
      try {
        const created = await this.orgs.create(ctx, {
          name: r.name, kind: r.kind, parentId, divisionCode: r.divisionCode, hostKind: r.hostKind ?? undefined, formation: r.formation ?? undefined, attachedToId,
          coveredNewOrgIds: coveredIds ?? undefined, approvalPower: r.approvalPower ?? undefined, locatedDivisionCode: r.locatedDivisionCode, establishedOn: r.establishedOn ?? undefined,
        }, actor);
        known.set(r.name, [...(known.get(r.name) ?? []), { id: created.id, parentId, status: 'active' }]);
        claimed.set(created.id, e.row);
        count('created');
        return created.id;
      } catch (error) {
        return serviceRefusal(e, error);
      }
    };

    const settle = (e: Entry): Promise<number | null> => {
      e.outcome ??= (async () => {
        visiting.add(e);
        try {
          return await placeOne(e);
        } finally {
          visiting.delete(e);
          pending.rows += 1;
          summary.rows += 1;
        }
      })();
      return e.outcome;
    };

    for (const e of entries) {
      await settle(e);
      if (pending.rows >= FLUSH_EVERY) await flush();
    }
    await flush();
  }

  /** What the row would change on the existing organization, or null when nothing (empty cells keep what is there). */
  private async changeOf(id: number, r: OrgRowRecord, attachedToId: number | null, coveredIds: number[] | null, fileName: string): Promise<OrgChange | null> {
    const row = await loadOrg(this.db, id);
    const change: OrgChange = { version: row.version, reason: `按导入文件“${fileName.slice(0, 60)}”更新` };
    if (r.kind !== row.kind) change.kind = r.kind;
    if (r.divisionCode !== row.division_code) change.divisionCode = r.divisionCode;
    if (r.hostKind && r.hostKind !== row.host_kind) change.hostKind = r.hostKind;
    if (r.formation && r.formation !== row.formation) change.formation = r.formation;
    if (attachedToId !== null && attachedToId !== row.attached_to_id) change.attachedToId = attachedToId;
    if (r.approvalPower !== null && r.approvalPower !== (row.approval_power === 1)) change.approvalPower = r.approvalPower;
    if (r.locatedDivisionCode && r.locatedDivisionCode !== row.located_division_code) change.locatedDivisionCode = r.locatedDivisionCode;
    if (r.establishedOn && r.establishedOn !== row.established_on) change.establishedOn = r.establishedOn;
    if (coveredIds && coveredIds.join(',') !== (await activeCoverageIds(this.db, id)).join(',')) change.coveredNewOrgIds = coveredIds;
    return Object.keys(change).length > 2 ? change : null;
  }

  /** Every organization in scope by name (spaces ignored), whatever its status. */
  private async knownOrgs(scope: Scope): Promise<Map<string, Known[]>> {
    const rows = await scopedOrgs(this.db.selectFrom('party_orgs'), scope).select(['party_orgs.id', 'party_orgs.name', 'party_orgs.parent_id', 'party_orgs.status']).orderBy('party_orgs.id').execute();
    const known = new Map<string, Known[]>();
    for (const r of rows) {
      const name = compactName(r.name);
      known.set(name, [...(known.get(name) ?? []), { id: r.id, parentId: r.parent_id, status: r.status }]);
    }
    return known;
  }

  /** Registry units in scope by credit code; units outside the scope are not found (and not named). */
  private async unitsByCode(scope: Scope, codes: string[]): Promise<Map<string, number>> {
    const unique = [...new Set(codes)];
    const found = new Map<string, number>();
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await scopedTo(this.db.selectFrom('new_orgs'), 'new_orgs.division_code', scope).select(['id', 'uscc']).where('uscc', 'in', unique.slice(i, i + 500)).execute();
      for (const r of rows) found.set(r.uscc, r.id);
    }
    return found;
  }

  /** An organization-tree import inside the scope; the ledger's and the registry's are not found here. */
  async load(scope: Scope, importId: number) {
    const row = await scopedTo(this.db.selectFrom('imports').selectAll(), 'scope_division', scope).where('id', '=', importId).where('source', '=', ORG_IMPORT_SOURCE).executeTakeFirst();
    if (!row) throw appError('NOT_FOUND', '导入记录不存在');
    return row;
  }

  async recent(scope: Scope, limit = 20): Promise<number[]> {
    const rows = await scopedTo(this.db.selectFrom('imports').select('id'), 'scope_division', scope).where('source', '=', ORG_IMPORT_SOURCE).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  rejections(importId: number, limit: number): Promise<Rejection[]> {
    return importRejections(this.db, importId, limit);
  }

  /** The rejected rows as an .xlsx: row as Excel shows it, column, reason. */
  rejectionReport(importId: number): Promise<PassThrough> {
    return writeRejectionReport(this.db, importId);
  }

  /** The template: the columns with one example row, and a sheet saying what goes in each. */
  async template(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党组织');
    sheet.columns = templateColumns.map((c) => ({ header: orgImportFields[c.field].label, width: Math.max(12, Math.min(40, c.example.length * 2 + 4)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRow(templateColumns.map((c) => c.example));
    const notes = workbook.addWorksheet('填写说明');
    notes.columns = [{ header: '列', width: 16 }, { header: '说明', width: 100 }];
    notes.getRow(1).font = { bold: true };
    for (const c of templateColumns) notes.addRow([orgImportFields[c.field].label, c.note]);
    notes.addRow([]);
    notes.addRow(['', '同一文件重复导入不会重复建立：名称和上级党组织相同的视为同一个党组织，内容有变化的按文件更新（空白单元格不改动原有内容）。']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
