import { DOC, SOURCE_ARTICLE, afterNotice, noticeWorkingDays } from './helpers.ts';
import { stageLabels } from './labels.ts';
import { type Hit, type RuleModule, hit } from './types.ts';

const stages = ['activist', 'candidate', 'admission', 'confirmation'] as const;

export const rule: RuleModule = {
  id: 'R-PUB-LOCAL',
  name: '其他环节公示（本地）',
  text: '本地规定：在设定的环节（确定入党积极分子、接收预备党员、预备党员转正；以及2014年版下确定发展对象）进行公示，公示期不少于设定的工作日数，公示结束后才能进行该环节。全国性规定只在2026年版确定发展对象时要求公示。宜昌市各环节公示的具体要求尚待确认，本规则默认关闭。',
  versions: ['LOCAL'],
  // rules.md: LOCAL→BLOCK; the source article refuses approval without a notice (六个不批 #6).
  severity: 'BLOCK',
  source: `地方做法（4个节点公示不少于5个工作日、公示7天等）；${SOURCE_ARTICLE}；${DOC}（2026年）第十三条`,
  step: 7,
  defaultEnabled: false,
  params: {
    stages: { default: ['activist', 'admission', 'confirmation'], label: '需要公示的环节', values: stages },
    minWorkingDays: { default: 5, label: '公示最少工作日数', min: 1, max: 15 },
  },
  messages: {
    none: '{stage}（{on}）前没有公示记录',
    short: '{stage}公示 {start} 至 {end} 仅 {days} 个工作日，不足 {min} 个工作日',
    notEnded: '{stage}公示尚未结束（至 {end}）即进行该环节（{on}）',
  },
  evaluate({ d }, ctx) {
    const wanted = ctx.params.stages as string[];
    const min = ctx.params.minWorkingDays as number;
    const steps: Record<(typeof stages)[number], [string | undefined, number]> = {
      activist: [d.activist?.on, 3],
      // National from the switch date on (R-PUB-CANDIDATE-5WD); local only before it.
      candidate: [d.candidate && d.candidate.on < ctx.settings.switchDate ? d.candidate.on : undefined, 7],
      admission: [d.admissionMeeting?.on, 15],
      confirmation: [d.confirmation?.meeting.on, 23],
    };
    const out: Hit[] = [];
    for (const stage of stages) {
      const [on, step] = steps[stage];
      if (!wanted.includes(stage) || !on) continue;
      const label = stageLabels[stage];
      const notices = (d.notices ?? []).filter((n) => n.stage === stage && n.start <= on);
      if (notices.length === 0) {
        out.push(hit('none', { stage: label, on }, { on, step }));
        continue;
      }
      const latest = notices.sort((a, b) => (a.start < b.start ? -1 : 1))[notices.length - 1]!;
      const days = noticeWorkingDays(latest, ctx);
      if (days < min) out.push(hit('short', { stage: label, start: latest.start, end: latest.end, days, min }, { on, step }));
      if (!afterNotice(latest, on, ctx)) out.push(hit('notEnded', { stage: label, end: latest.end, on }, { on, step }));
    }
    return out;
  },
};
