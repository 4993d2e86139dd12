import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Col, Flex, Form, Row, Typography } from 'antd';
import { ballotMethodLabels } from './labels';
import { ChoiceField, CountField, DateField, FlagField } from './fields';
import { meetingTally } from './meeting-tally';

/**
 * 支部大会: expected and present voters, the tally, written votes of absentees, the ballot and
 * one-by-one — with the quorum and the majority shown as they are typed (R-MTG-QUORUM, R-MTG-MAJORITY).
 */
export function MeetingFields({ title }: { title: string }) {
  const form = Form.useFormInstance();
  const meeting = Form.useWatch('meeting', form) as Record<string, unknown> | undefined;
  const tally = meetingTally(meeting);
  const cell = { xs: 12, sm: 8 };
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid="meeting">
      <DateField name={['meeting', 'on']} label="支部大会日期" required />
      <ChoiceField name={['meeting', 'method']} label="表决方式" labels={ballotMethodLabels} />
      <Row gutter={12}>
        <Col {...cell}><CountField name={['meeting', 'expectedVoters']} label="应到会有表决权党员数" required /></Col>
        <Col {...cell}><CountField name={['meeting', 'presentVoters']} label="实到会有表决权党员数" required /></Col>
      </Row>
      <Row gutter={12}>
        <Col xs={8}><CountField name={['meeting', 'yes']} label="赞成票" addonAfter="票" required /></Col>
        <Col xs={8}><CountField name={['meeting', 'no']} label="反对票" addonAfter="票" required /></Col>
        <Col xs={8}><CountField name={['meeting', 'abstain']} label="弃权票" addonAfter="票" required /></Col>
      </Row>
      <Row gutter={12}>
        <Col {...cell}><CountField name={['meeting', 'writtenYes']} label="书面赞成票" addonAfter="份" required /></Col>
        <Col {...cell}><CountField name={['meeting', 'writtenNo']} label="书面反对票" addonAfter="份" required /></Col>
      </Row>
      <FlagField name={['meeting', 'writtenBeforeMeeting']} label="书面意见是否会前提交" />
      <FlagField name={['meeting', 'oneByOne']} label="是否逐个讨论、逐个表决" />
      <Flex vertical gap={4} data-testid="meeting-tally" aria-live="polite">
        {tally === null ? (
          <Typography.Text type="secondary">填写应到、实到人数后，这里显示是否达到法定人数；填写赞成票后显示决议是否通过。</Typography.Text>
        ) : (
          tally.map((line) => (
            <Typography.Text key={line.rule} type={line.ok ? 'success' : 'danger'} data-testid={`tally-${line.rule}`} data-ok={line.ok}>
              {line.ok ? <CheckCircleFilled /> : <CloseCircleFilled />} {line.rule === 'R-MTG-QUORUM' ? '法定人数' : '表决结果'}：{line.text}（{line.rule}）
            </Typography.Text>
          ))
        )}
      </Flex>
    </Card>
  );
}
