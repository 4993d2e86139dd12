import { Alert, Form, Input, Typography } from 'antd';
import { OrgPicker } from '../../../orgs/components/org-picker';
import {
  activistDeciderLabels, assessmentResultLabels, confirmationOutcomeLabels, disciplineKindLabels, organizerLevelLabels, recommendationMethodLabels, reviewResultLabels,
  twoPlaceLabels, upperTalkerLabels,
} from './labels';
import { AppraisalList, ChoiceField, CountField, DateField, DateList, FlagField, ListField, NoticeList, OpinionList, TextField } from './fields';
import { MeetingFields } from './meeting-fields';
import { opinionStagesOf } from './step-values';

/** 推荐（推优）: each recommendation by its method, date and (optionally) its vote counts. */
function RecommendationList() {
  return (
    <ListField name="recommendations" title="推荐" addLabel="添加一条推荐记录" newRow={() => ({ method: 'byMembers' })} min={1} testId="recommendations">
      {(row) => (
        <>
          <ChoiceField name={[row, 'method']} label="推荐方式" labels={recommendationMethodLabels} />
          <DateField name={[row, 'on']} label="推荐日期" required />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>有投票时填写（三项都填才记录票数）</Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8 }}>
            <CountField name={[row, 'votes', 'for']} label="赞成票" addonAfter="票" />
            <CountField name={[row, 'votes', 'against']} label="反对票" addonAfter="票" />
            <CountField name={[row, 'votes', 'total']} label="总票数" addonAfter="票" />
          </div>
        </>
      )}
    </ListField>
  );
}

function MentorList() {
  return (
    <ListField name="mentors" title="培养联系人" addLabel="添加培养联系人" newRow={() => ({ isFullMember: true })} min={1} max={4} testId="mentors">
      {(row) => (
        <>
          <TextField name={[row, 'name']} label="培养联系人姓名" required max={30} />
          <FlagField name={[row, 'isFullMember']} label="培养联系人是否正式党员" />
          <DateField name={[row, 'from']} label="指定日期" required />
          <DateField name={[row, 'to']} label="离任日期" />
          <ChoiceField name={[row, 'place']} label="培养联系人所在地" labels={twoPlaceLabels} required={false} />
        </>
      )}
    </ListField>
  );
}

function SponsorList() {
  return (
    <ListField name="sponsors" title="入党介绍人" addLabel="添加入党介绍人" newRow={() => ({ isFullMember: true })} min={1} max={4} testId="sponsors">
      {(row) => (
        <>
          <TextField name={[row, 'name']} label="入党介绍人姓名" required max={30} />
          <FlagField name={[row, 'isFullMember']} label="入党介绍人是否正式党员" />
          <ChoiceField name={[row, 'discipline', 'kind']} label="处分种类" labels={disciplineKindLabels} required={false} />
          <DateField name={[row, 'discipline', 'until']} label="处分影响期截止日" extra="受过党纪处分的才填写" />
        </>
      )}
    </ListField>
  );
}

/** 审批党组织: optional; the server takes the nearest committee with approval power when none is chosen. */
function ApproverField() {
  return (
    <Form.Item name="approverOrgId" label="审批党组织" extra="不选择时，由离办理党组织最近的有审批权的党委审批">
      <OrgPicker placeholder="默认：最近的有审批权的党委" selectable={(n) => n.org.kind === 'committee'} />
    </Form.Item>
  );
}

