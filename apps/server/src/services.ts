import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { FieldCrypto } from './lib/crypto.ts';
import { AuditLogService } from './modules/audit-log/audit-log.service.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { DivisionsService } from './modules/divisions/divisions.service.ts';
import { GridsService } from './modules/divisions/grids.service.ts';
import { HomeService } from './modules/home/home.service.ts';
import { LedgerImportService } from './modules/ledger/import/ledger-import.service.ts';
import { PersonWriter } from './modules/ledger/person-writer.ts';
import { ImportJobs } from './modules/ledger/import/import-jobs.ts';
import { LedgerExport } from './modules/ledger/ledger-export.ts';
import { LedgerService } from './modules/ledger/ledger.service.ts';
import { ReviewService } from './modules/ledger/review.service.ts';
import { TalentService } from './modules/talent/talent.service.ts';
import { OrgsService } from './modules/orgs/orgs.service.ts';
import { UsersService } from './modules/users/users.service.ts';
import { SurveysService } from './modules/surveys/surveys.service.ts';
import { DossierAuditService } from './modules/dossier-audit/dossier-audit.service.ts';
import { NewOrgsService } from './modules/new-orgs/new-orgs.service.ts';
import { NewOrgsImportService } from './modules/new-orgs/new-orgs-import.service.ts';
import { NewOrgsImportJobs } from './modules/new-orgs/new-orgs-import-jobs.ts';
import { CoverageService } from './modules/new-orgs/coverage.service.ts';
import { MobileOrgsService } from './modules/mobile-orgs/mobile-orgs.service.ts';
import { MicroOrgsService } from './modules/micro-orgs/micro-orgs.service.ts';
import { MicroActivitiesService } from './modules/micro-orgs/micro-activities.service.ts';
import { createPipeline } from './modules/pipeline/index.ts';

/** Wires the services once; the HTTP app and the CLI both use this, so they share every rule. */
export function createServices(database: DatabaseHandle, crypto: FieldCrypto, config: Pick<Config, 'sessionIdleMinutes' | 'cityCode' | 'dataDir'>) {
  const { db } = database;
  const auditLog = new AuditLogService(db, crypto);
  const users = new UsersService(db, crypto, auditLog);
  const auth = new AuthService(db, crypto, auditLog, users.repo, { sessionIdleMinutes: config.sessionIdleMinutes, issuer: '新血' });
  const divisions = new DivisionsService(db, database.engine);
  const grids = new GridsService(db, divisions, auditLog);
  const orgs = new OrgsService(db, divisions, auditLog);
  const home = new HomeService(db, divisions);
  const personWriter = new PersonWriter(crypto);
  const ledgerImport = new LedgerImportService(db, personWriter, auditLog, config.cityCode);
  const importJobs = new ImportJobs(db, ledgerImport, config.dataDir);
  const ledger = new LedgerService(db, crypto, personWriter, divisions, auditLog);
  const ledgerExport = new LedgerExport(db, crypto, personWriter, ledger, divisions, auditLog);
  const review = new ReviewService(db, crypto, personWriter, auditLog);
  const talent = new TalentService(db, crypto, ledger, auditLog);
  const dossierAudit = new DossierAuditService(db, auditLog);
  const surveys = new SurveysService(db, crypto, personWriter, divisions, auditLog);
  const newOrgs = new NewOrgsService(db, database.engine, divisions, auditLog, config.cityCode);
  const newOrgsImport = new NewOrgsImportService(db, auditLog, config.cityCode);
  const newOrgImportJobs = new NewOrgsImportJobs(newOrgsImport, config.dataDir);
  const coverage = new CoverageService(db, newOrgs);
  const mobileOrgs = new MobileOrgsService(db, divisions, auditLog, config.cityCode);
  const microOrgs = new MicroOrgsService(db, divisions, auditLog, config.cityCode);
  const microActivities = new MicroActivitiesService(db, divisions, talent, auditLog);
  const pipeline = createPipeline({ db, crypto, personWriter, dossierAudit, auditLog, talent, dataDir: config.dataDir });
  return { database, crypto, config, auditLog, users, auth, divisions, grids, orgs, home, personWriter, ledgerImport, importJobs, ledger, ledgerExport, review, talent, dossierAudit, surveys, newOrgs, newOrgsImport, newOrgImportJobs, coverage, mobileOrgs, microOrgs, microActivities, pipeline };
}

export type Services = ReturnType<typeof createServices>;
