import type { Dossier } from '../dossier/format.ts';
import { type Hit, type RuleModule, hit } from './types.ts';

/** The acts of the procedure, in order (filings and placements, which may share a day, left out). */
const acts: [step: number, get: (d: Dossier) => string | undefined][] = [
  [1, (d) => d.application?.datedOn], [2, (d) => d.talk?.on], [3, (d) => d.activist?.on], [7, (d) => d.candidate?.on],
  [12, (d) => d.branchReviewOn], [13, (d) => d.preReview?.passedOn], [15, (d) => d.admissionMeeting?.on], [16, (d) => d.upperTalk?.on],
  [17, (d) => d.approval?.on], [20, (d) => d.oath?.on], [22, (d) => d.confirmation?.appliedOn], [23, (d) => d.confirmation?.meeting.on],
  [24, (d) => d.confirmation?.approvalOn],
];

/** The finding for a run of `count` acts on `date` starting at `acts[from]`. */
function stack(d: Dossier, from: number, count: number, date: string): Hit {
  const steps: number[] = [];
  for (let i = from; steps.length < count; i++) if (acts[i]![1](d) === date) steps.push(acts[i]![0]);
  return hit('stack', { count, steps: steps.map((s) => `第${s}步`).join('、'), date }, { on: date, step: steps[0]! });
}

export const rule: RuleModule = {
  id: 'R-SAME-DAY-STACK',
  name: '多个连续环节同日（疑似补记）',
  text: '多个相邻的程序环节记在同一天（如预审、发放志愿书后当天召开支部大会又当天谈话），是补写档案的典型迹象，提请复核。默认连续3个及以上环节同日时提示（可设置）。',
  versions: ['V2014', 'V2026'],
  severity: 'WARN',
  source: '档案审核要点（“时间是否符合逻辑顺序”）',
  step: 1,
  params: { minSteps: { default: 3, label: '同日连续环节数达到此数即提示', min: 2, max: 6 } },
  messages: { stack: '{count} 个连续环节（{steps}）都记在 {date}，疑为补记，请复核' },
  evaluate({ d }, ctx) {
    const min = ctx.params.minSteps as number;
    const out: Hit[] = [];
    // Runs are tracked by index into `acts`, without arrays, since almost every dossier has none.
    let runDate: string | undefined;
    let runStart = -1;
    let runCount = 0;
    for (let i = 0; i < acts.length; i++) {
      const on = acts[i]![1](d);
      if (on === undefined) continue;
      if (on === runDate) runCount += 1;
      else {
        if (runDate !== undefined && runCount >= min) out.push(stack(d, runStart, runCount, runDate));
        runDate = on;
        runStart = i;
        runCount = 1;
      }
    }
    if (runDate !== undefined && runCount >= min) out.push(stack(d, runStart, runCount, runDate));
    return out;
  },
};
