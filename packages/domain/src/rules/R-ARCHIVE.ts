import type { DocumentType } from '../dossier/format.ts';
import { DOC, monthsDeadline } from './helpers.ts';
import { documentLabels } from './labels.ts';
import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-ARCHIVE',
  name: '转正后材料归档',
  text: '预备党员转正后，入党志愿书、入党申请书、政治审查材料、转正申请书和培养教育考察材料（2026年版：《入党积极分子培养考察登记表》《预备党员教育考察登记表》）等材料归入本人人事档案（没有人事档案的，建立党员档案）：归档时这些材料应齐全。转正批准满三个月仍未归档的予以提示。',
  versions: ['V2014', 'V2026'],
  severity: 'BLOCK',
  source: `${DOC}第三十六条；《发展党员工作流程图》第25步`,
  step: 25,
  messages: {
    incomplete: '归档（{archived}）材料不齐全，缺少：{missing}',
    notArchived: ['INFO', '转正已于 {approval} 批准，超过三个月仍无归档记录'],
  },
  evaluate({ d, documents }, ctx) {
    const c = d.confirmation;
    if (!d.archivedOn) {
      if (c?.outcome === 'confirm' && ctx.asOf > monthsDeadline(c.approvalOn, 3, ctx)) return [hit('notArchived', { approval: c.approvalOn }, { on: ctx.asOf })];
      return NO_HITS;
    }
    const needed: DocumentType[] = ['applicationForm', 'applicationLetter', 'politicalReviewConclusion', 'confirmationApplication', 'cultivationRegister'];
    if (ctx.versionOn(d.archivedOn) === 'V2026') needed.push('probationRegister');
    const missing = needed.filter((t) => !documents.has(t));
    return missing.length ? [hit('incomplete', { archived: d.archivedOn, missing: missing.map((t) => documentLabels[t]).join('、') }, { on: d.archivedOn })] : NO_HITS;
  },
};
