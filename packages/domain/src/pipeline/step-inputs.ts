import {
  activistDeciders, appraisers, aspectResults, assessmentResults, ballotMethods, confirmationOutcomes, disciplineKinds, type Dossier, noticePlaces,
  opinionChannels, organizerLevels, recommendationMethods, reviewResults, twoPlaces, upperTalkers,
} from '../dossier/index.ts';
import { isIsoDate } from '../calendar/index.ts';
import { steps as officialSteps } from './steps.ts';
import { z } from 'zod';

/**
 * What each of the 25 steps records (dossier-format.md), as zod schemas with Chinese messages that
 * name the field, and how a step's input goes into the `xinxue-dossier/1` document.
 *
 * Three objects of the format span several steps and have fields that are required once the object
 * exists (activist 3–4, confirmation 22–24). Between those steps the half-filled object is kept in
 * `pending`, beside the document, and shown to the rule engine merged in (see `engineView`); the
 * document itself stays a valid `xinxue-dossier/1` dossier at every moment.
 */
export type Pending = { activist?: Partial<NonNullable<Dossier['activist']>>; confirmation?: Partial<NonNullable<Dossier['confirmation']>> };

const date = (label: string) =>
  z.string({ error: `请填写${label}` }).refine((v) => isIsoDate(v), { message: `${label}应为有效日期（YYYY-MM-DD）` });
const text = (label: string, max = 100) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const count = (label: string) => z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(100000, `${label}过大`);
const flag = (label: string) => z.boolean({ error: `请选择${label}（是/否）` });
const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) => z.enum(values, { error: `${label}应为：${values.join('、')}` });

const aspects = z.object({ quality: oneOf(aspectResults, '素质'), contribution: oneOf(aspectResults, '贡献'), conduct: oneOf(aspectResults, '作风'), lawfulness: oneOf(aspectResults, '守法') }, { error: '请填写四个方面的评议' }).strict();
const opinion = (stages: readonly [string, ...string[]]) =>
  z.object({ stage: z.enum(stages as [string, ...string[]], { error: `征求意见的环节应为：${stages.join('、')}` }), place: oneOf(twoPlaces, '征求意见地点'), channel: oneOf(opinionChannels, '征求意见方式'), on: date('征求意见日期'), aspects }).strict();
const appraisal = z.object({ by: oneOf(appraisers, '鉴定部门'), on: date('鉴定日期'), result: oneOf(['positive', 'negative'] as const, '鉴定结论') }).strict();
const meeting = z.object({
  on: date('支部大会日期'),
  method: oneOf(ballotMethods, '表决方式'),
  expectedVoters: count('应到会有表决权党员数'),
  presentVoters: count('实到会有表决权党员数'),
  yes: count('赞成票'),
  no: count('反对票'),
  abstain: count('弃权票'),
  writtenYes: count('书面赞成票'),
  writtenNo: count('书面反对票'),
  writtenBeforeMeeting: flag('书面意见是否会前提交'),
  oneByOne: flag('是否逐个讨论、逐个表决'),
}, { error: '请填写支部大会的情况' }).strict();

/** Steps whose record may be added again while the dossier is at or just after them (every six months, every probation assessment). */
export const repeatableSteps: ReadonlySet<number> = new Set([6, 21]);

/** Steps whose approver must be given (or defaults to the nearest committee with approval power). */
export const approverSteps: ReadonlySet<number> = new Set([13, 17, 24]);

/** At these steps the six refusals are shown as a checklist (admission and confirmation). */
export const sixRefusalSteps: ReadonlySet<number> = new Set([15, 17, 23, 24]);

/** At these steps the three deferrals are computed from the ledger. */
export const deferralSteps: ReadonlySet<number> = new Set([3, 7]);

const approverOrgId = z.number({ error: '审批党组织应为党组织编号' }).int().positive().optional();

