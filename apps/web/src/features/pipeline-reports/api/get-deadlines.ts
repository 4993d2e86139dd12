import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The kinds of deadline (packages/domain/src/pipeline/deadlines.ts); the server sends their labels. */
export type DeadlineKind = 'talk' | 'assessment' | 'meeting' | 'approval' | 'oath' | 'confirmationApplication' | 'probationEnd' | 'confirmationApproval';

export interface DeadlineRow {
  dossierId: number;
  personName: string;
  orgId: number;
  orgName: string;
  kind: DeadlineKind;
  label: string;
  step: number;
  stepName: string;
  dueOn: string;
  /** From when the step may be done (probation end, the application window). */
  fromOn?: string;
  /** Negative once overdue. */
  daysLeft: number;
  overdue: boolean;
  rule: string;
  note: string;
}

export interface Deadlines {
  asOf: string;
  within: number;
  total: number;
  overdue: number;
  items: DeadlineRow[];
  counts: {
    /** Of the window, before the kind filter. */
    byKind: { kind: DeadlineKind; label: string; total: number; overdue: number }[];
    byOrg: { orgId: number; orgName: string; total: number; overdue: number }[];
  };
}

export interface DeadlineFilter {
  orgId?: number | undefined;
  within: number;
  kind?: DeadlineKind | undefined;
}

export function getDeadlines(filter: DeadlineFilter, signal?: AbortSignal): Promise<Deadlines> {
  return api<Deadlines>('/api/pipeline/deadlines', { query: { ...filter }, signal });
}

export function useDeadlines(filter: DeadlineFilter) {
  return useQuery({ queryKey: ['pipeline-reports', 'deadlines', filter], queryFn: ({ signal }) => getDeadlines(filter, signal) });
}
