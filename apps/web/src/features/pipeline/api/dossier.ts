import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dossier } from '@xinxue/domain/dossier/index';
import type { Pending } from '@xinxue/domain/pipeline/step-inputs';
import { api } from '../../../lib/api-client';
import { fetchFile, postForm, saveFile } from '../../ledger/file-transfer';

/**
 * The dossier page's data: the JSON of `GET /api/dossiers/:id` (pipeline-views.ts `detail`), and the
 * hooks that read and change it. The step forms (components/step-form) take `DossierDetail` too.
 */
export type DossierStatus = 'active' | 'withdrawn' | 'notRecognized' | 'member';
export type Severity = 'BLOCK' | 'WARN' | 'INFO';
export type StepStatus = 'done' | 'missing' | 'current' | 'pending';

/** One finding of the rule engine (`toGateFinding`). */
export interface GateFinding {
  rule: string;
  severity: Severity;
  version: string;
  step: number;
  message: string;
  source: string;
}

/** One item of the six refusals (六个不批) with its evidence. */
export interface ChecklistItem {
  item: number;
  text: string;
  rules: string[];
  status: 'passed' | 'failed' | 'unknown';
  findings: GateFinding[];
  evidence: { field: string; label: string; value: string | number | boolean | null }[];
  note?: string;
}

export interface StepRecord {
  on: string | null;
  /** The fields sent for the step (as the step's zod schema read them). */
  input: unknown;
  recordedAt: string;
  by: string;
}

export interface DossierStep {
  number: number;
  stage: number;
  name: string;
  status: StepStatus;
  /** Undone by a send-back and to be recorded again. */
  redo: boolean;
  records: StepRecord[];
  findings: GateFinding[];
}

export interface DossierEvent {
  id: number;
  kind: 'opened' | 'step' | 'refused' | 'sentBack' | 'withdrawn' | 'notRecognized' | 'imported' | (string & {});
  kindLabel: string;
  step: number | null;
  occurredOn: string | null;
  recordedAt: string;
  recordedBy: string;
  detail: Record<string, unknown>;
}

export interface DossierFile {
  id: number;
  step: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** An action the user may take now, or the Chinese reason why not. */
export interface ActionState {
  allowed: boolean;
  reason: string | null;
}

/** What this user can do on this dossier now (server-computed). */
export interface NextActions {
  /** True when the user's scope covers the handling organization and they hold dossiers:write. */
  canWrite: boolean;
  /** Why not, when canWrite is false (other place's side, read-only role, closed dossier). */
  readOnlyReason: string | null;
  /** The step that can be recorded now (null when none: closed, archived, or read-only). */
  recordStep: { step: number; name: string } | null;
  /** A step that may be recorded again now (6 or 21), besides the next one. */
  repeatStep: { step: number; name: string } | null;
  /** Steps that a send-back may return to (already passed). */
  sendBackSteps: number[];
  sendBack: ActionState;
  withdraw: ActionState;
  notRecognized: ActionState;
  upload: ActionState;
}

export interface DossierDetail {
  id: number;
  externalId: string;
  status: DossierStatus;
  /** 1..25, or 26 once archived. */
  currentStep: number;
  stage: number;
  version: number;
  openedOn: string;
  person: { id: number; name: string; idNumberMasked: string | null; divisionCode: string };
  org: { id: number; name: string };
  otherOrg: { id: number; name: string } | null;
  stages: { number: number; name: string }[];
  steps: DossierStep[];
  findings: GateFinding[];
  sixRefusals: ChecklistItem[] | null;
  /** The xinxue-dossier/1 record. */
  document: Dossier;
  /** Half-filled activist/confirmation between their steps. */
  pending: Pending;
  events: DossierEvent[];
  files: DossierFile[];
  nextActions: NextActions;
}

export const dossiersQueryKey = ['dossiers'] as const;
export const dossierQueryKey = (id: number) => ['dossiers', 'detail', id] as const;

export function getDossier(id: number, signal?: AbortSignal): Promise<DossierDetail> {
  return api<DossierDetail>(`/api/dossiers/${id}`, { signal });
}

export function useDossier(id: number | undefined) {
  return useQuery({
    queryKey: dossierQueryKey(id ?? 0),
    queryFn: ({ signal }) => getDossier(id!, signal),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
  });
}

// ---- list ---------------------------------------------------------------------------------------

export interface DossierListItem {
  id: number;
  externalId: string;
  personId: number;
  personName: string;
  idNumberMasked: string | null;
  orgId: number;
  orgName: string;
  otherOrgId: number | null;
  otherOrgName: string | null;
  status: DossierStatus;
  currentStep: number;
  currentStepName: string;
  stage: number;
  openedOn: string;
  updatedAt: string;
  version: number;
}

export interface DossierFilter {
  stage?: number | undefined;
  step?: number | undefined;
  orgId?: number | undefined;
  /** With orgId: the organization and every organization under it. */
  subtree?: boolean | undefined;
  status?: DossierStatus | undefined;
  personId?: number | undefined;
  /** The person's name (part of it). */
  q?: string | undefined;
  sort?: 'updated' | 'id' | undefined;
}

export interface DossierPage {
  total: number;
  page: number;
  pageSize: number;
  items: DossierListItem[];
}

export function filterQuery(filter: DossierFilter): Record<string, string | number | undefined> {
  return {
    stage: filter.stage, step: filter.step, orgId: filter.orgId, subtree: filter.subtree && filter.orgId ? 1 : undefined,
    status: filter.status, personId: filter.personId, q: filter.q?.trim() || undefined, sort: filter.sort,
  };
}

export function useDossiers(filter: DossierFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...dossiersQueryKey, 'list', filter, page, pageSize],
    queryFn: ({ signal }) => api<DossierPage>('/api/dossiers', { query: { ...filterQuery(filter), page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The dossiers of one person (a person or target page shows the link, or the button to open one). */
export function usePersonDossiers(personId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...dossiersQueryKey, 'person', personId],
    queryFn: ({ signal }) => api<DossierPage>('/api/dossiers', { query: { personId, page: 1, pageSize: 20 }, signal }),
    enabled: enabled && personId !== undefined,
  });
}

// ---- writes -------------------------------------------------------------------------------------

function useDossierMutation<V, T = unknown>(fn: (vars: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: dossiersQueryKey }),
  });
}