export const stepSchemas = {
  1: z.object({ datedOn: date('入党申请书落款日期'), receivedOn: date('党组织收到申请书日期').optional(), signed: flag('申请书是否本人签名').default(true) }).strict(),
  2: z.object({ on: date('谈话日期'), by: text('谈话人', 50) }).strict(),
  3: z.object({
    recommendations: z.array(z.object({ method: oneOf(recommendationMethods, '推荐方式'), on: date('推荐日期'), votes: z.object({ for: count('赞成票'), against: count('反对票'), total: count('总票数') }).strict().optional() }).strict(), { error: '请填写推荐记录' }).min(1, '至少填写一条推荐（推优）记录').max(10),
    on: date('确定为入党积极分子日期'),
    decidedBy: oneOf(activistDeciders, '确定方式'),
    opinions: z.array(opinion(['keyContact', 'activist'])).max(20).optional(),
  }).strict(),
  4: z.object({ filedOn: date('入党积极分子备案日期') }).strict(),
  5: z.object({ mentors: z.array(z.object({ name: text('培养联系人姓名', 30), isFullMember: flag('培养联系人是否正式党员'), from: date('指定日期'), to: date('离任日期').optional(), place: oneOf(twoPlaces, '培养联系人所在地').optional() }).strict(), { error: '请填写培养联系人' }).min(1, '至少指定一名培养联系人').max(4) }).strict(),
  6: z.object({ on: date('考察日期'), result: oneOf(assessmentResults, '考察结果'), thoughtReports: z.array(date('思想汇报日期')).max(12).optional() }).strict(),
  7: z.object({
    committeeProposalOn: date('支委会研究确定发展对象日期'),
    on: date('确定为发展对象日期'),
    upperConsentOn: date('上级党委同意日期').optional(),
    notices: z.array(z.object({ place: oneOf(noticePlaces, '公示地点'), start: date('公示开始日期'), end: date('公示结束日期'), objections: z.array(z.object({ receivedOn: date('收到异议日期'), resolvedOn: date('异议处理日期').optional(), upheld: flag('异议是否成立') }).strict()).max(50).default([]) }).strict()).max(6).optional(),
    opinions: z.array(opinion(['candidate'])).max(20).optional(),
  }).strict(),
  8: z.object({ upperConsentOn: date('上级党委同意日期').optional(), filedOn: date('报上级党委备案日期').optional() }).strict(),
  9: z.object({ on: date('确定入党介绍人日期'), sponsors: z.array(z.object({ name: text('入党介绍人姓名', 30), isFullMember: flag('入党介绍人是否正式党员'), discipline: z.object({ kind: oneOf(disciplineKinds, '处分种类'), until: date('处分影响期截止日') }).strict().optional() }).strict(), { error: '请填写入党介绍人' }).min(1, '请填写入党介绍人').max(4) }).strict(),
  10: z.object({ conclusionOn: date('政审结论日期'), result: oneOf(reviewResults, '政审结论'), originOpinionOn: date('户籍地党组织意见日期').optional(), residenceOpinionOn: date('居住地党组织意见日期').optional(), jointReviewOn: date('政审联审日期').optional(), appraisals: z.array(appraisal).max(10).optional() }).strict(),
  11: z.object({ start: date('集中培训开始日期'), end: date('集中培训结束日期'), days: z.number({ error: '培训天数应为数字' }).min(0).max(365), hours: z.number({ error: '培训学时应为数字' }).min(0).max(2000), organizerLevel: oneOf(organizerLevels, '培训组织单位层级'), passed: flag('培训是否合格') }).strict(),
  12: z.object({ on: date('支部委员会审查日期'), opinions: z.array(opinion(['admission'])).max(20).optional(), appraisals: z.array(appraisal).max(10).optional() }).strict(),
  13: z.object({ passedOn: date('预审通过日期'), formIssuedOn: date('发放入党志愿书日期'), leavingWithin3Months: flag('是否三个月内离开工作单位').optional(), approverOrgId }).strict(),
  14: z.object({ filledOn: date('填写入党志愿书日期') }).strict(),
  15: z.object({ meeting }).strict(),
  16: z.object({ on: date('上级党委派人谈话日期'), by: oneOf(upperTalkers, '谈话人身份') }).strict(),
  17: z.object({ on: date('上级党委审批日期'), collective: flag('是否集体讨论、逐个审议表决'), specialReason: text('超过三个月审批的特殊原因', 300).optional(), approverOrgId }).strict(),
  18: z.object({ on: date('组织部门备案日期') }).strict(),
  19: z.object({ on: date('编入党支部和党小组日期') }).strict(),
  20: z.object({ on: date('入党宣誓日期'), collectiveDay: flag('是否在集中宣誓日宣誓') }).strict(),
  21: z.object({ on: date('预备期教育考察日期'), thoughtReports: z.array(date('思想汇报日期')).max(12).optional() }).strict(),
  22: z.object({ appliedOn: date('转正申请日期') }).strict(),
  23: z.object({
    groupOpinionOn: date('党小组意见日期'), opinionsOn: date('征求党员和群众意见日期'), committeeReviewOn: date('支委会审查转正日期'), meeting,
    outcome: oneOf(confirmationOutcomes, '讨论结果'), extensionMonths: z.number({ error: '延长预备期月数应为数字' }).int().min(0).max(120).optional(),
    opinions: z.array(opinion(['confirmation'])).max(20).optional(),
  }).strict(),
  24: z.object({ approvalOn: date('上级党委审批转正日期'), approverOrgId }).strict(),
  25: z.object({ on: date('材料归档日期') }).strict(),
} as const;

