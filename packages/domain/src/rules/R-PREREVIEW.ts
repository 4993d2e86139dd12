import { DOC } from './helpers.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-PREREVIEW',
  name: '预审通过后发放入党志愿书',
  text: '上级党委对发展对象进行预审，书面通知预审结果；只对预审合格的发放《中国共产党入党志愿书》：发放（及志愿书材料）日期不得早于预审通过日期；召开接收预备党员的支部大会前必须预审通过。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第十八条`,
  sourceV2014: `${DOC}（2014年）第十九条`,
  step: 13,
  messages: {
    none: '支部大会（{meeting}）前没有上级党委预审通过的记录',
    formBeforePass: '入党志愿书发放（{issued}）早于预审通过（{passed}）',
    formDocBeforePass: '入党志愿书材料日期（{doc}）早于预审通过（{passed}）',
  },
  evaluate({ d, documents }) {
    const p = d.preReview;
    if (!p) return d.admissionMeeting ? [hit('none', { meeting: d.admissionMeeting.on }, { on: d.admissionMeeting.on })] : NO_HITS;
    const out = [];
    if (p.formIssuedOn < p.passedOn) out.push(hit('formBeforePass', { issued: p.formIssuedOn, passed: p.passedOn }, { on: p.passedOn, step: 14 }));
    const early = (documents.get('applicationForm') ?? []).filter((on) => on < p.passedOn).sort()[0];
    if (early) out.push(hit('formDocBeforePass', { doc: early, passed: p.passedOn }, { on: p.passedOn, step: 14 }));
    return out;
  },
};
