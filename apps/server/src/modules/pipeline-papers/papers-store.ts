import { isWithinScope } from '@xinxue/domain';
import type { Dossier } from '@xinxue/domain/dossier/index';
import { type Papers, typedNoticesWithPapers, withPapers } from '@xinxue/domain/pipeline/papers';
import { type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DossierNoticeObjectionTable, DossierNoticeTable, DossierOpinionRequestTable } from '../../db/schema.ts';
import { prefixRange, type Scope } from '../../lib/scope.ts';

/**
 * Rows of the papers as the API shows them, and the fold into a dossier's document that
 * PipelineService.recordStep calls before the gate judges a step.
 */
export type NoticeRow = Selectable<DossierNoticeTable>;
export type ObjectionRow = Selectable<DossierNoticeObjectionTable>;
export type RequestRow = Selectable<DossierOpinionRequestTable>;
export type Aspects = { quality: 'pass' | 'fail'; contribution: 'pass' | 'fail'; conduct: 'pass' | 'fail'; lawfulness: 'pass' | 'fail' };

export const stageLabels = { keyContact: '确定重点联系对象', activist: '确定入党积极分子', candidate: '确定发展对象', admission: '接收预备党员', confirmation: '预备党员转正' } as const;
export const placeLabels = { origin: '原籍地（流出地）', workplace: '务工地（流入地）', unit: '工作学习单位', residence: '居住地' } as const;
export const aspectLabels = { quality: '政治素质', contribution: '现实表现（贡献）', conduct: '工作作风', lawfulness: '遵纪守法' } as const;

export function objectionView(o: ObjectionRow) {
  return { id: o.id, receivedOn: o.received_on, summary: o.summary, resolvedOn: o.resolved_on, resolution: o.resolution, upheld: o.upheld === null ? null : o.upheld === 1, version: o.version };
}

export type NoticeStatus = 'upcoming' | 'running' | 'ended' | 'cancelled';
export const noticeStatusLabels: Record<NoticeStatus, string> = { upcoming: '未开始', running: '公示中', ended: '已结束', cancelled: '已撤销' };

export function noticeStatus(n: Pick<NoticeRow, 'cancelled_at' | 'start_on' | 'end_on'>, today: string): NoticeStatus {
  if (n.cancelled_at) return 'cancelled';
  if (today < n.start_on) return 'upcoming';
  return today <= n.end_on ? 'running' : 'ended';
}

export function noticeView(n: NoticeRow, objections: ObjectionRow[], today: string) {
  const status = noticeStatus(n, today);
  return {
    id: n.id, dossierId: n.dossier_id, stage: n.stage, stageLabel: stageLabels[n.stage], place: n.place, placeLabel: placeLabels[n.place], location: n.location,
    startOn: n.start_on, endOn: n.end_on, workingDays: n.working_days, contact: n.contact, note: n.note, cancelledAt: n.cancelled_at, cancelReason: n.cancel_reason,
    status, statusLabel: noticeStatusLabels[status], version: n.version, objections: objections.map(objectionView),
  };
}

export function requestView(r: RequestRow, today: string, toOrgName: string | null) {
  return {
    id: r.id, dossierId: r.dossier_id, stage: r.stage, stageLabel: stageLabels[r.stage], place: r.place, placeLabel: placeLabels[r.place], toOrgId: r.to_org_id, toOrgName, toName: r.to_name,
    letterNo: r.letter_no, sentOn: r.sent_on, replyBy: r.reply_by, answeredOn: r.answered_on, aspects: r.aspects ? (JSON.parse(r.aspects) as Aspects) : null, answerNote: r.answer_note,
    answeredBy: r.answered_by_name, cancelledAt: r.cancelled_at, cancelReason: r.cancel_reason,
    overdue: !r.answered_on && !r.cancelled_at && r.reply_by < today, version: r.version,
  };
}

/** A party organization (division and path) inside the scope, as `loadDossier` decides it. */
export function orgVisible(org: { division_code: string | null; path: string | null } | undefined, scope: Scope): boolean {
  if (!org?.division_code || org.path === null) return false;
  return isWithinScope(org.division_code, scope.divisionPrefix) && (!scope.orgPath || org.path.startsWith(scope.orgPath));
}

function rangeSql(column: string, prefix: string) {
  const [low, high] = prefixRange(prefix);
  return sql<SqlBool>`(${sql.ref(column)} >= ${low} and ${sql.ref(column)} < ${high})`;
}

/** An organization alias of the query inside the scope (division range and, for an org-scoped user, its subtree). */
export function aliasInScope(alias: string, scope: Scope) {
  const division = rangeSql(`${alias}.division_code`, scope.divisionPrefix);
  return scope.orgPath ? sql<SqlBool>`(${division} and ${rangeSql(`${alias}.path`, scope.orgPath)})` : division;
}

async function objectionsOf(db: Db, noticeIds: number[]): Promise<Map<number, ObjectionRow[]>> {
  const out = new Map<number, ObjectionRow[]>();
  for (let i = 0; i < noticeIds.length; i += 500) {
    const rows = await db.selectFrom('dossier_notice_objections').selectAll().where('notice_id', 'in', noticeIds.slice(i, i + 500)).orderBy('id').execute();
    for (const o of rows) out.set(o.notice_id, [...(out.get(o.notice_id) ?? []), o]);
  }
  return out;
}

export async function noticesWithObjections(db: Db, notices: NoticeRow[], today: string) {
  const objections = notices.length ? await objectionsOf(db, notices.map((n) => n.id)) : new Map<number, ObjectionRow[]>();
  return notices.map((n) => noticeView(n, objections.get(n.id) ?? [], today));
}

/** A dossier's papers (no scope check: callers have loaded the dossier through `loadDossier`). */
export async function dossierPapers(db: Db, dossierId: number, today: string) {
  const notices = await db.selectFrom('dossier_notices').selectAll().where('dossier_id', '=', dossierId).orderBy('start_on').orderBy('id').execute();
  const requests = await db
    .selectFrom('dossier_opinion_requests as r')
    .leftJoin('party_orgs as t', 't.id', 'r.to_org_id')
    .selectAll('r')
    .select('t.name as to_org_name')
    .where('r.dossier_id', '=', dossierId)
    .orderBy('r.sent_on')
    .orderBy('r.id')
    .execute();
  return { notices: await noticesWithObjections(db, notices, today), requests: requests.map((r) => requestView(r, today, r.to_org_name)) };
}

/** What `withPapers` needs of a dossier's papers. */
export async function loadPapers(db: Db, dossierId: number): Promise<Papers> {
  const { notices, requests } = await dossierPapers(db, dossierId, '0000-00-00');
  return { notices, requests };
}

/**
 * Called by PipelineService.recordStep: the dossier's notices and answered letters of the stages the
 * step covers join the document before the gate judges. At step 7, notices typed in the input
 * replace the candidate notices (applyStep), so the recorded ones are added to the typed list.
 */
export async function foldPapers(db: Db, dossierId: number, step: number, base: Dossier, input: unknown): Promise<Dossier> {
  const folded = withPapers(base, await loadPapers(db, dossierId), step);
  const typed = step === 7 ? (input as { notices?: Parameters<typeof typedNoticesWithPapers>[0] }).notices : undefined;
  if (typed?.length) (input as { notices: unknown }).notices = typedNoticesWithPapers(typed, folded);
  return folded;
}