export interface OpenDossierBody {
  personId: number;
  orgId: number;
  datedOn: string;
  receivedOn?: string;
  signed?: boolean;
  justification?: string;
}

export function useOpenDossier() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenDossierBody) => api<DossierDetail>('/api/dossiers', { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: dossiersQueryKey }),
  });
}

export function useSendBack(id: number) {
  return useDossierMutation((body: { version: number; toStep: number; reason: string }) => api(`/api/dossiers/${id}/send-back`, { method: 'POST', body }));
}

export function useWithdraw(id: number) {
  return useDossierMutation((body: { version: number; reason: string; on: string }) => api(`/api/dossiers/${id}/withdraw`, { method: 'POST', body }));
}

export function useNotRecognized(id: number) {
  return useDossierMutation((body: { version: number; reason: string; on: string; decidedBy: string }) => api(`/api/dossiers/${id}/not-recognized`, { method: 'POST', body }));
}

// ---- files, export, import ----------------------------------------------------------------------

export function useUploadFile(id: number) {
  return useDossierMutation(({ step, file }: { step: number; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return postForm<DossierFile>(`/api/dossiers/${id}/files?step=${step}`, form);
  });
}

export async function downloadDossierFile(id: number, file: Pick<DossierFile, 'id' | 'fileName'>): Promise<void> {
  saveFile(await fetchFile(`/api/dossiers/${id}/files/${file.id}`, { fallbackName: file.fileName }));
}

/** Saves one dossier as xinxue-dossier/1. */
export async function exportDossier(id: number): Promise<void> {
  saveFile(await fetchFile(`/api/dossiers/${id}/export`, { fallbackName: `发展党员档案-${id}.json` }));
}

/** Saves every dossier of the filter as xinxue-dossier/1. */
export async function exportDossiers(filter: DossierFilter): Promise<void> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filterQuery(filter))) if (v !== undefined && k !== 'sort') params.set(k, String(v));
  const text = params.toString();
  saveFile(await fetchFile(`/api/dossiers/export${text ? `?${text}` : ''}`, { fallbackName: '发展党员档案.json' }));
}

export interface ImportResult {
  format: string;
  dossiers: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Imports a xinxue-dossier/1 file for an organization; a malformed file is refused whole, its errors by JSON path. */
export function useImportDossiers() {
  return useDossierMutation(({ orgId, body }: { orgId: number; body: unknown }) =>
    api<ImportResult>('/api/dossiers/import', { method: 'POST', query: { orgId }, body }),
  );
}

/** The three deferrals (三个暂不发展) from the ledger's facts as of a date (steps 3 and 7). */
export interface DeferralFacts {
  asOf: string;
  monthsAwayLastYear: number | null;
  hasFixedEmployer: boolean | null;
  performance: 'good' | 'fair' | 'poor' | null;
  evidence: { monthsAwayLastYear: string; hasFixedEmployer: string; performance: string };
}

export function useDeferral(id: number, on: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['dossiers', 'deferral', id, on],
    queryFn: ({ signal }) => api<DeferralFacts>(`/api/dossiers/${id}/deferral`, { query: { on }, signal }),
    enabled: enabled && id > 0,
  });
}
