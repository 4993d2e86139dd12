import { CheckSquareOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { Survey } from '../api/get-surveys';
import { SurveyCloseActions } from './survey-close-actions';

const SurveyProgressBars = lazy(() => import('./survey-progress-bars'));

/** A survey with its overall progress and, per grid, how far the checking has got. */
export function SurveyCard({ survey, canCheck, canManage }: { survey: Survey; canCheck: boolean; canManage: boolean }) {
  const { totals } = survey;
  return (
    <Card
      size="small"
      data-testid={`survey-${survey.id}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{survey.name}</span>
          <Tag color={survey.status === 'open' ? 'processing' : 'default'}>{survey.status === 'open' ? '进行中' : '已结束'}</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          {canCheck && survey.status === 'open' && (
            <Link to={`/surveys/${survey.id}/check`}>
              <Button type="primary" size="small" icon={<CheckSquareOutlined />}>
                核查人员
              </Button>
            </Link>
          )}
          {canManage && <SurveyCloseActions survey={survey} />}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {survey.status === 'closed' && (
          <Alert
            type="info"
            showIcon
            data-testid="survey-closed-note"
            title={`已于 ${formatDateTime(survey.closedAt)}${survey.closedBy ? ` 由${survey.closedBy}` : ''}结束，以下为结束时的结果，不再随人员变动`}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label="范围">{survey.divisionName}</Descriptions.Item>
          <Descriptions.Item label="时间">
            {survey.startsOn} 至 {survey.dueOn}
          </Descriptions.Item>
          <Descriptions.Item label="网格">{survey.grids.length} 个</Descriptions.Item>
          <Descriptions.Item label="五个清楚">
            {totals.complete} / {totals.total} 人
          </Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Text type="secondary">
            已核查 {totals.checked} / {totals.total} 人：确认 {totals.confirmed}，修改 {totals.corrected}，查无此人 {totals.notFound}，已迁出 {totals.movedAway}
          </Typography.Text>
          <Progress percent={totals.percent} />
        </div>
        {survey.grids.length > 0 && (
          <div data-testid="survey-progress-chart">
            <Suspense fallback={<Skeleton active />}>
              <SurveyProgressBars grids={survey.grids} />
            </Suspense>
          </div>
        )}
      </Flex>
    </Card>
  );
}
