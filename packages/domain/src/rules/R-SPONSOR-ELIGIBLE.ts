import { DOC } from './helpers.ts';
import { disciplineLabels } from './labels.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-SPONSOR-ELIGIBLE',
  name: '受处分党员不作入党介绍人',
  text: '受留党察看处分、尚未恢复党员权利的党员，不能作入党介绍人（两个版本）。2026年版：受警告、严重警告、撤销党内职务处分在影响期内的，不宜作入党介绍人（WARN）。以支部大会日期判断。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十四条`,
  step: 9,
  messages: {
    probationInParty: '入党介绍人 {name} 受留党察看处分（至 {until}），在支部大会（{meeting}）时尚未恢复党员权利，不能作入党介绍人',
    disciplined: ['WARN', '入党介绍人 {name} 受{kind}处分，支部大会（{meeting}）时仍在影响期内（至 {until}），不宜作入党介绍人'],
  },
  evaluate({ d }, ctx) {
    const m = d.admissionMeeting;
    if (!m) return NO_HITS;
    const out = [];
    for (const s of d.sponsors ?? []) {
      const disc = s.discipline;
      if (!disc || disc.until < m.on) continue;
      if (disc.kind === 'probationInParty') out.push(hit('probationInParty', { name: s.name, until: disc.until, meeting: m.on }, { on: m.on }));
      else if (ctx.versionOn(m.on) === 'V2026') out.push(hit('disciplined', { name: s.name, kind: disciplineLabels[disc.kind], until: disc.until, meeting: m.on }, { on: m.on }));
    }
    return out;
  },
};
