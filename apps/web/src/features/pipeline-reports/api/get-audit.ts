import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type Severity = 'BLOCK' | 'WARN' | 'INFO';

export interface AuditFinding {
  dossierId: number;
  personName: string;
  orgId: number;
  orgName: string;
  status: 'active' | 'withdrawn' | 'notRecognized' | 'member';
  currentStep: number;
  step: number;
  stepName: string;
  rule: string;
  ruleName: string;
  severity: Severity;
  message: string;
  source: string;
}

export interface AuditReport {
  asOf: string;
  city: string;
  totals: { dossiers: number; withBlock: number; withWarn: number; findings: number };
  byRule: { rule: string; name: string; severity: Severity; count: number; dossiers: number; dossierIds: number[] }[];
  byOrg: { orgId: number; orgName: string; dossiers: number; withBlock: number; withWarn: number; findings: number }[];
  /** At most 1000; the export has all. */
  findings: AuditFinding[];
}

export function getAudit(orgId: number | undefined, signal?: AbortSignal): Promise<AuditReport> {
  return api<AuditReport>('/api/pipeline/audit', { query: { orgId }, signal });
}

export function useAudit(orgId: number | undefined) {
  return useQuery({ queryKey: ['pipeline-reports', 'audit', orgId ?? null], queryFn: ({ signal }) => getAudit(orgId, signal) });
}
