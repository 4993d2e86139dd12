import type { Notice } from '../dossier/format.ts';
import { DOC, afterNotice, blockingObjections, listingVersionDate, noticeWorkingDays } from './helpers.ts';
import { placeLabels } from './labels.ts';
import { type Hit, type RuleContext, type RuleModule, hit, NO_HITS } from './types.ts';

/** Problems of one notice against the listing date; empty when it satisfies the rule. */
function problems(n: Notice, consent: string | undefined, listing: string, min: number, ctx: RuleContext): Hit[] {
  const out: Hit[] = [];
  const where = placeLabels[n.place];
  if (consent && n.start < consent) out.push(hit('beforeConsent', { place: where, start: n.start, consent }));
  const days = noticeWorkingDays(n, ctx);
  if (days < min) out.push(hit('short', { place: where, start: n.start, end: n.end, days, min }));
  if (!afterNotice(n, listing, ctx)) out.push(hit('notEnded', { place: where, end: n.end, candidate: listing }));
  const { unresolved, upheld } = blockingObjections(n, listing);
  if (unresolved > 0) out.push(hit('objectionOpen', { place: where, count: unresolved }));
  if (upheld > 0) out.push(hit('objectionUpheld', { place: where, count: upheld }));
  return out;
}

export const rule: RuleModule = {
  id: 'R-PUB-CANDIDATE-5WD',
  name: '发展对象公示不少于5个工作日',
  text: '2026年版：上级党委同意后，在工作学习单位或居住地对发展对象进行公示，公示期不少于5个工作日（法定节假日和调休上班日按国务院安排计算；首日是否计入按本市设置）；公示结束后才能确定为发展对象（公示末日当天是否可以按本市设置）；每一件异议都须有处理结果且不影响发展。流动人员的务工地公示即本规则的单位或居住地公示。源文章“六个不批”第六条（没有经过公示的不批）。',
  versions: ['V2026'],
  severity: 'BLOCK',
  source: `${DOC}（2026年）第十三条`,
  step: 7,
  params: { minWorkingDays: { default: 5, label: '公示最少工作日数', min: 5, max: 15 } },
  messages: {
    none: '确定为发展对象（{candidate}）前没有在工作学习单位或居住地（务工地）公示的记录',
    beforeConsent: '{place}公示开始（{start}）早于上级党委同意（{consent}）',
    short: '{place}公示 {start} 至 {end} 仅 {days} 个工作日，不足 {min} 个工作日',
    notEnded: '{place}公示尚未结束（至 {end}）即确定为发展对象（{candidate}）',
    objectionOpen: '{place}公示收到的 {count} 件异议在确定发展对象前没有处理结果',
    objectionUpheld: '{place}公示中有 {count} 件异议经核实成立，不能确定为发展对象',
  },
  evaluate({ d }, ctx) {
    const c = d.candidate;
    const on = listingVersionDate(d, ctx);
    if (!c || !on) return NO_HITS;
    const notices = (d.notices ?? []).filter((n) => n.stage === 'candidate' && n.place !== 'origin');
    if (notices.length === 0) return [hit('none', { candidate: c.on }, { on })];
    const min = ctx.params.minWorkingDays as number;
    let reported: Hit[] | undefined;
    // Any notice that meets every condition suffices; otherwise report the latest attempt.
    // Sorting one notice changes nothing (most dossiers have one).
    for (const n of notices.length > 1 ? [...notices].sort((a, b) => (a.start < b.start ? -1 : 1)) : notices) {
      const found = problems(n, c.upperConsentOn, c.on, min, ctx);
      if (found.length === 0) return NO_HITS;
      reported = found;
    }
    return (reported ?? []).map((h) => ({ ...h, on }));
  },
};
