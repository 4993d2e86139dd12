import type { Db } from '../../db/database.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { DossierAuditService } from '../dossier-audit/dossier-audit.service.ts';
import { PipelineReportsService } from './pipeline-reports.service.ts';

export { pipelineReportsRoutes, homeDeadlines } from './pipeline-reports.routes.ts';
export { PipelineReportsService } from './pipeline-reports.service.ts';

/** Deadlines, the board and the batch audit: read-only reports over `dossiers.document`. */
export function createPipelineReports(deps: { db: Db; dossierAudit: DossierAuditService; auditLog: AuditLogService }) {
  return new PipelineReportsService(deps.db, deps.dossierAudit, deps.auditLog);
}
