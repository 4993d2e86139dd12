import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { type ColumnMapping, type LedgerSource, ledgerSources } from '@xinxue/domain';
import type { Db } from '../../../db/database.ts';
import { actorOf, type RequestContext } from '../../../lib/context.ts';
import { appError } from '../../../lib/errors.ts';
import { scopedTo } from '../../../lib/scope.ts';
import type { ImportProgress, LedgerImportService } from './ledger-import.service.ts';
import { formatOf } from './file-rows.ts';

interface Upload {
  path: string;
  fileName: string;
  userId: number;
  at: number;
}

/**
 * Imports started from the web: the uploaded file waits in DATA_DIR/uploads (deleted after the
 * import or after an hour), the import runs in the background, and its progress is polled.
 */
export class ImportJobs {
  private readonly uploads = new Map<string, Upload>();
  private readonly progress = new Map<number, ImportProgress & { error?: string }>();
  private readonly dir: string;

  constructor(
    private readonly db: Db,
    private readonly importer: LedgerImportService,
    dataDir: string,
  ) {
    this.dir = path.join(dataDir, 'uploads');
  }

  async receive(ctx: RequestContext, fileName: string, stream: Readable): Promise<{ uploadId: string; path: string }> {
    formatOf(fileName);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.expire();
    const uploadId = randomBytes(16).toString('hex');
    const file = path.join(this.dir, uploadId);
    await pipeline(stream, createWriteStream(file, { mode: 0o600 }));
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
    let resolveId!: (id: number) => void;
    let rejectId!: (error: unknown) => void;
    const idKnown = new Promise<number>((resolve, reject) => {
      resolveId = resolve;
      rejectId = reject;
    });
    let importId = 0;
    const run = this.importer.run({
      source, filePath: upload.path, fileName: upload.fileName, mapping, actor: actorOf(ctx), userId: ctx.user.id, scopePrefix: ctx.user.scope.divisionPrefix,
      onStarted: (id) => {
        importId = id;
        this.progress.set(id, { rows: 0, percent: 0, rowsPerSecond: 0 });
        resolveId(id);
      },
      onProgress: (p) => this.progress.set(importId, p),
    });
    run
      .catch((error: unknown) => {
        if (importId) this.progress.set(importId, { ...(this.progress.get(importId) ?? { rows: 0, percent: 0, rowsPerSecond: 0 }), error: error instanceof Error ? error.message : String(error) });
        rejectId(error);
      })
      .finally(() => void rm(upload.path, { force: true }));
    return idKnown;
  }

  async status(ctx: RequestContext, importId: number) {
    // The table also holds the registry's imports (source newOrgs.*): the ledger shows only its own.
    const row = await scopedTo(this.db.selectFrom('imports').selectAll(), 'scope_division', ctx.user.scope).where('id', '=', importId).where('source', 'in', ledgerSources).executeTakeFirst();
    if (!row) throw appError('NOT_FOUND', '导入记录不存在');
    const live = this.progress.get(importId);
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
        void rm(upload.path, { force: true });
      }
    }
  }
}
