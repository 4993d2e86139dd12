import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  activistDeciderLabels, appraisalResultLabels, appraiserLabels, aspectLabels, aspectResultLabels, assessmentResultLabels, ballotMethodLabels, confirmationOutcomeLabels,
  disciplineKindLabels, noticePlaceLabels, opinionChannelLabels, opinionStageLabels, organizerLevelLabels, recommendationMethodLabels, reviewResultLabels, upperTalkerLabels,
} from './components/step-form/labels';

/**
 * A step's recorded values in Chinese, as the dossier page shows them: the step input's field names
 * and the format's codes get their labels (the step forms' label maps, so both say the same); a
 * value without a label (a name, free text) is shown as it is.
 */
const fieldLabels: Record<string, string> = {
  on: '日期', by: '经办/谈话人', datedOn: '申请书落款日期', receivedOn: '收到日期', signed: '本人签名', recommendations: '推荐', method: '方式', votes: '票数',
  for: '赞成', against: '反对', total: '总数', decidedBy: '确定方式', opinions: '征求意见', stage: '阶段', place: '地点', channel: '方式', aspects: '评议',
  ...aspectLabels, filedOn: '备案日期', mentors: '培养联系人', name: '姓名', isFullMember: '正式党员', from: '起', to: '止', result: '结果', thoughtReports: '思想汇报',
  committeeProposalOn: '支委会研究日期', upperConsentOn: '上级党委同意日期', notices: '公示', start: '开始', end: '结束', objections: '异议', upheld: '异议成立',
  resolvedOn: '处理日期', sponsors: '入党介绍人', discipline: '处分', kind: '种类', until: '影响期至', conclusionOn: '政审结论日期', originOpinionOn: '户籍地意见日期',
  residenceOpinionOn: '居住地意见日期', jointReviewOn: '联审日期', appraisals: '鉴定', days: '天数', hours: '学时', organizerLevel: '组织单位', passed: '合格',
  passedOn: '预审通过日期', formIssuedOn: '发放志愿书日期', leavingWithin3Months: '三个月内离开单位', filledOn: '填写日期', meeting: '支部大会', expectedVoters: '应到',
  presentVoters: '实到', yes: '赞成', no: '反对', abstain: '弃权', writtenYes: '书面赞成', writtenNo: '书面反对', writtenBeforeMeeting: '书面意见会前送达',
  oneByOne: '逐个表决', collective: '集体讨论', specialReason: '特殊原因', approverOrgId: '审批党委', collectiveDay: '集中宣誓日', appliedOn: '申请日期',
  groupOpinionOn: '党小组意见日期', opinionsOn: '征求意见日期', committeeReviewOn: '支委会审查日期', outcome: '结论', extensionMonths: '延长月数', approvalOn: '审批日期',
};

const codeLabels: Record<string, Record<string, string>> = {
  method: { ...recommendationMethodLabels, ...ballotMethodLabels },
  decidedBy: activistDeciderLabels,
  result: { ...assessmentResultLabels, ...reviewResultLabels, ...appraisalResultLabels },
  place: noticePlaceLabels,
  stage: opinionStageLabels,
  channel: opinionChannelLabels,
  by: { ...appraiserLabels, ...upperTalkerLabels },
  organizerLevel: organizerLevelLabels,
  kind: disciplineKindLabels,
  outcome: confirmationOutcomeLabels,
  quality: aspectResultLabels, contribution: aspectResultLabels, conduct: aspectResultLabels, lawfulness: aspectResultLabels,
};

function scalar(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return codeLabels[key]?.[value] ?? value;
  return String(value);
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** One line per scalar; objects inline (`评议：素质 合格，…`), arrays one item per line. */
function render(key: string, value: unknown, depth: number): ReactNode {
  if (isPlain(value)) return scalar(key, value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '无';
    if (value.every(isPlain)) return value.map((v) => scalar(key, v)).join('、');
    return (
      <Flex vertical gap={0}>
        {value.map((item, i) => (
          <span key={i}>{`${i + 1}. `}{render(key, item, depth + 1)}</span>
        ))}
      </Flex>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return entries.map(([k, v], i) => (
    <span key={k}>
      {i > 0 && '，'}
      {fieldLabels[k] ?? k} {render(k, v, depth + 1)}
    </span>
  ));
}

export function RecordValues({ input }: { input: unknown }) {
  if (!input || typeof input !== 'object') return null;
  const entries = Object.entries(input as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return null;
  return (
    <Flex vertical gap={2} style={{ fontSize: 13 }}>
      {entries.map(([k, v]) => (
        <Typography.Text key={k} style={{ fontSize: 13 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>{fieldLabels[k] ?? k}：</Typography.Text>
          {render(k, v, 0)}
        </Typography.Text>
      ))}
    </Flex>
  );
}
