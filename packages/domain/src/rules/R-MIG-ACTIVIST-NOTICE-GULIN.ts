import { noticeWorkingDays } from './helpers.ts';
import { type Hit, type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MIG-ACTIVIST-NOTICE-GULIN',
  name: '确定流动人员为积极分子后公示再备案（本地示例）',
  text: '本地示例（古蔺县）：确定流动人员为入党积极分子后公示不少于设定的工作日数（默认5个），公示结束后再报县流动党员（外出务工人员）党委备案。默认关闭。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '古蔺县委组织部外出务工人员发展党员做法',
  step: 3,
  defaultEnabled: false,
  params: { minWorkingDays: { default: 5, label: '公示最少工作日数', min: 1, max: 15 } },
  messages: {
    none: '确定为入党积极分子（{activist}）后没有公示记录',
    short: '积极分子公示 {start} 至 {end} 仅 {days} 个工作日，不足 {min} 个',
    filedBeforeEnd: '积极分子备案（{filed}）早于公示结束（{end}）',
  },
  evaluate({ d, isMigrant }, ctx) {
    const a = d.activist;
    if (!isMigrant || !a) return NO_HITS;
    const notice = (d.notices ?? []).filter((n) => n.stage === 'activist' && n.start >= a.on).sort((x, y) => (x.start < y.start ? -1 : 1))[0];
    if (!notice) return [hit('none', { activist: a.on }, { on: a.on })];
    const min = ctx.params.minWorkingDays as number;
    const out: Hit[] = [];
    const days = noticeWorkingDays(notice, ctx);
    if (days < min) out.push(hit('short', { start: notice.start, end: notice.end, days, min }, { on: a.on }));
    if (a.filedOn <= notice.end) out.push(hit('filedBeforeEnd', { filed: a.filedOn, end: notice.end }, { on: a.on, step: 4 }));
    return out;
  },
};
