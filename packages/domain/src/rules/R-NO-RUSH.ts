import type { Dossier } from '../dossier/format.ts';
import { DOC } from './helpers.ts';
import { type Hit, type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-NO-RUSH',
  name: '防止突击发展（同一支部大会接收人数）',
  text: '发展党员应坚持标准、保证质量，防止“突击发展”。同一党支部在同一天的支部大会上接收预备党员达到设定人数（默认5人）时，在每份档案上提示该批次人数，供复核。跨档案计算，只在审核整个文件时得出。',
  versions: ['V2014', 'V2026'],
  severity: 'INFO',
  source: `${DOC}第三条`,
  step: 15,
  params: { batch: { default: 5, label: '同一支部同日接收人数达到此数即提示', min: 2, max: 100 } },
  messages: { batch: '{branch} 在 {date} 的支部大会上共接收 {count} 名预备党员，请复核是否突击发展' },
  evaluate() {
    return NO_HITS;
  },
  fileKey: (d: Dossier) => (d.org && d.admissionMeeting ? `${d.admissionMeeting.on}\u0000${d.org.branch}` : undefined),
  evaluateFile(keys, ctx) {
    const groups = new Map<string, number[]>();
    keys.forEach((key, i) => {
      if (key === undefined) return;
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    const min = ctx.params.batch as number;
    const out = new Map<number, Hit[]>();
    for (const [key, indices] of groups) {
      if (indices.length < min) continue;
      const [date, branch] = key.split('\u0000') as [string, string];
      for (const i of indices) out.set(i, [hit('batch', { branch, date, count: indices.length }, { on: date })]);
    }
    return out;
  },
};
