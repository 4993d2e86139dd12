import { ApartmentOutlined, AppstoreOutlined, ClusterOutlined, PieChartOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { BarChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { formatCount } from '../../../lib/format';
import { useHome } from '../api/get-home';
import { divisionPrefixOf, shortDivisionName } from '../../divisions/prefix';

const childLevelName: Partial<Record<string, string>> = {
  province: '市（州）',
  prefecture: '县（市、区）',
  county: '乡镇（街道）',
  township: '村（社区）',
};

export function ScopeOverview() {
  const home = useHome(true);
  const navigate = useNavigate();

  if (home.isError) return <QueryError error={home.error} onRetry={() => void home.refetch()} />;
  if (!home.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { counts, byChild, scope, coverage } = home.data;
  const childName = childLevelName[scope.level] ?? '下级区划';
  const span = coverage ? { xs: 12, md: 6 } : { xs: 12, md: 8 };

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col {...span}>
          <Card>
            <Statistic title="网格" value={counts.grids} suffix="个" prefix={<AppstoreOutlined />} />
          </Card>
        </Col>
        <Col {...span}>
          <Card>
            <Statistic title="党组织" value={counts.orgs} suffix="个" prefix={<ApartmentOutlined />} />
          </Card>
        </Col>
        <Col {...(coverage ? span : { xs: 24, md: 8 })}>
          <Card>
            <Statistic title={`下辖${childName}`} value={byChild.length} suffix="个" prefix={<ClusterOutlined />} />
          </Card>
        </Col>
        {coverage && (
          <Col {...span}>
            <Card hoverable onClick={() => void navigate('/new-orgs/coverage')} data-testid="home-coverage">
              <Statistic title="两新组织党组织覆盖率" value={(coverage.rate * 100).toFixed(1)} suffix="%" prefix={<PieChartOutlined />} />
              <Typography.Text type="secondary">{`已覆盖 ${formatCount(coverage.covered)} / ${formatCount(coverage.total)} 个`}</Typography.Text>
            </Card>
          </Col>
        )}
      </Row>
      <Card title={`各${childName}网格与党组织数量`}>
        {byChild.length === 0 ? (
          <Empty description="本级为村（社区），没有下级区划" />
        ) : (
          <BarChart
            testId="scope-chart"
            categories={byChild.map((c) => shortDivisionName(c.name))}
            series={[
              { name: '网格', data: byChild.map((c) => c.grids) },
              { name: '党组织', data: byChild.map((c) => c.orgs) },
            ]}
            onCategoryClick={(index) => {
              const child = byChild[index];
              if (child) void navigate(`/grids?within=${divisionPrefixOf(child.code)}`);
            }}
          />
        )}
        {byChild.length > 0 && <Typography.Text type="secondary">点击柱条可查看该地的网格。</Typography.Text>}
      </Card>
    </>
  );
}
