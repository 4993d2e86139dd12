import { forEachDate, labelOfDatePath, pathOf, stepOfDatePath } from '../dossier/date-fields.ts';
import { genericDatePath } from '../pipeline/steps.ts';
import { documentLabels } from './labels.ts';
import { type Hit, type RuleModule, hit } from './types.ts';

/** Dates that are planned or running by nature: the end of a disciplinary period, of a notice, of a mentor's term. */
export const FORWARD_DATES = new Set(['sponsors.discipline.until', 'notices.end', 'mentors.to']);

export const rule: RuleModule = {
  id: 'R-NO-FUTURE',
  name: '不得有未来日期、签字不得早于事件',
  text: '档案中的环节日期不得晚于审核基准日（处分影响期截止日、公示结束日、培养联系人离任日等本身可以在将来的除外）；材料的签字日期不得早于其记录的事件日期。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: '档案审核要点（时间节点、签字日期）',
  step: 1,
  messages: {
    future: '{field}（{date}）晚于审核基准日 {asOf}',
    signedBefore: '{document}的签字日期（{signed}）早于其记录的事件日期（{on}）',
  },
  evaluate({ d, latest }, ctx) {
    const out: Hit[] = [];
    // The usual case — nothing after the as-of date — needs no paths, only the latest date.
    if (latest > ctx.asOf) forEachDate(d, (value, segs) => {
      if (value <= ctx.asOf) return;
      const path = pathOf(segs);
      if (!FORWARD_DATES.has(genericDatePath(path))) out.push(hit('future', { field: labelOfDatePath(path), date: value, asOf: ctx.asOf }, { on: ctx.asOf, step: stepOfDatePath(d, path) }));
    });
    for (const doc of d.documents ?? []) {
      if (doc.signedOn !== undefined && doc.signedOn < doc.on) out.push(hit('signedBefore', { document: documentLabels[doc.type], signed: doc.signedOn, on: doc.on }, { on: doc.on }));
    }
    return out;
  },
};
