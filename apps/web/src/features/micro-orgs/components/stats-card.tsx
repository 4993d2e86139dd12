import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { BarChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { useMicroStats } from '../api/get-micro-stats';

/** The last 12 months: activities, people served and problems solved per month, and the totals. */
export function StatsCard({ microOrgId, title }: { microOrgId?: number; title: string }) {
  const stats = useMicroStats(microOrgId);
  const s = stats.data;
  return (
    <Card size="small" title={title} data-testid="micro-stats">
      {stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !s ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {microOrgId === undefined && <Col xs={8} md={4}><Statistic title="在册微组织" value={s.totals.activeMicroOrgs} /></Col>}
            <Col xs={8} md={4}><Statistic title="骨干党员" value={s.totals.backbones} /></Col>
            <Col xs={8} md={4}><Statistic title="联系服务" value={s.totals.reach} suffix="人" /></Col>
            <Col xs={8} md={4}><Statistic title="近一年活动" value={s.totals.activities} suffix="次" /></Col>
            <Col xs={8} md={4}><Statistic title="服务群众" value={s.totals.peopleServed} suffix="人次" /></Col>
            <Col xs={8} md={microOrgId === undefined ? 2 : 4}><Statistic title="解决问题" value={s.totals.problemsSolved} /></Col>
            <Col xs={8} md={2}><Statistic title="发现优秀分子" value={s.totals.talentFound} /></Col>
          </Row>
          <BarChart
            testId="micro-stats-chart"
            categories={s.byMonth.map((m) => m.month)}
            series={[
              { name: '活动次数', data: s.byMonth.map((m) => m.activities) },
              { name: '解决问题', data: s.byMonth.map((m) => m.problemsSolved) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
