import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The papers beside a dossier's steps, as `GET /api/dossiers/:id/papers` returns them (also what `withPapers` folds). */
export type NoticeStage = 'activist' | 'candidate' | 'admission' | 'confirmation';
export type NoticePlace = 'origin' | 'workplace' | 'unit' | 'residence';
export type RequestStage = 'keyContact' | NoticeStage;
export type TwoPlace = 'origin' | 'workplace';
export type AspectResult = 'pass' | 'fail';
export interface Aspects { quality: AspectResult; contribution: AspectResult; conduct: AspectResult; lawfulness: AspectResult }

export interface Objection {
  id: number;
  receivedOn: string;
  summary: string;
  resolvedOn: string | null;
  resolution: string | null;
  upheld: boolean | null;
  version: number;
}

export interface Notice {
  id: number;
  dossierId: number;
  stage: NoticeStage;
  stageLabel: string;
  place: NoticePlace;
  placeLabel: string;
  location: string;
  startOn: string;
  endOn: string;
  workingDays: number;
  contact: string | null;
  note: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  status: 'upcoming' | 'running' | 'ended' | 'cancelled';
  statusLabel: string;
  version: number;
  objections: Objection[];
}

export interface OpinionRequest {
  id: number;
  dossierId: number;
  stage: RequestStage;
  stageLabel: string;
  place: TwoPlace;
  placeLabel: string;
  toOrgId: number | null;
  toOrgName: string | null;
  toName: string;
  letterNo: string;
  sentOn: string;
  replyBy: string;
  answeredOn: string | null;
  aspects: Aspects | null;
  answerNote: string | null;
  answeredBy: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  overdue: boolean;
  version: number;
}

export interface DossierPapersData {
  notices: Notice[];
  requests: OpinionRequest[];
}

export const papersQueryKey = ['pipeline-papers'] as const;
export const dossierPapersKey = (dossierId: number) => [...papersQueryKey, 'dossier', dossierId] as const;

export function getDossierPapers(dossierId: number, signal?: AbortSignal): Promise<DossierPapersData> {
  return api<DossierPapersData>(`/api/dossiers/${dossierId}/papers`, { signal });
}

export function useDossierPapers(dossierId: number) {
  return useQuery({ queryKey: dossierPapersKey(dossierId), queryFn: ({ signal }) => getDossierPapers(dossierId, signal) });
}

export const stageOptions: { value: NoticeStage; label: string }[] = [
  { value: 'activist', label: '确定入党积极分子' },
  { value: 'candidate', label: '确定发展对象' },
  { value: 'admission', label: '接收预备党员' },
  { value: 'confirmation', label: '预备党员转正' },
];
export const requestStageOptions: { value: RequestStage; label: string }[] = [{ value: 'keyContact', label: '确定重点联系对象' }, ...stageOptions];
export const placeOptions: { value: NoticePlace; label: string }[] = [
  { value: 'workplace', label: '务工地（流入地）' },
  { value: 'origin', label: '原籍地（流出地）' },
  { value: 'unit', label: '工作学习单位' },
  { value: 'residence', label: '居住地' },
];
export const aspectLabels: Record<keyof Aspects, string> = { quality: '政治素质', contribution: '现实表现（贡献）', conduct: '工作作风', lawfulness: '遵纪守法' };

/** Downloads are plain links: the session cookie goes along. */
export const noticeDocxUrl = (id: number) => `/api/notices/${id}/docx`;
export const letterDocxUrl = (id: number) => `/api/opinion-requests/${id}/docx`;
