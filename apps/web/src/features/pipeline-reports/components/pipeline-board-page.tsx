import { AuditOutlined, ClockCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Empty, Flex, Grid, Row, Skeleton, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { formatCount } from '../../../lib/format';
import { type BoardRow, useBoard } from '../api/get-board';
import { dossierListUrl } from './links';
import { StageChart } from './stage-chart';

/**
 * 发展党员看板: active dossiers per stage for each organization below the current one (each over its
 * subtree). A bar drills down into the organization's children; a stage segment of an organization
 * with no children opens the dossier list of that stage.
 */
export function PipelineBoardPage() {
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const board = useBoard(orgId);
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const data = board.data;
  // Most branches have no dossier at a time: they are left out unless asked for.
  const [showEmpty, setShowEmpty] = useState(false);
  const rows = (data?.rows ?? []).filter((r) => showEmpty || r.active + r.members + r.closed > 0);

  const drill = (id: number | undefined) => setParams(id ? { orgId: String(id) } : {});
  const listOf = (row: BoardRow, stage?: number) => dossierListUrl({ orgId: row.orgId, subtree: !row.self, stage });
  const open = (row: BoardRow) => (row.hasChildren ? drill(row.orgId) : void navigate(listOf(row)));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          发展党员看板
        </Typography.Title>
        <Space wrap>
          <Link to="/pipeline/deadlines"><Button icon={<ClockCircleOutlined />}>办理期限</Button></Link>
          <Link to="/pipeline/audit"><Button icon={<AuditOutlined />}>档案批量审核</Button></Link>
        </Space>
      </Flex>
      <Breadcrumb
        data-testid="board-breadcrumb"
        items={[
          { title: <a onClick={() => drill(undefined)}>全部管辖范围</a> },
          ...(data?.breadcrumb ?? []).map((b, i, all) => ({
            title: i === all.length - 1 ? <span>{b.orgName}</span> : <a onClick={() => drill(b.orgId)}>{b.orgName}</a>,
          })),
        ]}
      />
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Row gutter={[12, 12]} data-testid="board-totals">
            {data.stages.map((s, i) => (
              <Col key={s.number} xs={12} sm={8} lg={4}>
                <Card size="small" hoverable onClick={() => void navigate(dossierListUrl({ orgId, subtree: true, stage: s.number }))}>
                  <Statistic title={`第${'一二三四五'[i]}阶段 ${s.name}`} value={data.totals.stages[i]} suffix="人" />
                </Card>
              </Col>
            ))}
            <Col xs={12} sm={8} lg={4}>
              <Card size="small" hoverable onClick={() => void navigate(dossierListUrl({ orgId, subtree: true, status: 'member' }))}>
                <Statistic title="已转正" value={data.totals.members} suffix="人" />
                <Typography.Text type="secondary">{`已撤回、不予承认 ${formatCount(data.totals.closed)} 人`}</Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card size="small" title={data.org ? `${data.org.name}：下级党组织各阶段人数（点击条形下钻，点击末级的阶段查看名单）` : '各党组织各阶段人数（点击条形下钻，点击末级的阶段查看名单）'}>
            {rows.length === 0 ? (
              <Empty description={data.rows.length ? '下级党组织都没有发展党员档案' : '没有下级党组织'} />
            ) : (
              <StageChart
                testId="board-chart"
                categories={rows.map((r) => r.orgName)}
                series={data.stages.map((s, i) => ({ name: s.name, data: rows.map((r) => r.stages[i]!) }))}
                onSegmentClick={(row, stage) => {
                  const r = rows[row]!;
                  if (r.hasChildren) drill(r.orgId);
                  else void navigate(listOf(r, stage + 1));
                }}
                onCategoryClick={(row) => open(rows[row]!)}
              />
            )}
          </Card>
          <Card
            size="small"
            title="明细"
            extra={
              <Space size={4}>
                <Switch size="small" checked={showEmpty} onChange={setShowEmpty} aria-label="显示没有档案的党组织" />
                <Typography.Text type="secondary">{`显示无档案的党组织（${data.rows.length - data.rows.filter((r) => r.active + r.members + r.closed > 0).length}）`}</Typography.Text>
              </Space>
            }
          >
            {phone ? (
              <Flex vertical gap={8}>
                {rows.length === 0 && <Empty description="没有下级党组织" />}
                {rows.map((r) => (
                  <Card key={`${r.orgId}-${r.self}`} size="small">
                    <Flex vertical gap={4}>
                      <Typography.Text strong>{r.orgName}</Typography.Text>
                      <Space size={[4, 4]} wrap>
                        {data.stages.map((s, i) => (
                          <Tag key={s.number}>{`${s.name} ${r.stages[i]}`}</Tag>
                        ))}
                        <Tag color="green">{`已转正 ${r.members}`}</Tag>
                      </Space>
                      <Space>
                        {r.hasChildren && <Button size="small" onClick={() => drill(r.orgId)}>下级</Button>}
                        <Link to={listOf(r)}><Button size="small" icon={<UnorderedListOutlined />}>查看名单</Button></Link>
                      </Space>
                    </Flex>
                  </Card>
                ))}
              </Flex>
            ) : (
              <Table<BoardRow>
                size="small"
                rowKey={(r) => `${r.orgId}-${r.self}`}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 900 }}
                columns={[
                  { title: '党组织', dataIndex: 'orgName', render: (name: string, r) => (r.hasChildren ? <a onClick={() => drill(r.orgId)}>{name}</a> : name) },
                  ...data.stages.map((s, i) => ({
                    title: s.name,
                    key: `stage-${s.number}`,
                    align: 'right' as const,
                    render: (_: unknown, r: BoardRow) => (r.stages[i] ? <Link to={listOf(r, s.number)}>{r.stages[i]}</Link> : 0),
                  })),
                  { title: '办理中', dataIndex: 'active', align: 'right' as const },
                  { title: '已转正', dataIndex: 'members', align: 'right' as const },
                  { title: '已撤回/不予承认', dataIndex: 'closed', align: 'right' as const },
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, r: BoardRow) => (
                      <Space>
                        {r.hasChildren && <a onClick={() => drill(r.orgId)}>下级</a>}
                        <Link to={listOf(r)}>查看名单</Link>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </Flex>
  );
}
