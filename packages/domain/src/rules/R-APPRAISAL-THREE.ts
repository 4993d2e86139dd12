import { SOURCE_ARTICLE } from './helpers.ts';
import { appraiserLabels } from './labels.ts';
import { type Hit, type RuleModule, hit, NO_HITS } from './types.ts';

const appraisers = ['employer', 'police', 'familyPlanning'] as const;

export const rule: RuleModule = {
  id: 'R-APPRAISAL-THREE',
  name: '务工地接收单位、公安、计生出具鉴定',
  text: '源文章：流动人员接收为预备党员前，务工地的接收单位、公安部门、计生部门都要出具鉴定，严防“带病入党”。召开接收预备党员的支部大会时，设定的每一方都须有鉴定且最近一份为肯定意见。是否仍需计生部门鉴定须与本市确认，可在参数中调整。',
  versions: ['LOCAL'],
  severity: 'BLOCK',
  source: `${SOURCE_ARTICLE}“严把评议关”`,
  step: 15,
  defaultEnabled: true,
  params: { required: { default: [...appraisers], label: '须出具鉴定的部门', values: appraisers } },
  messages: {
    missing: '支部大会（{meeting}）前没有{by}出具的鉴定',
    negative: '{by}的鉴定（{on}）为否定意见',
  },
  evaluate({ d, isMigrant }, ctx) {
    const m = d.admissionMeeting;
    if (!isMigrant || !m) return NO_HITS;
    const out: Hit[] = [];
    const list = d.appraisals ?? [];
    for (const by of ctx.params.required as (typeof appraisers)[number][]) {
      // One appraisal per department is the usual case: no list to filter and sort.
      let only: (typeof list)[number] | undefined;
      let count = 0;
      for (let i = 0; i < list.length; i++) {
        const a = list[i]!;
        if (a.by === by && a.on <= m.on) {
          only = a;
          count++;
        }
      }
      const latest = count <= 1 ? only : list.filter((a) => a.by === by && a.on <= m.on).sort((a, b) => (a.on < b.on ? -1 : 1)).pop();
      if (!latest) out.push(hit('missing', { meeting: m.on, by: appraiserLabels[by] }, { on: m.on }));
      else if (latest.result === 'negative') out.push(hit('negative', { by: appraiserLabels[by], on: latest.on }, { on: m.on }));
    }
    return out;
  },
};
