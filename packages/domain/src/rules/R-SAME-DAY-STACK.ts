import type { Dossier } from '../dossier/format.ts';
import { type Hit, type RuleModule, hit } from './types.ts';

/** The acts of the procedure, in order (filings and placements, which may share a day, left out): their steps… */
const steps = [1, 2, 3, 7, 12, 13, 15, 16, 17, 20, 22, 23, 24];
/** …and their dates, read directly (this runs for every dossier). */
function dates(d: Dossier): (string | undefined)[] {
  const { confirmation } = d;
  return [
    d.application?.datedOn, d.talk?.on, d.activist?.on, d.candidate?.on,
    d.branchReviewOn, d.preReview?.passedOn, d.admissionMeeting?.on, d.upperTalk?.on,
    d.approval?.on, d.oath?.on, confirmation?.appliedOn, confirmation?.meeting.on,
    confirmation?.approvalOn,
  ];
}

/** The finding for a run of `count` acts on `date` starting at act `from`. */
function stack(acts: readonly (string | undefined)[], from: number, count: number, date: string): Hit {
  const found: number[] = [];
  for (let i = from; found.length < count; i++) if (acts[i] === date) found.push(steps[i]!);
  return hit('stack', { count, steps: found.map((s) => `第${s}步`).join('、'), date }, { on: date, step: found[0]! });
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
    // Runs are tracked by index into `acts`, with no list per run, since almost every dossier has none.
    const acts = dates(d);
    let runDate: string | undefined;
    let runStart = -1;
    let runCount = 0;
    for (let i = 0; i < acts.length; i++) {
      const on = acts[i];
      if (on === undefined) continue;
      if (on === runDate) runCount += 1;
      else {
        if (runDate !== undefined && runCount >= min) out.push(stack(acts, runStart, runCount, runDate));
        runDate = on;
        runStart = i;
        runCount = 1;
      }
    }
    if (runDate !== undefined && runCount >= min) out.push(stack(acts, runStart, runCount, runDate));
    return out;
  },
};
