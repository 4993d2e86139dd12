import { AppstoreOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Pagination, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { OrgPicker } from '../../orgs/components/org-picker';
import { type DeadlineKind, type DeadlineRow, useDeadlines } from '../api/get-deadlines';
import { DueTag } from './due-tag';
import { dossierUrl } from './links';

const windows = [
  { value: 7, label: '7 天内到期' },
  { value: 30, label: '30 天内到期' },
  { value: 90, label: '90 天内到期' },
  { value: 3650, label: '全部未办' },
];

const PHONE_PAGE = 20;

/** On a phone: one card per item, 20 to a page. */
function PhoneCards({ items }: { items: DeadlineRow[] }) {
  const [page, setPage] = useState(1);
  return (
    <Flex vertical gap={8}>
      {items.slice((page - 1) * PHONE_PAGE, page * PHONE_PAGE).map((i) => (
        <Link key={`${i.dossierId}-${i.kind}`} to={dossierUrl(i.dossierId)}>
          <Card size="small" hoverable>
            <Flex vertical gap={2}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{i.personName}</Typography.Text>
                <DueTag overdue={i.overdue} daysLeft={i.daysLeft} />
              </Flex>
              <Typography.Text>{`${i.label}（应于 ${i.dueOn} 前）`}</Typography.Text>
              <Typography.Text type="secondary">{`${i.orgName} · 第${i.step}步 ${i.stepName}`}</Typography.Text>
            </Flex>
          </Card>
        </Link>
      ))}
      {items.length > PHONE_PAGE && <Pagination size="small" align="center" current={page} pageSize={PHONE_PAGE} total={items.length} onChange={setPage} />}
    </Flex>
  );
}

/** 办理期限: the talks, assessments, meetings, approvals, oaths and confirmations due, overdue first. */
export function DeadlinesPage() {
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const kind = (params.get('kind') as DeadlineKind | null) ?? undefined;
  const within = Number(params.get('within')) || 30;
  const deadlines = useDeadlines({ orgId, kind, within });
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const data = deadlines.data;

  const set = (patch: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          办理期限
        </Typography.Title>
        <Link to="/pipeline"><Button icon={<AppstoreOutlined />}>发展党员看板</Button></Link>
      </Flex>
      <Flex gap={8} wrap>
        <div style={{ width: phone ? '100%' : 320 }}>
          <OrgPicker value={orgId ?? null} onChange={(id) => set({ orgId: id })} placeholder="全部党组织（含下级）" />
        </div>
        <Select options={windows} value={within} onChange={(v: number) => set({ within: v === 30 ? undefined : v })} style={{ width: 140 }} aria-label="期限范围" />
      </Flex>
      {data && (
        <Space size={[4, 4]} wrap data-testid="deadline-kinds">
          <Tag.CheckableTag checked={!kind} onChange={() => set({ kind: undefined })}>{`全部：${data.counts.byKind.reduce((n, k) => n + k.total, 0)}`}</Tag.CheckableTag>
          {data.counts.byKind.filter((k) => k.total > 0 || k.kind === kind).map((k) => (
            <Tag.CheckableTag key={k.kind} checked={kind === k.kind} onChange={(on) => set({ kind: on ? k.kind : undefined })}>
              {`${k.label}：${k.total}${k.overdue ? `（逾期 ${k.overdue}）` : ''}`}
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
      {deadlines.isError ? (
        <QueryError error={deadlines.error} onRetry={() => void deadlines.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Card
          size="small"
          title={`截至 ${data.asOf}：${data.total} 项${data.overdue ? `，其中逾期 ${data.overdue} 项` : ''}`}
          extra={data.items.length < data.total ? <Typography.Text type="secondary">{`仅显示前 ${data.items.length} 项`}</Typography.Text> : null}
        >
          {data.items.length === 0 ? (
            <Empty description="没有到期或逾期的事项" />
          ) : phone ? (
            <PhoneCards items={data.items} />
          ) : (
            <Table<DeadlineRow>
              size="small"
              rowKey={(i) => `${i.dossierId}-${i.kind}`}
              dataSource={data.items}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              scroll={{ x: 960 }}
              columns={[
                { title: '状态', key: 'due', width: 110, render: (_: unknown, i) => <DueTag overdue={i.overdue} daysLeft={i.daysLeft} /> },
                { title: '应于', dataIndex: 'dueOn', width: 110 },
                { title: '姓名', dataIndex: 'personName', width: 100, render: (name: string, i) => <Link to={dossierUrl(i.dossierId)}>{name}</Link> },
                { title: '事项', dataIndex: 'label', render: (label: string, i) => <Tooltip title={i.note}>{label}</Tooltip> },
                { title: '步骤', key: 'step', render: (_: unknown, i) => `第${i.step}步 ${i.stepName}` },
                { title: '党组织', dataIndex: 'orgName' },
                { title: '依据', dataIndex: 'rule', width: 170, render: (rule: string) => <Typography.Text code>{rule}</Typography.Text> },
              ]}
            />
          )}
        </Card>
      )}
    </Flex>
  );
}
