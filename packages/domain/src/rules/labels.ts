import type { DocumentType } from '../dossier/format.ts';

/** Chinese words for the format's enums, used in messages (one place, so messages agree). */
export const stageLabels = {
  keyContact: '确定重点联系对象',
  activist: '确定入党积极分子',
  candidate: '确定发展对象',
  admission: '接收预备党员',
  confirmation: '预备党员转正',
} as const;

export const placeLabels = { origin: '原籍地', workplace: '务工地', unit: '工作学习单位', residence: '居住地' } as const;

export const appraiserLabels = { employer: '接收单位', police: '公安部门', familyPlanning: '计生部门' } as const;

export const approverKindLabels = { committee: '党委', generalBranch: '党总支', partyGroup: '党组', temporary: '临时党组织' } as const;

export const disciplineLabels = { warning: '警告', seriousWarning: '严重警告', removalFromPost: '撤销党内职务', probationInParty: '留党察看' } as const;

export const aspectLabels = { quality: '素质', contribution: '贡献', conduct: '作风', lawfulness: '守法' } as const;

export const documentLabels: Record<DocumentType, string> = {
  applicationLetter: '入党申请书',
  talkRecord: '谈话记录',
  recommendationRecord: '推荐（推优）记录',
  activistFiling: '入党积极分子备案表',
  cultivationRegister: '《入党积极分子培养考察登记表》',
  thoughtReport: '思想汇报',
  opinionRecord: '征求意见记录',
  candidateNotice: '发展对象公示及结果',
  candidateFiling: '发展对象备案（同意）材料',
  politicalReviewConclusion: '政治审查结论性材料',
  trainingCertificate: '集中培训结业证书',
  branchReviewMinutes: '支部委员会审查记录',
  preReviewResult: '预审意见',
  applicationForm: '《中国共产党入党志愿书》',
  meetingMinutes: '支部党员大会会议记录',
  approvalNotice: '审批意见（通知）',
  orgDeptFiling: '预备党员备案表',
  oathRecord: '入党宣誓记录',
  probationRegister: '《预备党员教育考察登记表》',
  confirmationApplication: '转正申请书',
  archiveList: '归档目录',
  appraisal: '鉴定材料',
};
