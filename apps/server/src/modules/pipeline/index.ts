import type { Db } from '../../db/database.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DossierAuditService } from '../dossier-audit/dossier-audit.service.ts';
import type { PersonWriter } from '../ledger/person-writer.ts';
import type { TalentService } from '../talent/talent.service.ts';
import { PipelineFiles } from './pipeline-files.ts';
import { PipelineViews } from './pipeline-views.ts';
import { PipelineService } from './pipeline.service.ts';

export { pipelineRoutes } from './pipeline.routes.ts';

/** The development workflow's parts; a target who applies (talent) opens a dossier through the hook. */
export function createPipeline(deps: { db: Db; crypto: FieldCrypto; personWriter: PersonWriter; dossierAudit: DossierAuditService; auditLog: AuditLogService; talent: TalentService; dataDir: string }) {
  const service = new PipelineService(deps.db, deps.crypto, deps.personWriter, deps.dossierAudit, deps.auditLog);
  deps.talent.onBecameApplicant(service.onBecameApplicant);
  return { service, views: new PipelineViews(deps.db, deps.crypto, deps.dossierAudit, deps.auditLog), files: new PipelineFiles(deps.db, deps.auditLog, deps.dataDir) };
}
