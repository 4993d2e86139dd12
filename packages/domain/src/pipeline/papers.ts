import type { Dossier, Notice, Opinion } from '../dossier/format.ts';

/**
 * The papers beside the steps — public notices (公示) with their objections and answered opinion
 * requests (征求意见函) — fold into the `xinxue-dossier/1` document when a step is recorded, so the
 * rules (R-PUB-*, R-TWOPLACE-ROUNDS, R-DEV-OPINIONS) see them. The server calls this before the gate
 * judges; the browser's step forms call it with `GET /api/dossiers/:id/papers` for instant feedback.
 * Pure and idempotent: recording again changes nothing; entries typed in a step's input are kept.
 */

type NoticeStage = Notice['stage'];
type OpinionStage = Opinion['stage'];

/** A notice as `GET /api/dossiers/:id/papers` returns it (only the fields the fold reads). */
export interface PaperNotice {
  stage: NoticeStage;
  place: Notice['place'];
  startOn: string;
  endOn: string;
  cancelledAt: string | null;
  objections: readonly { receivedOn: string; resolvedOn: string | null; upheld: boolean | null }[];
}

/** An opinion request (征求意见函) as the same endpoint returns it. */
export interface PaperRequest {
  stage: OpinionStage;
  place: Opinion['place'];
  answeredOn: string | null;
  aspects: Opinion['aspects'] | null;
  cancelledAt: string | null;
}

export interface Papers {
  notices: readonly PaperNotice[];
  requests: readonly PaperRequest[];
}

/** The step at which a notice of each stage is judged (R-PUB-LOCAL, R-PUB-CANDIDATE-*). */
export const noticeStageStep: Record<NoticeStage, number> = { activist: 3, candidate: 7, admission: 15, confirmation: 23 };

/** The step at which an opinion round of each stage is judged (R-TWOPLACE-ROUNDS, R-DEV-OPINIONS). */
export const opinionStageStep: Record<OpinionStage, number> = { keyContact: 3, activist: 3, candidate: 7, admission: 12, confirmation: 23 };

export const noticeKey = (n: { stage: string; place: string; start: string; end: string }) => `${n.stage}|${n.place}|${n.start}|${n.end}`;
export const opinionKey = (o: { stage: string; place: string; channel: string; on: string }) => `${o.stage}|${o.place}|${o.channel}|${o.on}`;

/** A recorded notice in the format: an objection not yet resolved has no `resolvedOn` (it stands in the way). */
export function noticeOf(n: PaperNotice): Notice {
  return {
    stage: n.stage, place: n.place, start: n.startOn, end: n.endOn,
    objections: n.objections.map((o) => ({ receivedOn: o.receivedOn, ...(o.resolvedOn && o.upheld !== null ? { resolvedOn: o.resolvedOn } : {}), upheld: o.upheld === true })),
  };
}

export function opinionOf(r: PaperRequest & { answeredOn: string; aspects: Opinion['aspects'] }): Opinion {
  return { stage: r.stage, place: r.place, channel: 'letter', on: r.answeredOn, aspects: { ...r.aspects } };
}

/** Replaces entries with the same key in place (objections resolved since, an answer corrected), appends new ones, drops withdrawn ones. */
function merge<T>(list: readonly T[] | undefined, add: readonly T[], drop: ReadonlySet<string>, key: (item: T) => string): T[] | undefined {
  if (!list?.length && !add.length) return list ? [...list] : undefined;
  const byKey = new Map(add.map((item) => [key(item), item]));
  const out: T[] = [];
  for (const item of list ?? []) {
    const k = key(item);
    if (byKey.has(k)) {
      out.push(byKey.get(k)!);
      byKey.delete(k);
    } else if (!drop.has(k)) out.push(item);
  }
  out.push(...byKey.values());
  return out;
}

/**
 * The document with the dossier's papers of the stages `step` covers: non-cancelled notices (activist
 * at step 3, candidate 7, admission 15, confirmation 23 and after) into `notices`, answered requests
 * (keyContact/activist 3, candidate 7, admission 12, confirmation 23) into `opinions` as channel `letter`.
 * A notice or letter cancelled after it was folded is taken out again.
 */
export function withPapers(document: Dossier, papers: Papers, step: number): Dossier {
  const notices = papers.notices.filter((n) => noticeStageStep[n.stage] <= step);
  const liveNotices = notices.filter((n) => !n.cancelledAt).map(noticeOf);
  const live = new Set(liveNotices.map(noticeKey));
  const droppedNotices = new Set(notices.filter((n) => n.cancelledAt).map((n) => noticeKey(noticeOf(n))).filter((k) => !live.has(k)));

  const requests = papers.requests.filter((r) => opinionStageStep[r.stage] <= step && r.answeredOn && r.aspects);
  const answered = requests.filter((r) => !r.cancelledAt).map((r) => opinionOf(r as PaperRequest & { answeredOn: string; aspects: Opinion['aspects'] }));
  const liveOpinions = new Set(answered.map(opinionKey));
  const droppedOpinions = new Set(requests.filter((r) => r.cancelledAt).map((r) => opinionKey(opinionOf(r as PaperRequest & { answeredOn: string; aspects: Opinion['aspects'] }))).filter((k) => !liveOpinions.has(k)));

  const out: Dossier = { ...document };
  // An empty or absent list with nothing to add stays as it was, so recording changes nothing.
  const n = merge(document.notices, liveNotices, droppedNotices, noticeKey);
  if (n?.length) out.notices = n;
  else if (document.notices?.length) delete out.notices;
  const o = merge(document.opinions, answered, droppedOpinions, opinionKey);
  if (o?.length) out.opinions = o;
  else if (document.opinions?.length) delete out.opinions;
  return out;
}

/**
 * At step 7 notices typed in the step's input replace the document's candidate notices (`applyStep`).
 * The recorded candidate notices are added to the typed ones, so neither is lost.
 */
export function typedNoticesWithPapers(typed: readonly Omit<Notice, 'stage'>[], folded: Dossier): Omit<Notice, 'stage'>[] {
  const keys = new Set(typed.map((n) => noticeKey({ ...n, stage: 'candidate' })));
  const extra = (folded.notices ?? []).filter((n) => n.stage === 'candidate' && !keys.has(noticeKey(n))).map(({ stage: _stage, ...rest }) => rest);
  return [...typed, ...extra];
}
