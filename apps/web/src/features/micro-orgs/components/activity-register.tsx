import { Card, Empty, Flex, Grid, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { formatCount } from '../../../lib/format';
import type { ActivityRow } from '../api/get-activities';

interface Props {
  items: ActivityRow[];
  total: number;
  /** Shows which micro-organization each activity belongs to (the overall register). */
  showOrg?: boolean;
  onOpen: (activity: ActivityRow) => void;
}

/** 活动台账: a table on a desk, cards on a phone; a row opens the activity. */
export function ActivityRegister({ items, total, showOrg = false, onOpen }: Props) {
  const screens = Grid.useBreakpoint();
  if (!items.length) return <Empty description="还没有登记活动" />;
  const columns: TableColumnsType<ActivityRow> = [
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    ...(showOrg ? [{ title: '微组织', dataIndex: 'microOrgName' }] : []),
    { title: '类型', dataIndex: 'kindLabel', width: 96, render: (label: string) => <Tag style={{ marginInlineEnd: 0 }}>{label}</Tag> },
    { title: '活动主题', dataIndex: 'title', render: (title: string) => <Typography.Link>{title}</Typography.Link> },
    { title: '服务人数', dataIndex: 'peopleServed', align: 'right', width: 90 },
    { title: '解决问题', dataIndex: 'problemsSolved', align: 'right', width: 90 },
    { title: '参加人员', dataIndex: 'participants', align: 'right', width: 90 },
  ];
  const more = total > items.length ? <Typography.Text type="secondary">共 {formatCount(total)} 次活动，列出最近 {items.length} 次；导出 Excel 可得全部。</Typography.Text> : null;
  if (screens.md) {
    return (
      <Flex vertical gap={8}>
        <Table<ActivityRow> rowKey="id" size="small" columns={columns} dataSource={items} pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })} data-testid="activity-table" />
        {more}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} data-testid="activity-cards">
      {items.slice(0, 100).map((a) => (
        <Card key={a.id} size="small" hoverable onClick={() => onOpen(a)}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong>{a.title}</Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>{a.kindLabel}</Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.heldOn}
            {showOrg ? ` · ${a.microOrgName}` : ''} · 服务 {a.peopleServed} 人 · 解决 {a.problemsSolved} 个问题 · 参加 {a.participants} 人
          </Typography.Text>
        </Card>
      ))}
      {more}
    </Flex>
  );
}
