import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useHomeDeadlines } from '../api/get-home-deadlines';
import { DueTag } from './due-tag';
import { dossierUrl } from './links';

/** The home page's 发展党员办理期限: overdue and due within 30 days, and the five nearest. Shown to those who read dossiers. */
export function HomeDeadlinesCard() {
  const home = useHomeDeadlines();
  const navigate = useNavigate();
  if (home.isError) return <QueryError error={home.error} onRetry={() => void home.refetch()} />;
  if (home.isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  const d = home.data;
  if (!d) return null;
  return (
    <Card
      title={<><ClockCircleOutlined /> 发展党员办理期限</>}
      extra={<Link to="/pipeline/deadlines">全部</Link>}
      style={{ marginBottom: 16 }}
      data-testid="home-deadlines"
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12}>
          <Card size="small" hoverable onClick={() => void navigate('/pipeline/deadlines')}>
            <Statistic title="已逾期" value={d.overdue} suffix="项" styles={{ content: d.overdue ? { color: '#c8161d' } : {} }} />
          </Card>
        </Col>
        <Col xs={12}>
          <Card size="small" hoverable onClick={() => void navigate('/pipeline/deadlines')}>
            <Statistic title="30 天内到期" value={d.dueSoon} suffix="项" />
          </Card>
        </Col>
      </Row>
      {d.nearest.length === 0 ? (
        <Empty description="30 天内没有到期的事项" />
      ) : (
        <Flex vertical gap={8} data-testid="home-deadlines-nearest">
          {d.nearest.map((i) => (
            <Flex key={`${i.dossierId}-${i.kind}`} justify="space-between" align="center" gap={8} wrap={false}>
              <Link to={dossierUrl(i.dossierId)} style={{ minWidth: 0 }}>
                <Typography.Text strong>{i.personName}</Typography.Text>
                <Typography.Text>{` ${i.label}`}</Typography.Text>
                <Typography.Text type="secondary">{`（${i.dueOn}，${i.orgName}）`}</Typography.Text>
              </Link>
              <DueTag overdue={i.overdue} daysLeft={i.daysLeft} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
