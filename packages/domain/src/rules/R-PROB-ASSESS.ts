import { daysBetween } from '../calendar/dates.ts';
import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-PROB-ASSESS',
  name: '预备期教育考察有记录',
  text: '党组织对预备党员进行教育和考察：预备期（支部大会起至讨论转正或审核基准日）满三个月的，应有教育考察记录；2026年版还须有《预备党员教育考察登记表》。考察频次属地方规定，不作判断。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: `${DOC}第十五条、第三十条`,
  step: 21,
  messages: {
    none: '预备期（{start} 至 {end}）没有教育考察记录',
    noRegister: '没有《预备党员教育考察登记表》（2026年版要求）',
  },
  evaluate({ d, documents }, ctx) {
    const m = d.admissionMeeting;
    const a = d.approval;
    if (!m || !a) return NO_HITS;
    const end = d.confirmation?.meeting.on ?? ctx.asOf;
    const out = [];
    if (daysBetween(m.on, end) >= 90 && !(d.probationAssessments ?? []).some((x) => x.on >= m.on && x.on <= end)) out.push(hit('none', { start: m.on, end }, { on: end }));
    if (ctx.versionOn(a.on) === 'V2026' && !documents.has('probationRegister')) out.push(hit('noRegister', {}, { on: a.on }));
    return out;
  },
};
