import type { Opinion } from '../dossier/format.ts';
import { SOURCE_ARTICLE } from './helpers.ts';
import { aspectLabels, placeLabels, stageLabels } from './labels.ts';
import { type Hit, type RuleModule, hit, NO_HITS } from './types.ts';

const stages = ['keyContact', 'activist', 'candidate', 'admission', 'confirmation'] as const;
const aspects = ['quality', 'contribution', 'conduct', 'lawfulness'] as const;
const places = ['origin', 'workplace'] as const;

export const rule: RuleModule = {
  id: 'R-TWOPLACE-ROUNDS',
  name: '两地联动评议',
  text: '源文章“严把评议关”：流动人员在确定入党积极分子、确定发展对象、接收预备党员、预备党员转正等重点环节（可设置，“重点联系对象”环节不是细则的步骤，默认不查），都要在原籍地和务工地征求意见（张贴公告、座谈会、上门家访、电话、征求意见函），围绕素质、贡献、作风、守法四个方面评议。任何一地缺少意见，或最近一轮评议有不合格方面的，该环节不能通过。',
  versions: ['LOCAL'],
  severity: 'BLOCK',
  source: `${SOURCE_ARTICLE}“严把评议关”（两地联动）`,
  step: 7,
  defaultEnabled: true,
  params: { stages: { default: ['activist', 'candidate', 'admission', 'confirmation'], label: '需要两地评议的环节', values: stages } },
  messages: {
    missing: '{stage}（{on}）前没有{place}的征求意见（两地联动）记录',
    negative: '{stage}时{place}评议（{date}）{aspects}方面不合格',
  },
  evaluate({ d, isMigrant }, ctx) {
    if (!isMigrant) return NO_HITS;
    const wanted = ctx.params.stages as string[];
    const steps: Record<(typeof stages)[number], [string | undefined, number]> = {
      keyContact: [d.activist?.on, 3],
      activist: [d.activist?.on, 3],
      candidate: [d.candidate?.on, 7],
      admission: [d.admissionMeeting?.on, 15],
      confirmation: [d.confirmation?.meeting.on, 23],
    };
    const out: Hit[] = [];
    const opinions = d.opinions ?? [];
    for (const stage of stages) {
      const [on, step] = steps[stage];
      if (!wanted.includes(stage) || !on) continue;
      for (const place of places) {
        let latest: Opinion | undefined;
        for (let i = 0; i < opinions.length; i++) {
          const o = opinions[i]!;
          if (o.stage === stage && o.place === place && o.on <= on && (!latest || o.on >= latest.on)) latest = o;
        }
        if (!latest) {
          out.push(hit('missing', { stage: stageLabels[stage], place: placeLabels[place], on }, { on, step }));
          continue;
        }
        // Messages and their facts are made only for a finding.
        const a = latest.aspects;
        if (a.quality !== 'fail' && a.contribution !== 'fail' && a.conduct !== 'fail' && a.lawfulness !== 'fail') continue;
        const failed = aspects.filter((x) => a[x] === 'fail');
        out.push(hit('negative', { stage: stageLabels[stage], place: placeLabels[place], on, date: latest.on, aspects: failed.map((x) => aspectLabels[x]).join('、') }, { on, step }));
      }
    }
    return out;
  },
};
