import { Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { auditActionLabel, outcomeLabels, roleLabelOf } from '../audit-actions';
import type { AuditEntry } from '../api/get-audit-log';

function describeObject(entry: AuditEntry): string {
  if (!entry.objectType) return '—';
  return entry.objectIds.length ? `${entry.objectType} #${entry.objectIds.join(', #')}` : entry.objectType;
}

function columnsFor(wide: boolean): TableColumnsType<AuditEntry> {
  const actor = (e: AuditEntry) => (
    <>
      <div>{e.actorName}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {roleLabelOf(e.actorRole)}
      </Typography.Text>
    </>
  );
  return [
    ...(wide ? [{ title: '编号', dataIndex: 'id', key: 'id', width: 72 }] : []),
    {
      title: '时间',
      dataIndex: 'at',
      key: 'at',
      // The year is noise on a phone; the full stamp is in the expanded row.
      render: (at: string) => dayjs(at).format(wide ? 'YYYY-MM-DD HH:mm:ss' : 'MM-DD HH:mm'),
    },
    ...(wide ? [{ title: '操作人', key: 'actor', render: (_: unknown, e: AuditEntry) => actor(e) }] : []),
    {
      title: '操作',
      dataIndex: 'action',
      key: 'action',
      render: (action: string, e) => (
        <>
          <div title={action}>{auditActionLabel(action)}</div>
          {!wide && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      key: 'outcome',
      render: (outcome: AuditEntry['outcome']) => <Tag color={outcomeLabels[outcome].color}>{outcomeLabels[outcome].label}</Tag>,
    },
    { title: '对象', key: 'object', render: (_, e) => describeObject(e), responsive: ['lg'] },
    { title: 'IP', dataIndex: 'ip', key: 'ip', responsive: ['lg'] },
  ];
}

/** Details are free-form JSON; shown on demand so the table stays readable. */
function Detail({ entry }: { entry: AuditEntry }) {
  const lines = [
    `编号：${entry.id}`,
    `时间：${dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}`,
    `操作人：${entry.actorName}（${roleLabelOf(entry.actorRole)}）`,
    `操作代码：${entry.action}`,
    `对象：${describeObject(entry)}`,
    `IP：${entry.ip}`,
    `详情：${JSON.stringify(entry.detail, null, 2)}`,
  ];
  return <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{lines.join('\n')}</pre>;
}

export function AuditLogTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const screens = Grid.useBreakpoint();
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      columns={columnsFor(Boolean(screens.md))}
      dataSource={entries}
      loading={loading}
      pagination={false}
      expandable={{ expandedRowRender: (entry) => <Detail entry={entry} /> }}
    />
  );
}
