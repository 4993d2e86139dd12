import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import { appError } from '../../lib/errors.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import { loadDossier } from './pipeline-store.ts';

/**
 * Scans and files attached to a dossier's steps (入党申请书、谈话记录…): kept under the data
 * directory by their SHA-256, with the type checked by the file's first bytes, not only its name.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const kinds: { ext: string[]; type: string; magic: (b: Buffer) => boolean }[] = [
  { ext: ['.pdf'], type: 'application/pdf', magic: (b) => b.subarray(0, 4).toString('latin1') === '%PDF' },
  { ext: ['.jpg', '.jpeg'], type: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: ['.png'], type: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: ['.docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
];

export class PipelineFiles {
  constructor(
    private readonly db: Db,
    private readonly auditLog: AuditLogService,
    private readonly dataDir: string,
  ) {}

  private dir(dossierId: number) {
    return path.join(this.dataDir, 'dossier-files', String(dossierId));
  }

  /** Checks scope first (before reading the upload), then stores the stream. */
  async assertWritable(ctx: RequestContext, dossierId: number, step: number) {
    await loadDossier(this.db, ctx, dossierId, 'write');
    if (!Number.isInteger(step) || step < 1 || step > 25) throw appError('VALIDATION_FAILED', '步骤应为 1 至 25', { field: 'step' });
  }

  async store(ctx: RequestContext, dossierId: number, step: number, fileName: string, stream: Readable & { truncated?: boolean }) {
    await this.assertWritable(ctx, dossierId, step);
    // Browsers send UTF-8 names; some clients percent-encode them (RFC 5987 style).
    let decoded = fileName;
    try {
      if (/%[0-9A-Fa-f]{2}/.test(fileName)) decoded = decodeURIComponent(fileName);
    } catch {
      decoded = fileName;
    }
    const name = path.basename(decoded).slice(0, 200) || '未命名';
    const kind = kinds.find((k) => k.ext.includes(path.extname(name).toLowerCase()));
    if (!kind) {
      stream.resume();
      throw appError('VALIDATION_FAILED', '只能上传 PDF、JPG、PNG 或 DOCX 文件', { field: 'file' });
    }
    await mkdir(this.dir(dossierId), { recursive: true });
    const temp = path.join(this.dir(dossierId), `.upload-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    try {
      await pipeline(stream, createWriteStream(temp));
      if (stream.truncated || size > MAX_FILE_BYTES) throw appError('PAYLOAD_TOO_LARGE', `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请压缩或拆分后上传`);
      if (size === 0) throw appError('VALIDATION_FAILED', '文件是空的', { field: 'file' });
      const head = Buffer.alloc(8);
      const handle = await open(temp, 'r');
      try {
        await handle.read(head, 0, 8, 0);
      } finally {
        await handle.close();
      }
      if (!kind.magic(head)) throw appError('VALIDATION_FAILED', `文件内容不是 ${kind.ext[0]!.slice(1).toUpperCase()} 格式（与扩展名不符）`, { field: 'file' });
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const stored = path.join(this.dir(dossierId), `${sha256}${kind.ext[0]}`);
    await rename(temp, stored);
    const actor = actorOf(ctx);
    const id = await this.db.transaction().execute(async (tx) => {
      const { id: fileId } = await tx
        .insertInto('dossier_documents')
        .values({ dossier_id: dossierId, step, file_name: name, content_type: kind.type, size, sha256, stored_path: path.relative(this.dataDir, stored), uploaded_by: actor.id, uploaded_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.auditLog.append(tx, actor, { action: 'dossier.file.upload', objectType: 'dossier', objectIds: [dossierId], detail: { fileId, step, fileName: name, size, sha256 } });
      return fileId;
    });
    return { id, step, fileName: name, contentType: kind.type, size, sha256 };
  }

  async open(ctx: RequestContext, dossierId: number, fileId: number) {
    await loadDossier(this.db, ctx, dossierId, 'read');
    const row = await this.db.selectFrom('dossier_documents').selectAll().where('id', '=', fileId).where('dossier_id', '=', dossierId).executeTakeFirst();
    if (!row) throw appError('DOSSIER_FILE_NOT_FOUND');
    await this.auditLog.record(actorOf(ctx), { action: 'dossier.file.download', objectType: 'dossier', objectIds: [dossierId], detail: { fileId } });
    return { fileName: row.file_name, contentType: row.content_type, size: row.size, stream: createReadStream(path.join(this.dataDir, row.stored_path)) };
  }
}
