/**
 * The official procedure (《发展党员工作流程图》): 5 stages and 25 steps, keeping their official
 * numbers (rules.md §1, glossary `pipeline`, `stage`, `step`). The rule engine names the step each
 * finding guards; the dossier format maps each dated field to a step (see `stepOfDatePath`).
 */
export interface Stage {
  number: 1 | 2 | 3 | 4 | 5;
  name: string;
  person: 'applicant' | 'activist' | 'candidate' | 'probationer';
}

export interface Step {
  number: number;
  stage: Stage['number'];
  name: string;
}

export const stages: readonly Stage[] = [
  { number: 1, name: '申请入党', person: 'applicant' },
  { number: 2, name: '入党积极分子的确定和培养教育', person: 'activist' },
  { number: 3, name: '发展对象的确定和考察', person: 'candidate' },
  { number: 4, name: '预备党员的接收', person: 'probationer' },
  { number: 5, name: '预备党员的教育考察和转正', person: 'probationer' },
];

export const steps: readonly Step[] = [
  { number: 1, stage: 1, name: '递交入党申请书' },
  { number: 2, stage: 1, name: '党组织派人谈话' },
  { number: 3, stage: 2, name: '推荐和确定入党积极分子' },
  { number: 4, stage: 2, name: '上级党委备案' },
  { number: 5, stage: 2, name: '指定培养联系人' },
  { number: 6, stage: 2, name: '培养教育考察' },
  { number: 7, stage: 3, name: '确定发展对象' },
  { number: 8, stage: 3, name: '报上级党委备案（2026年起：报上级党委同意）' },
  { number: 9, stage: 3, name: '确定入党介绍人' },
  { number: 10, stage: 3, name: '进行政治审查' },
  { number: 11, stage: 3, name: '开展集中培训' },
  { number: 12, stage: 4, name: '支部委员会审查' },
  { number: 13, stage: 4, name: '上级党委预审' },
  { number: 14, stage: 4, name: '填写入党志愿书' },
  { number: 15, stage: 4, name: '支部大会讨论' },
  { number: 16, stage: 4, name: '上级党委派人谈话' },
  { number: 17, stage: 4, name: '上级党委审批' },
  { number: 18, stage: 4, name: '再上一级党委组织部门备案' },
  { number: 19, stage: 5, name: '编入党支部和党小组' },
  { number: 20, stage: 5, name: '入党宣誓' },
  { number: 21, stage: 5, name: '继续教育考察' },
  { number: 22, stage: 5, name: '提出转正申请' },
  { number: 23, stage: 5, name: '支部大会讨论转正' },
  { number: 24, stage: 5, name: '上级党委审批转正' },
  { number: 25, stage: 5, name: '材料归档' },
];

export function stepName(step: number): string {
  return steps[step - 1]?.name ?? `第${step}步`;
}

/** Each dated field of the format (array indices removed), its step and its Chinese label. */
export const datePaths: Readonly<Record<string, { step: number; label: string }>> = {
  'person.birthDate': { step: 1, label: '出生日期' },
  'person.migrant.movedOn': { step: 1, label: '流动时间' },
  'application.datedOn': { step: 1, label: '入党申请书落款日期' },
  'application.receivedOn': { step: 1, label: '党组织收到申请书日期' },
  'talk.on': { step: 2, label: '派人谈话日期' },
  'recommendations.on': { step: 3, label: '推荐（推优）日期' },
  'activist.on': { step: 3, label: '确定为入党积极分子日期' },
  'activist.filedOn': { step: 4, label: '入党积极分子备案日期' },
  'mentors.from': { step: 5, label: '培养联系人指定日期' },
  'mentors.to': { step: 5, label: '培养联系人离任日期' },
  'assessments.on': { step: 6, label: '培养考察日期' },
  'thoughtReports.on': { step: 6, label: '思想汇报日期' },
  'candidate.committeeProposalOn': { step: 7, label: '支委会研究确定发展对象日期' },
  'candidate.upperConsentOn': { step: 8, label: '上级党委同意日期' },
  'candidate.filedOn': { step: 8, label: '发展对象备案日期' },
  'candidate.on': { step: 7, label: '确定为发展对象日期' },
  'notices.start': { step: 7, label: '公示开始日期' },
  'notices.end': { step: 7, label: '公示结束日期' },
  'notices.objections.receivedOn': { step: 7, label: '收到异议日期' },
  'notices.objections.resolvedOn': { step: 7, label: '异议处理日期' },
  'opinions.on': { step: 7, label: '征求意见日期' },
  'appraisals.on': { step: 15, label: '鉴定日期' },
  'sponsors.discipline.until': { step: 9, label: '入党介绍人处分影响期截止日' },
  'politicalReview.conclusionOn': { step: 10, label: '政审结论日期' },
  'politicalReview.originOpinionOn': { step: 10, label: '户籍地党组织意见日期' },
  'politicalReview.residenceOpinionOn': { step: 10, label: '居住地党组织意见日期' },
  'politicalReview.jointReviewOn': { step: 10, label: '政审联审日期' },
  'training.start': { step: 11, label: '集中培训开始日期' },
  'training.end': { step: 11, label: '集中培训结束日期' },
  branchReviewOn: { step: 12, label: '支部委员会审查日期' },
  'preReview.passedOn': { step: 13, label: '预审通过日期' },
  'preReview.formIssuedOn': { step: 14, label: '发放入党志愿书日期' },
  'admissionMeeting.on': { step: 15, label: '接收预备党员的支部大会日期' },
  'upperTalk.on': { step: 16, label: '上级党委派人谈话日期' },
  'approval.on': { step: 17, label: '上级党委审批日期' },
  orgDeptFiledOn: { step: 18, label: '组织部门备案日期' },
  placedOn: { step: 19, label: '编入党支部和党小组日期' },
  'oath.on': { step: 20, label: '入党宣誓日期' },
  'probationAssessments.on': { step: 21, label: '预备期教育考察日期' },
  'confirmation.appliedOn': { step: 22, label: '转正申请日期' },
  'confirmation.groupOpinionOn': { step: 23, label: '党小组意见日期' },
  'confirmation.opinionsOn': { step: 23, label: '征求党员和群众意见日期' },
  'confirmation.committeeReviewOn': { step: 23, label: '支委会审查转正日期' },
  'confirmation.meeting.on': { step: 23, label: '讨论转正的支部大会日期' },
  'confirmation.approvalOn': { step: 24, label: '上级党委审批转正日期' },
  'transfers.on': { step: 6, label: '组织关系转接日期' },
  'transfers.reviewedOn': { step: 6, label: '接收组织审查材料日期' },
  archivedOn: { step: 25, label: '材料归档日期' },
  'documents.on': { step: 1, label: '材料日期' },
  'documents.signedOn': { step: 1, label: '材料签字日期' },
  'deferral.override.on': { step: 3, label: '暂不发展例外决定日期' },
};

const INDEX = /\[\d+\]/g;

/** `notices[2].start` → `notices.start`. */
export function genericDatePath(path: string): string {
  return path.replace(INDEX, '');
}

export function datePathInfo(path: string): { step: number; label: string } | undefined {
  return datePaths[genericDatePath(path)];
}