export type StepNumber = keyof typeof stepSchemas;
export type StepInput<N extends StepNumber> = z.output<(typeof stepSchemas)[N]>;
export type AnyStepInput = { [N in StepNumber]: StepInput<N> }[StepNumber];

export function isStepNumber(n: number): n is StepNumber {
  return Number.isInteger(n) && n >= 1 && n <= 25;
}

export function stepLabel(step: number): string {
  return `第${step}步“${officialSteps[step - 1]?.name ?? ''}”`;
}

/** The date a step's record is dated by (what the engine judges it as of, with the document's latest date). */
export function stepDate(step: StepNumber, input: AnyStepInput, d: Dossier): string | undefined {
  const i = input as Record<string, unknown>;
  switch (step) {
    case 1: return i.datedOn as string;
    case 4: return i.filedOn as string;
    // Mentors are named at the step: it is dated by the latest of their start dates.
    case 5: return (i.mentors as { from: string }[]).map((m) => m.from).sort().at(-1);
    case 8: return (i.upperConsentOn as string | undefined) ?? (i.filedOn as string | undefined) ?? d.candidate?.upperConsentOn ?? d.candidate?.filedOn;
    case 10: return i.conclusionOn as string;
    case 11: return i.end as string;
    case 13: return i.formIssuedOn as string;
    case 14: return i.filledOn as string;
    case 15: return (i.meeting as { on: string }).on;
    case 22: return i.appliedOn as string;
    case 23: return (i.meeting as { on: string }).on;
    case 24: return i.approvalOn as string;
    default: return i.on as string;
  }
}

const clone = <T>(value: T): T => structuredClone(value);
const without = <T extends object>(list: T[] | undefined, keep: (item: T) => boolean): T[] => (list ?? []).filter(keep);

/**
 * Puts a step's input into the document (and `pending`). Returns new objects; the input is already
 * validated. Approver and deferral facts are set by the caller (they come from the org tree and the ledger).
 */
