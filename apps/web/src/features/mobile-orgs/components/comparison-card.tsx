import { Card, Empty, Flex, Grid, Segmented, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { BarChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { formatCount } from '../../../lib/format';
import { type ComparisonRow, useComparison } from '../api/get-comparison';
import { CoverageTag } from './coverage-tag';

/** The chart shows the first destinations of the ranking; the table below has them all. */
const CHART_ROWS = 15;

const ledgerLink = (destination: string) => `/people?direction=outbound&destination=${destination}`;

/** At most three names, then how many more (all of them on hover): a big city may have a dozen. */
function OrgTags({ row }: { row: ComparisonRow }) {
  if (!row.orgs.length) return <Typography.Text type="danger">无</Typography.Text>;
  const shown = row.orgs.slice(0, 3);
  const rest = row.orgs.length - shown.length;
  return (
    <Flex wrap gap={4}>
      {shown.map((o) => (
        <Tag key={o.id} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
          {o.name}
        </Tag>
      ))}
      {rest > 0 && (
        <Tag style={{ marginInlineEnd: 0 }} title={row.orgs.slice(3).map((o) => o.name).join('\n')}>
          等 {row.orgs.length} 个
        </Tag>
      )}
    </Flex>
  );
}

const columns: TableColumnsType<ComparisonRow> = [
  { title: '排序', dataIndex: 'rank', width: 60 },
  { title: '务工地', dataIndex: 'name', width: 160, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (name: string, row) => (row.people ? <Link to={ledgerLink(row.destination)}>{name}</Link> : name) },
  { title: '外出人员', dataIndex: 'people', align: 'right', width: 90, render: formatCount },
  { title: '其中党员', dataIndex: 'partyMembers', align: 'right', width: 90, render: formatCount },
  { title: '重点培养对象', dataIndex: 'targets', align: 'right', width: 110, render: formatCount },
  { title: '原籍地未覆盖', dataIndex: 'unservedPeople', align: 'right', width: 110, render: (n: number) => (n ? <Typography.Text type="danger">{formatCount(n)}</Typography.Text> : 0) },
  { title: '当地流动党组织', key: 'orgs', render: (_: unknown, row) => <OrgTags row={row} /> },
  { title: '情况', dataIndex: 'coverage', width: 140, render: (_: unknown, row) => <CoverageTag coverage={row.coverage} label={row.coverageLabel} /> },
];

/**
 * 外出人员与流动党组织对照: where the city's outbound people work, ranked so the places with many
 * people and no mobile organization come first. A ranked bar chart rather than a map of China:
 * no properly licensed (审图号) China map dataset is available from the package registries.
 */
export function ComparisonCard() {
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const navigate = useNavigate();
  const [by, setBy] = useState<'city' | 'province'>('city');
  const comparison = useComparison(by);
  const rows = comparison.data?.items ?? [];
  const withPeople = rows.filter((r) => r.people > 0);
  const top = withPeople.slice(0, CHART_ROWS);
  const totals = comparison.data?.totals;

  return (
    <Card
      size="small"
      title="外出人员务工地与市外流动党组织对照"
      extra={<Segmented<'city' | 'province'> size="small" value={by} onChange={setBy} options={[{ value: 'city', label: '按城市' }, { value: 'province', label: '按省份' }]} />}
      data-testid="mobile-comparison"
    >
      {comparison.isError ? (
        <QueryError error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : !comparison.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !withPeople.length ? (
        <Empty description="台帐中还没有登记务工地的外出人员" />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text data-testid="comparison-summary">
            外出人员 <b>{formatCount(totals!.people)}</b> 人，分布在 {totals!.destinations} 个{by === 'city' ? '城市' : '省份'}：
            <Typography.Text type="danger"> {totals!.noOrg} 个没有流动党组织</Typography.Text>，{totals!.partial} 个有流动党组织但部分原籍地未覆盖，{totals!.served} 个已覆盖。
            已有流动党组织服务的外出人员 {formatCount(totals!.servedPeople)} 人。
          </Typography.Text>
          <BarChart
            testId="comparison-chart"
            categories={top.map((r) => `${r.rank}. ${r.name}`)}
            series={[
              { name: '未覆盖的外出人员', data: top.map((r) => r.unservedPeople) },
              { name: '已有流动党组织服务', data: top.map((r) => r.servedPeople) },
            ]}
            onCategoryClick={(index) => void navigate(ledgerLink(top[index]!.destination))}
          />
          {phone ? (
            <Flex vertical gap={8} data-testid="comparison-list">
              {rows.map((row) => (
                <Card key={row.destination} size="small">
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong>
                      {row.rank}. {row.people ? <Link to={ledgerLink(row.destination)}>{row.name}</Link> : row.name}
                    </Typography.Text>
                    <CoverageTag coverage={row.coverage} label={row.coverageLabel} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    外出 {formatCount(row.people)} 人 · 党员 {row.partyMembers} · 未覆盖 {formatCount(row.unservedPeople)}
                  </Typography.Text>
                  <div style={{ marginTop: 4 }}>
                    <OrgTags row={row} />
                  </div>
                </Card>
              ))}
            </Flex>
          ) : (
            <Table<ComparisonRow> rowKey="destination" size="small" columns={columns} dataSource={rows} pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} data-testid="comparison-table" />
          )}
        </Flex>
      )}
    </Card>
  );
}
