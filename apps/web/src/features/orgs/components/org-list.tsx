import { Card, Empty, Flex, Grid, Pagination, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { shortDivisionName } from '../../divisions/prefix';
import type { Org } from '../api/get-orgs';
import { formationColors, kindColors, statusColors } from '../org-labels';

interface Props {
  rows: Org[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

function Tags({ org }: { org: Org }) {
  return (
    <Flex wrap gap={4}>
      <Tag color={kindColors[org.kind]} style={{ marginInlineEnd: 0 }}>{org.kindLabel}</Tag>
      <Tag style={{ marginInlineEnd: 0 }}>{org.hostKindLabel}</Tag>
      <Tag color={formationColors[org.formation]} style={{ marginInlineEnd: 0 }}>{org.formationLabel}</Tag>
      {org.approvalPower && <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>审批权</Tag>}
      {org.status !== 'active' && <Tag color={statusColors[org.status]} style={{ marginInlineEnd: 0 }}>{org.statusLabel}</Tag>}
    </Flex>
  );
}

const members = (o: Org) => `${o.memberCount - o.probationaryCount} / ${o.probationaryCount}`;

const columns: TableColumnsType<Org> = [
  {
    title: '党组织',
    key: 'name',
    render: (_, o) => (
      <Flex vertical gap={2}>
        <Link to={`/orgs/${o.id}`}>{o.name}</Link>
        {o.parentName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>上级：{o.parentName}</Typography.Text>}
      </Flex>
    ),
  },
  { title: '类别与组建方式', key: 'tags', render: (_, o) => <Tags org={o} /> },
  {
    title: '所在区划',
    key: 'division',
    responsive: ['lg'],
    render: (_, o) => (o.locatedDivisionName ? `${shortDivisionName(o.divisionName)}（驻${o.locatedDivisionName}）` : shortDivisionName(o.divisionName)),
  },
  { title: '覆盖单位', dataIndex: 'coveredCount', key: 'covered', align: 'right', responsive: ['md'] },
  { title: '正式/预备党员', key: 'members', align: 'right', responsive: ['xl'], render: (_, o) => members(o) },
  { title: '成立日期', dataIndex: 'establishedOn', key: 'established', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
];

/** A table on a desk; on a phone one card per organization. */
export function OrgList({ rows, total, page, pageSize, loading, onPage }: Props) {
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    return (
      <Flex vertical gap={8} data-testid="org-list">
        {rows.length === 0 && !loading && <Empty description="没有符合条件的党组织" />}
        {rows.map((o) => (
          <Link key={o.id} to={`/orgs/${o.id}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
              <Typography.Text strong>{o.name}</Typography.Text>
              <div style={{ margin: '6px 0' }}>
                <Tags org={o} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {shortDivisionName(o.divisionName)} · 覆盖 {o.coveredCount} 个单位 · 党员 {o.memberCount} 名
              </Typography.Text>
            </Card>
          </Link>
        ))}
        {total > pageSize && (
          <Flex justify="center">
            <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} />
          </Flex>
        )}
      </Flex>
    );
  }
  return (
    <Table<Org>
      data-testid="org-list"
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => `共 ${t} 个` }}
    />
  );
}
