import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { formatOf } from '../ledger/import/file-rows.ts';
import type { OrgImportService } from './org-import.service.ts';

interface Live {
  percent: number;
  rowsPerSecond: number;
  error?: string;
}

/**
 * Organization-tree imports started from the web: the upload waits in DATA_DIR/uploads while the
 * import runs in the background (the file is removed when it ends), and the page polls the status.
 */
export class OrgImportJobs {
  private readonly live = new Map<number, Live>();
  private readonly dir: string;

  constructor(
    private readonly importer: OrgImportService,
    dataDir: string,
  ) {
    this.dir = path.join(dataDir, 'uploads');
  }

  /** Saves the upload and starts importing it; resolves with the import's id once it has one. */
  async start(ctx: RequestContext, fileName: string, stream: Readable): Promise<number> {
    formatOf(fileName);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, `orgs-${randomBytes(16).toString('hex')}`);
    await pipeline(stream, createWriteStream(file, { mode: 0o600 }));
    let importId = 0;
    return new Promise<number>((resolve, reject) => {
      this.importer
        .run({
          filePath: file, fileName, ctx, actor: actorOf(ctx), userId: ctx.user.id,
          onStarted: (id) => {
            importId = id;
            this.live.set(id, { percent: 0, rowsPerSecond: 0 });
            resolve(id);
          },
          onProgress: (p) => this.live.set(importId, { percent: p.percent, rowsPerSecond: p.rowsPerSecond }),
        })
        .catch((error: unknown) => {
          if (importId) this.live.set(importId, { ...(this.live.get(importId) ?? { percent: 0, rowsPerSecond: 0 }), error: error instanceof Error ? error.message : String(error) });
          reject(error);
        })
        .finally(() => void rm(file, { force: true }));
    });
  }

  async status(ctx: RequestContext, importId: number) {
    const row = await this.importer.load(ctx.user.scope, importId);
    const live = this.live.get(importId);
    return {
      id: row.id, fileName: row.file_name, status: row.status as 'running' | 'done' | 'failed', startedAt: row.started_at, finishedAt: row.finished_at,
      percent: row.status === 'done' ? 100 : (live?.percent ?? 0), rowsPerSecond: live?.rowsPerSecond ?? 0, error: live?.error ?? (row.status === 'failed' ? '导入中断' : null),
      rows: row.rows, created: row.created, updated: row.updated, unchanged: row.unchanged, rejected: row.rejected,
    };
  }

  async list(ctx: RequestContext) {
    const ids = await this.importer.recent(ctx.user.scope);
    return Promise.all(ids.map((id) => this.status(ctx, id)));
  }
}
