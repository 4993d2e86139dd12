import type { DocumentType } from '../dossier/format.ts';
import { DOC } from './helpers.ts';
import { documentLabels } from './labels.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-SUBMISSION',
  name: '报批材料齐全',
  text: '支部大会决议连同入党申请书、政治审查材料、入党志愿书（2026年版还有《入党积极分子培养考察登记表》）等材料报上级党委审批：审批时这些材料应在卷。源文章“六个不批”第四条（材料不齐全的不批）。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第二十一条`,
  step: 17,
  messages: { missing: '上级党委审批（{approval}）时缺少报批材料：{missing}' },
  evaluate({ d, documents }, ctx) {
    const a = d.approval;
    if (!a) return NO_HITS;
    const needed: DocumentType[] = ['applicationLetter', 'politicalReviewConclusion', 'applicationForm'];
    if (ctx.versionOn(a.on) === 'V2026') needed.push('cultivationRegister');
    const missing = needed.filter((t) => !(documents.get(t) ?? []).some((on) => on <= a.on));
    return missing.length ? [hit('missing', { approval: a.on, missing: missing.map((t) => documentLabels[t]).join('、') }, { on: a.on })] : NO_HITS;
  },
};
