import type { Db } from '../../db/database.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DossierAuditService } from '../dossier-audit/dossier-audit.service.ts';
import { PapersDocuments } from './papers-docx.ts';
import { PapersViews } from './papers-views.ts';
import { PapersService } from './papers.service.ts';

export { papersRoutes } from './papers.routes.ts';
export { foldPapers, loadPapers } from './papers-store.ts';

/** 公示 and 征求意见函 beside a dossier's steps; folded into the document when a step is recorded (foldPapers). */
export function createPipelinePapers(deps: { db: Db; crypto: FieldCrypto; dossierAudit: DossierAuditService; auditLog: AuditLogService }) {
  const service = new PapersService(deps.db, deps.dossierAudit, deps.auditLog);
  return { service, views: new PapersViews(deps.db, deps.auditLog), documents: new PapersDocuments(deps.db, deps.crypto, service, deps.auditLog) };
}
