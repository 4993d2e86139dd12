import type { Readable } from 'node:stream';
import { type ColumnMapping, type LedgerSource, ledgerSources } from '@xinxue/domain';
import type { Db } from '../../../db/database.ts';
import { BackgroundImports } from '../../../lib/background-imports.ts';
import { actorOf, type RequestContext } from '../../../lib/context.ts';
import { appError } from '../../../lib/errors.ts';
import { scopedTo } from '../../../lib/scope.ts';
import type { LedgerImportService } from './ledger-import.service.ts';

interface Upload {
  path: string;
  fileName: string;
  userId: number;
  at: number;
}

/**
 * Ledger imports started from the web take two requests: the upload (after which the page shows the
 * header and the suggested column mapping) and the start with the mapping the user confirmed. The
 * file waits in between (deleted after the import or after an hour).
 */
export class ImportJobs {
  private readonly uploads = new Map<string, Upload>();
  private readonly jobs: BackgroundImports;

  constructor(
    private readonly db: Db,
    private readonly importer: LedgerImportService,
    dataDir: string,
  ) {
    this.jobs = new BackgroundImports(dataDir);
  }

  async receive(ctx: RequestContext, fileName: string, stream: Readable): Promise<{ uploadId: string; path: string }> {
    this.expire();
    const file = await this.jobs.save('ledger', fileName, stream);
    const uploadId = file.slice(file.lastIndexOf('-') + 1);
    this.uploads.set(uploadId, { path: file, fileName, userId: ctx.user.id, at: Date.now() });
    return { uploadId, path: file };
  }

  upload(ctx: RequestContext, uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.userId !== ctx.user.id) throw appError('NOT_FOUND', '上传的文件已过期，请重新选择文件');
    return upload;
  }

  /** Starts the import in the background and returns its id at once. */
  async start(ctx: RequestContext, uploadId: string, source: LedgerSource, mapping: ColumnMapping | undefined): Promise<number> {
    const upload = this.upload(ctx, uploadId);
    this.uploads.delete(uploadId);
    return this.jobs.start(upload.path, (hooks) =>
      this.importer.run({
        source, filePath: upload.path, fileName: upload.fileName, mapping, actor: actorOf(ctx), userId: ctx.user.id, scopePrefix: ctx.user.scope.divisionPrefix, ...hooks,
      }),
    );
  }

  async status(ctx: RequestContext, importId: number) {
    // The table also holds the registry's imports (source newOrgs.*): the ledger shows only its own.
    const row = await scopedTo(this.db.selectFrom('imports').selectAll(), 'scope_division', ctx.user.scope).where('id', '=', importId).where('source', 'in', ledgerSources).executeTakeFirst();
    if (!row) throw appError('NOT_FOUND', '导入记录不存在');
    const live = this.jobs.progress(importId);
    return {
      id: row.id, source: row.source as LedgerSource, fileName: row.file_name, status: row.status as 'running' | 'done' | 'failed', startedAt: row.started_at, finishedAt: row.finished_at,
      percent: row.status === 'done' ? 100 : (live?.percent ?? 0), rowsPerSecond: live?.rowsPerSecond ?? 0, error: live?.error ?? null,
      rows: row.rows, created: row.created, updated: row.updated, unchanged: row.unchanged, linkedWithoutId: row.linked_without_id,
      queuedForReview: row.queued_for_review, conflicts: row.conflicts, rejected: row.rejected,
    };
  }

  async list(ctx: RequestContext) {
    const rows = await scopedTo(this.db.selectFrom('imports').select('id'), 'scope_division', ctx.user.scope).where('source', 'in', ledgerSources).orderBy('id', 'desc').limit(50).execute();
    return Promise.all(rows.map((r) => this.status(ctx, r.id)));
  }

  private expire(): void {
    for (const [id, upload] of this.uploads) {
      if (Date.now() - upload.at > 3_600_000) {
        this.uploads.delete(id);
        void this.jobs.remove(upload.path);
      }
    }
  }
}