export function applyStep(step: StepNumber, input: AnyStepInput, document: Dossier, pending: Pending): { document: Dossier; pending: Pending } {
  const d = clone(document);
  const p = clone(pending);
  const addDoc = (type: NonNullable<Dossier['documents']>[number]['type'], on: string) => {
    d.documents = [...(d.documents ?? []), { type, on }];
  };
  switch (step) {
    case 1: {
      const s = input as StepInput<1>;
      d.application = { datedOn: s.datedOn, receivedOn: s.receivedOn ?? s.datedOn, signed: s.signed };
      addDoc('applicationLetter', s.datedOn);
      break;
    }
    case 2: {
      const s = input as StepInput<2>;
      d.talk = { on: s.on, by: s.by };
      addDoc('talkRecord', s.on);
      break;
    }
    case 3: {
      const s = input as StepInput<3>;
      d.recommendations = [...(d.recommendations ?? []), ...s.recommendations.map((r) => ({ method: r.method, on: r.on, ...(r.votes ? { votes: r.votes } : {}) }))];
      p.activist = { on: s.on, decidedBy: s.decidedBy };
      if (s.opinions?.length) d.opinions = [...(d.opinions ?? []), ...(s.opinions as NonNullable<Dossier['opinions']>)];
      addDoc('recommendationRecord', s.on);
      break;
    }
    case 4: {
      const a = p.activist;
      const { filedOn } = input as StepInput<4>;
      if (a?.on && a.decidedBy) d.activist = { on: a.on, decidedBy: a.decidedBy, filedOn };
      delete p.activist;
      addDoc('activistFiling', filedOn);
      break;
    }
    case 5: {
      const s = input as StepInput<5>;
      d.mentors = [...(d.mentors ?? []), ...s.mentors.map((m) => ({ name: m.name, isFullMember: m.isFullMember, from: m.from, ...(m.to ? { to: m.to } : {}), ...(m.place ? { place: m.place } : {}) }))];
      if (!d.documents?.some((x) => x.type === 'cultivationRegister')) addDoc('cultivationRegister', s.mentors[0]!.from);
      break;
    }
    case 6: {
      const s = input as StepInput<6>;
      d.assessments = [...(d.assessments ?? []), { on: s.on, result: s.result }];
      if (s.thoughtReports?.length) d.thoughtReports = [...(d.thoughtReports ?? []), ...s.thoughtReports.map((on) => ({ on }))];
      break;
    }
    case 7: {
      const s = input as StepInput<7>;
      d.candidate = { committeeProposalOn: s.committeeProposalOn, ...(s.upperConsentOn ? { upperConsentOn: s.upperConsentOn } : {}), on: s.on };
      if (s.notices?.length) {
        d.notices = [...without(d.notices, (n) => n.stage !== 'candidate'), ...s.notices.map((n) => ({ stage: 'candidate' as const, place: n.place, start: n.start, end: n.end, objections: n.objections.map((o) => ({ receivedOn: o.receivedOn, ...(o.resolvedOn ? { resolvedOn: o.resolvedOn } : {}), upheld: o.upheld })) }))];
        addDoc('candidateNotice', s.notices[0]!.start);
      }
      if (s.opinions?.length) d.opinions = [...(d.opinions ?? []), ...(s.opinions as NonNullable<Dossier['opinions']>)];
      addDoc('opinionRecord', s.committeeProposalOn);
      break;
    }
    case 8: {
      const s = input as StepInput<8>;
      if (d.candidate) d.candidate = { ...d.candidate, ...(s.upperConsentOn ? { upperConsentOn: s.upperConsentOn } : {}), ...(s.filedOn ? { filedOn: s.filedOn } : {}) };
      if (s.filedOn) addDoc('candidateFiling', s.filedOn);
      break;
    }
    case 9: {
      const s = input as StepInput<9>;
      d.sponsors = s.sponsors.map((x) => ({ name: x.name, isFullMember: x.isFullMember, ...(x.discipline ? { discipline: x.discipline } : {}) }));
      break;
    }
    case 10: {
      const s = input as StepInput<10>;
      d.politicalReview = { conclusionOn: s.conclusionOn, result: s.result, ...(s.originOpinionOn ? { originOpinionOn: s.originOpinionOn } : {}), ...(s.residenceOpinionOn ? { residenceOpinionOn: s.residenceOpinionOn } : {}), ...(s.jointReviewOn ? { jointReviewOn: s.jointReviewOn } : {}) };
      if (s.appraisals?.length) d.appraisals = [...(d.appraisals ?? []), ...s.appraisals];
      addDoc('politicalReviewConclusion', s.conclusionOn);
      break;
    }
    case 11: {
      const s = input as StepInput<11>;
      d.training = { start: s.start, end: s.end, days: s.days, hours: s.hours, organizerLevel: s.organizerLevel, passed: s.passed };
      if (s.passed) addDoc('trainingCertificate', s.end);
      break;
    }
    case 12: {
      const s = input as StepInput<12>;
      d.branchReviewOn = s.on;
      if (s.opinions?.length) d.opinions = [...(d.opinions ?? []), ...(s.opinions as NonNullable<Dossier['opinions']>)];
      if (s.appraisals?.length) d.appraisals = [...(d.appraisals ?? []), ...s.appraisals];
      addDoc('branchReviewMinutes', s.on);
      break;
    }
    case 13: {
      const s = input as StepInput<13>;
      d.preReview = { passedOn: s.passedOn, formIssuedOn: s.formIssuedOn, ...(s.leavingWithin3Months !== undefined ? { leavingWithin3Months: s.leavingWithin3Months } : {}) };
      addDoc('preReviewResult', s.passedOn);
      break;
    }
    case 14:
      addDoc('applicationForm', (input as StepInput<14>).filledOn);
      break;
    case 15:
      d.admissionMeeting = clone((input as StepInput<15>).meeting);
      addDoc('meetingMinutes', (input as StepInput<15>).meeting.on);
      break;
    case 16:
      d.upperTalk = { on: (input as StepInput<16>).on, by: (input as StepInput<16>).by };
      break;
    case 17: {
      const s = input as StepInput<17>;
      d.approval = { on: s.on, collective: s.collective, ...(s.specialReason ? { specialReason: s.specialReason } : {}) };
      addDoc('approvalNotice', s.on);
      addDoc('probationRegister', s.on);
      break;
    }
    case 18:
      d.orgDeptFiledOn = (input as StepInput<18>).on;
      addDoc('orgDeptFiling', d.orgDeptFiledOn);
      break;
    case 19:
      d.placedOn = (input as StepInput<19>).on;
      break;
    case 20:
      d.oath = { on: (input as StepInput<20>).on, collectiveDay: (input as StepInput<20>).collectiveDay };
      addDoc('oathRecord', d.oath.on);
      break;
    case 21: {
      const s = input as StepInput<21>;
      d.probationAssessments = [...(d.probationAssessments ?? []), { on: s.on }];
      if (s.thoughtReports?.length) d.thoughtReports = [...(d.thoughtReports ?? []), ...s.thoughtReports.map((on) => ({ on }))];
      break;
    }
    case 22:
      p.confirmation = { appliedOn: (input as StepInput<22>).appliedOn };
      addDoc('confirmationApplication', p.confirmation.appliedOn!);
      break;
    case 23: {
      const s = input as StepInput<23>;
      p.confirmation = { ...p.confirmation, groupOpinionOn: s.groupOpinionOn, opinionsOn: s.opinionsOn, committeeReviewOn: s.committeeReviewOn, meeting: clone(s.meeting), outcome: s.outcome, ...(s.extensionMonths !== undefined ? { extensionMonths: s.extensionMonths } : {}) };
      if (s.opinions?.length) d.opinions = [...(d.opinions ?? []), ...(s.opinions as NonNullable<Dossier['opinions']>)];
      addDoc('meetingMinutes', s.meeting.on);
      break;
    }
    case 24: {
      const c = p.confirmation;
      if (c?.appliedOn && c.meeting && c.outcome && c.groupOpinionOn && c.opinionsOn && c.committeeReviewOn) {
        d.confirmation = { appliedOn: c.appliedOn, groupOpinionOn: c.groupOpinionOn, opinionsOn: c.opinionsOn, committeeReviewOn: c.committeeReviewOn, meeting: c.meeting, outcome: c.outcome, ...(c.extensionMonths !== undefined ? { extensionMonths: c.extensionMonths } : {}), approvalOn: (input as StepInput<24>).approvalOn };
      }
      delete p.confirmation;
      break;
    }
    case 25:
      d.archivedOn = (input as StepInput<25>).on;
      addDoc('archiveList', d.archivedOn);
      break;
  }
  return { document: d, pending: p };
}

