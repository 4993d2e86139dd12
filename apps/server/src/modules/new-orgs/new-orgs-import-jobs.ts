import type { Readable } from 'node:stream';
import { BackgroundImports } from '../../lib/background-imports.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import { type NewOrgImportSource, newOrgImportSourceLabels } from './new-org-row.ts';
import type { NewOrgsImportService } from './new-orgs-import.service.ts';

/** Registry imports started from the web, run in the background; the page polls the status. */
export class NewOrgsImportJobs {
  private readonly jobs: BackgroundImports;

  constructor(
    private readonly importer: NewOrgsImportService,
    dataDir: string,
  ) {
    this.jobs = new BackgroundImports(dataDir);
  }

  /** Saves the upload and starts importing it; resolves with the import's id once it has one. */
  async start(ctx: RequestContext, source: NewOrgImportSource, fileName: string, stream: Readable): Promise<number> {
    const file = await this.jobs.save('new-orgs', fileName, stream);
    return this.jobs.start(file, (hooks) =>
      this.importer.run({ source, filePath: file, fileName, actor: actorOf(ctx), userId: ctx.user.id, scopePrefix: ctx.user.scope.divisionPrefix, ...hooks }),
    );
  }

  async status(ctx: RequestContext, importId: number) {
    const { row, source } = await this.importer.load(ctx.user.scope, importId);
    const live = this.jobs.progress(importId);
    return {
      id: row.id, source, sourceLabel: newOrgImportSourceLabels[source], fileName: row.file_name, status: row.status as 'running' | 'done' | 'failed',
      startedAt: row.started_at, finishedAt: row.finished_at, percent: row.status === 'done' ? 100 : (live?.percent ?? 0), rowsPerSecond: live?.rowsPerSecond ?? 0,
      error: live?.error ?? (row.status === 'failed' ? '导入中断' : null), rows: row.rows, created: row.created, updated: row.updated, unchanged: row.unchanged, rejected: row.rejected,
    };
  }

  async list(ctx: RequestContext) {
    const ids = await this.importer.recent(ctx.user.scope);
    return Promise.all(ids.map((id) => this.status(ctx, id)));
  }

  assertKnown(source: string): NewOrgImportSource {
    if (source !== 'marketRegulation' && source !== 'civilAffairs') throw appError('VALIDATION_FAILED', '数据来源应为市场监管部门或民政部门', { field: 'source' });
    return source;
  }
}
