import { chinaDateOf, daysBetween } from '../calendar/dates.ts';
import { labelOfDatePath, stepOfDatePath, valueAtPath } from '../dossier/date-fields.ts';
import { genericDatePath } from '../pipeline/steps.ts';
import { FORWARD_DATES } from './R-NO-FUTURE.ts';
import { type Hit, type RuleModule, hit, NO_HITS } from './types.ts';

/**
 * Not a rule of rules.md §2: the issue asks the auditor to look for back-filling "when recordedAt
 * says so", and dossier-format.md gives `recordedAt` for that. It carries its own id, listed in the
 * README as an addition (see EXTRA_RULE_IDS in the meta-test).
 */
export const rule: RuleModule = {
  id: 'R-LATE-ENTRY',
  name: '日期录入时间远晚于事件（疑似补记）',
  text: '档案的 recordedAt 记录了各日期的录入时间（中国时间）。录入时间比事件日期晚超过设定天数（默认60天）的，是事后补记的迹象，提请复核；录入时间早于事件日期的（公示结束日等本可预先填写的除外），也予以提示。本检查是本系统增加的审核项，不在 rules.md 的规则表中。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: '档案审核要点（补写档案）；xinxue-dossier/1 的 recordedAt 字段',
  step: 1,
  params: { days: { default: 60, label: '录入晚于事件超过此天数即提示', min: 1, max: 3650 } },
  messages: {
    late: '{field}（{date}）于 {recorded} 才录入，晚了 {days} 天，疑为事后补记',
    beforeEvent: '{field}（{date}）在事件发生前（{recorded}）就已录入',
  },
  evaluate({ d }, ctx) {
    const recordedAt = d.recordedAt;
    if (recordedAt === undefined) return NO_HITS;
    const limit = ctx.params.days as number;
    const out: Hit[] = [];
    for (const path of Object.keys(recordedAt)) {
      const date = valueAtPath(d, path);
      if (typeof date !== 'string') continue;
      const recorded = chinaDateOf(recordedAt[path]!);
      const days = daysBetween(date, recorded);
      // The label and step are looked up only for a finding: almost every entry is on time.
      if (days > limit) out.push(hit('late', { field: labelOfDatePath(path), date, recorded, days }, { on: date, step: stepOfDatePath(d, path) }));
      else if (days < 0 && !FORWARD_DATES.has(genericDatePath(path))) out.push(hit('beforeEvent', { field: labelOfDatePath(path), date, recorded }, { on: date, step: stepOfDatePath(d, path) }));
    }
    return out;
  },
};