/**
 * The document as the rule engine sees it: with the half-filled multi-step objects merged in. A
 * confirmation without its meeting is left out (the rules read `confirmation.meeting` as present
 * whenever the object is), so step 22 is judged with step 23.
 */
export function engineView(document: Dossier, pending: Pending): Dossier {
  const view: Dossier = { ...document };
  if (pending.activist && !view.activist) view.activist = pending.activist as NonNullable<Dossier['activist']>;
  if (pending.confirmation?.meeting && !view.confirmation) view.confirmation = pending.confirmation as NonNullable<Dossier['confirmation']>;
  return view;
}

/** Which steps the document (with pending) shows as recorded: for imported dossiers, whose steps have no events. */
export function stepsPresent(d: Dossier, p: Pending): Set<number> {
  const has: [number, unknown][] = [
    [1, d.application], [2, d.talk], [3, d.activist ?? p.activist], [4, d.activist?.filedOn], [5, d.mentors?.length], [6, d.assessments?.length],
    [7, d.candidate], [8, d.candidate?.upperConsentOn ?? d.candidate?.filedOn], [9, d.sponsors?.length], [10, d.politicalReview], [11, d.training],
    [12, d.branchReviewOn], [13, d.preReview], [14, d.documents?.some((x) => x.type === 'applicationForm')], [15, d.admissionMeeting], [16, d.upperTalk],
    [17, d.approval], [18, d.orgDeptFiledOn], [19, d.placedOn], [20, d.oath], [21, d.probationAssessments?.length], [22, d.confirmation ?? p.confirmation],
    [23, d.confirmation ?? p.confirmation?.meeting], [24, d.confirmation?.approvalOn], [25, d.archivedOn],
  ];
  return new Set(has.filter(([, v]) => !!v).map(([n]) => n));
}

/** The next step of a dossier whose steps are known only from its document (an import). */
export function nextStepOf(d: Dossier, p: Pending): number {
  const present = stepsPresent(d, p);
  let last = 0;
  for (const n of present) last = Math.max(last, n);
  return Math.min(last + 1, 26);
}