/** The fields of one step (dossier-format.md names what each step records). */
export function StepFields({ step }: { step: number }) {
  switch (step) {
    case 1:
      return (<>
        <DateField name="datedOn" label="入党申请书落款日期" required />
        <DateField name="receivedOn" label="党组织收到申请书日期" />
        <FlagField name="signed" label="申请书是否本人签名" />
      </>);
    case 2:
      return (<>
        <DateField name="on" label="谈话日期" required />
        <TextField name="by" label="谈话人" required max={50} placeholder="如：支部书记 张明" />
      </>);
    case 3:
      return (<>
        <RecommendationList />
        <DateField name="on" label="确定为入党积极分子日期" required />
        <ChoiceField name="decidedBy" label="确定方式" labels={activistDeciderLabels} />
        <OpinionList stages={opinionStagesOf[3]!} />
      </>);
    case 4:
      return <DateField name="filedOn" label="入党积极分子备案日期" required />;
    case 5:
      return <MentorList />;
    case 6:
      return (<>
        <DateField name="on" label="考察日期" required />
        <ChoiceField name="result" label="考察结果" labels={assessmentResultLabels} />
        <DateList name="thoughtReports" title="思想汇报" label="思想汇报日期" />
      </>);
    case 7:
      return (<>
        <DateField name="committeeProposalOn" label="支委会研究确定发展对象日期" required />
        <DateField name="on" label="确定为发展对象日期" required />
        <DateField name="upperConsentOn" label="上级党委同意日期" extra="2026年5月11日起确定的发展对象须报上级党委同意" />
        <NoticeList />
        <OpinionList stages={opinionStagesOf[7]!} />
      </>);
    case 8:
      return (<>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="2026年起报上级党委同意，之前报上级党委备案：至少填写一项" />
        <DateField name="upperConsentOn" label="上级党委同意日期" />
        <DateField name="filedOn" label="报上级党委备案日期" />
      </>);
    case 9:
      return (<>
        <DateField name="on" label="确定入党介绍人日期" required />
        <SponsorList />
      </>);
    case 10:
      return (<>
        <DateField name="conclusionOn" label="政审结论日期" required />
        <ChoiceField name="result" label="政审结论" labels={reviewResultLabels} />
        <DateField name="originOpinionOn" label="户籍地党组织意见日期" />
        <DateField name="residenceOpinionOn" label="居住地党组织意见日期" />
        <DateField name="jointReviewOn" label="政审联审日期" />
        <AppraisalList />
      </>);
    case 11:
      return (<>
        <DateField name="start" label="集中培训开始日期" required />
        <DateField name="end" label="集中培训结束日期" required />
        <CountField name="days" label="培训天数" addonAfter="天" required decimals />
        <CountField name="hours" label="培训学时" addonAfter="学时" required decimals />
        <ChoiceField name="organizerLevel" label="培训组织单位层级" labels={organizerLevelLabels} />
        <FlagField name="passed" label="培训是否合格" />
      </>);
    case 12:
      return (<>
        <DateField name="on" label="支部委员会审查日期" required />
        <OpinionList stages={opinionStagesOf[12]!} />
        <AppraisalList />
      </>);
    case 13:
      return (<>
        <DateField name="passedOn" label="预审通过日期" required />
        <DateField name="formIssuedOn" label="发放入党志愿书日期" required />
        <FlagField name="leavingWithin3Months" label="是否三个月内离开工作单位" required={false} />
        <ApproverField />
      </>);
    case 14:
      return <DateField name="filledOn" label="填写入党志愿书日期" required />;
    case 15:
      return <MeetingFields title="支部大会讨论接收预备党员" />;
    case 16:
      return (<>
        <DateField name="on" label="上级党委派人谈话日期" required />
        <ChoiceField name="by" label="谈话人身份" labels={upperTalkerLabels} />
      </>);
    case 17:
      return (<>
        <DateField name="on" label="上级党委审批日期" required />
        <FlagField name="collective" label="是否集体讨论、逐个审议表决" />
        <Form.Item name="specialReason" label="超过三个月审批的特殊原因">
          <Input.TextArea rows={2} maxLength={300} showCount placeholder="支部大会后超过三个月才审批时填写" />
        </Form.Item>
        <ApproverField />
      </>);
    case 18:
      return <DateField name="on" label="组织部门备案日期" required />;
    case 19:
      return <DateField name="on" label="编入党支部和党小组日期" required />;
    case 20:
      return (<>
        <DateField name="on" label="入党宣誓日期" required />
        <FlagField name="collectiveDay" label="是否在集中宣誓日宣誓" />
      </>);
    case 21:
      return (<>
        <DateField name="on" label="预备期教育考察日期" required />
        <DateList name="thoughtReports" title="思想汇报" label="思想汇报日期" />
      </>);
    case 22:
      return <DateField name="appliedOn" label="转正申请日期" required />;
    case 23:
      return (<>
        <DateField name="groupOpinionOn" label="党小组意见日期" required />
        <DateField name="opinionsOn" label="征求党员和群众意见日期" required />
        <DateField name="committeeReviewOn" label="支委会审查转正日期" required />
        <MeetingFields title="支部大会讨论转正" />
        <ChoiceField name="outcome" label="讨论结果" labels={confirmationOutcomeLabels} />
        <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
          {({ getFieldValue }) => getFieldValue('outcome') === 'extend' ? <CountField name="extensionMonths" label="延长预备期月数" addonAfter="个月" required /> : null}
        </Form.Item>
        <OpinionList stages={opinionStagesOf[23]!} />
      </>);
    case 24:
      return (<>
        <DateField name="approvalOn" label="上级党委审批转正日期" required />
        <ApproverField />
      </>);
    case 25:
      return <DateField name="on" label="材料归档日期" required />;
    default:
      return <Alert type="error" title={`没有第${step}步`} />;
  }
}
