import { UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { BarChart, PieChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { divisionPrefixOf, shortDivisionName } from '../../divisions/prefix';
import { useCoverage } from '../api/get-coverage';
import { useCoverageTrend } from '../api/get-coverage-trend';
import { notFuture, percent } from '../new-org-labels';
import { BlankSpotsCard } from './blank-spots-card';
import { JointGroupsCard } from './joint-groups-card';
import { NewOrgDrawer } from './new-org-drawer';
import { RateGauges } from './rate-gauges';
import { TrendChart } from './trend-chart';

const lastPart = (name: string) => shortDivisionName(name.split(' ').at(-1) ?? name);

/** 覆盖情况: coverage rates by kind, area, industry and size, their trend, the blank spots and where a joint organization fits. */
export function CoveragePage() {
  const { user } = useSession();
  const [within, setWithin] = useState<string | undefined>();
  const [asOf, setAsOf] = useState<string | undefined>();
  const [openId, setOpenId] = useState<number | null>(null);
  const summary = useCoverage({ within, asOf });
  const trend = useCoverageTrend(within);
  const s = summary.data;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          两新组织党组织覆盖情况
        </Typography.Title>
        <Space wrap>
          <div style={{ width: 220 }}>
            <DivisionSearchSelect within={user.scope.divisionPrefix} placeholder="全部管辖范围" value={within?.padEnd(12, '0')} onChange={(code) => setWithin(code ? divisionPrefixOf(code) : undefined)} />
          </div>
          <DatePicker placeholder="统计日期（默认今天）" disabledDate={notFuture()} value={asOf ? dayjs(asOf) : null} onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)} />
          <Link to="/new-orgs"><Button icon={<UnorderedListOutlined />}>名录</Button></Link>
        </Space>
      </Flex>
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !s ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Typography.Text type="secondary">{`统计日期 ${s.asOf}：在册的非公企业和社会组织中，已被党组织覆盖（单独、联合或挂靠组建）的比例。`}</Typography.Text>
          <RateGauges summary={s} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={`按${{ county: '县（市、区）', township: '乡镇（街道）', village: '村（社区）' }[s.by]}（点击下钻）`}>
                <BarChart
                  testId="coverage-by-division"
                  categories={s.byDivision.map((d) => `${lastPart(d.name)} ${percent(d.rate)}`)}
                  series={[{ name: '已覆盖', data: s.byDivision.map((d) => d.covered) }, { name: '空白点', data: s.byDivision.map((d) => d.blank) }]}
                  onCategoryClick={s.by === 'village' ? undefined : (i) => setWithin(divisionPrefixOf(s.byDivision[i]!.code))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="覆盖率走势（近24个月，每月末）">
                {trend.isError ? (
                  <QueryError error={trend.error} onRetry={() => void trend.refetch()} />
                ) : !trend.data ? (
                  <Skeleton active />
                ) : (
                  <TrendChart
                    testId="coverage-trend"
                    months={trend.data.points.map((p) => p.month)}
                    series={[
                      { name: '合计', data: trend.data.points.map((p) => (p.total ? p.rate * 100 : null)) },
                      ...(trend.data.points[0]?.byKind ?? []).map((k, i) => ({ name: k.label, data: trend.data.points.map((p) => (p.byKind[i]!.total ? p.byKind[i]!.rate * 100 : null)) })),
                    ]}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="按行业">
                <BarChart
                  testId="coverage-by-industry"
                  categories={s.byIndustry.map((i) => `${i.label} ${percent(i.rate)}`)}
                  series={[{ name: '已覆盖', data: s.byIndustry.map((i) => i.covered) }, { name: '空白点', data: s.byIndustry.map((i) => i.blank) }]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Flex vertical gap={12}>
                <Card size="small" title="按规模（从业人员）">
                  <BarChart
                    testId="coverage-by-size"
                    categories={s.bySize.map((b) => `${b.label} ${percent(b.rate)}`)}
                    series={[{ name: '已覆盖', data: s.bySize.map((b) => b.covered) }, { name: '空白点', data: s.bySize.map((b) => b.blank) }]}
                  />
                </Card>
                <Card size="small" title="组建方式（覆盖的单位数）">
                  <PieChart testId="coverage-formations" items={s.formationMix.map((f) => ({ name: `${f.label}（${f.orgs}个党组织）`, value: f.units }))} height={220} />
                </Card>
              </Flex>
            </Col>
          </Row>
        </>
      )}
      <BlankSpotsCard within={within} onOpen={setOpenId} />
      <JointGroupsCard within={within} onOpen={setOpenId} />
      {openId !== null && <NewOrgDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Flex>
  );
}
