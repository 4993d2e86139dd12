import type { Notice } from '../dossier/format.ts';
import { DOC, blockingObjections, listingVersionDate, noticeWorkingDays } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

/** The notice that starts last (by the sort this rule has always used; one notice needs no sort). */
function latestOf(list: Notice[]): Notice | undefined {
  return list.length > 1 ? list.sort((a, b) => (a.start < b.start ? -1 : 1)).pop() : list[0];
}

export const rule: RuleModule = {
  id: 'R-PUB-CANDIDATE-2PLACES',
  name: '流动人员在流出地和流入地同时公示',
  text: '2026年版：发展对象是流动人员的，在流出地（原籍地）和流入地（务工地）同时公示，两地公示期有重叠，各不少于5个工作日；原籍地公示的异议也须处理完毕。务工地公示本身的要求见 R-PUB-CANDIDATE-5WD。',
  versions: ['V2026'],
  severity: 'BLOCK',
  source: `${DOC}（2026年）第十三条`,
  step: 7,
  messages: {
    noOrigin: '流动人员确定为发展对象（{candidate}）前，没有在原籍地（流出地）公示的记录',
    originShort: '原籍地公示 {start} 至 {end} 仅 {days} 个工作日，不足5个工作日',
    notSimultaneous: '原籍地公示（{originStart} 至 {originEnd}）与务工地公示（{workStart} 至 {workEnd}）不是同时进行',
    originObjection: '原籍地公示中有 {count} 件异议未处理或经核实成立',
  },
  evaluate({ d, isMigrant }, ctx) {
    const c = d.candidate;
    const on = listingVersionDate(d, ctx);
    if (!c || !on || !isMigrant) return NO_HITS;
    const notices = (d.notices ?? []).filter((n) => n.stage === 'candidate');
    const origin = latestOf(notices.filter((n) => n.place === 'origin'));
    const work = latestOf(notices.filter((n) => n.place !== 'origin'));
    if (!origin) return [hit('noOrigin', { candidate: c.on }, { on })];
    const out = [];
    const days = noticeWorkingDays(origin, ctx);
    if (days < 5) out.push(hit('originShort', { start: origin.start, end: origin.end, days }, { on }));
    if (work && (origin.start > work.end || work.start > origin.end)) {
      out.push(hit('notSimultaneous', { originStart: origin.start, originEnd: origin.end, workStart: work.start, workEnd: work.end }, { on }));
    }
    const { unresolved, upheld } = blockingObjections(origin, c.on);
    if (unresolved + upheld > 0) out.push(hit('originObjection', { count: unresolved + upheld }, { on }));
    return out;
  },
};
