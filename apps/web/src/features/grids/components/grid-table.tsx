import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { GRID_LIST_LIMIT, type Grid } from '../api/get-grids';
import { AssignWorkerModal } from './assign-worker-modal';

interface Props {
  query: UseQueryResult<{ items: Grid[] }>;
  canAssign: boolean;
}

export function GridTable({ query, canAssign }: Props) {
  const [filter, setFilter] = useState('');
  const [assigning, setAssigning] = useState<Grid | null>(null);
  const items = query.data?.items;
  const shown = useMemo(() => {
    const text = filter.trim();
    if (!items || !text) return items ?? [];
    return items.filter((g) => g.name.includes(text) || g.divisionName.includes(text) || g.workers.some((w) => w.displayName.includes(text)));
  }, [items, filter]);

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const columns: TableColumnsType<Grid> = [
    { title: '网格名称', dataIndex: 'name', key: 'name', width: 110 },
    {
      title: '所属村（社区）',
      dataIndex: 'divisionName',
      key: 'division',
      render: (name: string, grid) => (
        <Typography.Text title={grid.divisionCode} style={{ wordBreak: 'keep-all' }}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: '网格员',
      key: 'workers',
      render: (_, grid) =>
        grid.workers.length ? (
          <Space size={[4, 4]} wrap>
            {grid.workers.map((w) => (
              <Tag key={w.id} color="blue">
                {w.displayName}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未指派</Typography.Text>
        ),
    },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', responsive: ['lg'], render: formatDateTime },
  ];
  if (canAssign) {
    columns.push({
      title: '操作',
      key: 'actions',
      responsive: ['md'],
      render: (_, grid) => (
        <Button size="small" icon={<UserAddOutlined />} onClick={() => setAssigning(grid)}>
          指派网格员
        </Button>
      ),
    });
  }

  return (
    <Card
      size="small"
      title={`网格列表（${items?.length ?? '…'}）`}
      extra={
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="筛选网格、村（社区）、网格员"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 220, maxWidth: '50vw' }}
        />
      }
    >
      {items && items.length >= GRID_LIST_LIMIT && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`只列出了前 ${GRID_LIST_LIMIT} 个网格，请选择下级区划缩小范围`} />
      )}
      <Table<Grid>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={query.isFetching}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个网格`, simple: false, size: 'small' }}
        data-testid="grids-table"
      />
      {assigning && <AssignWorkerModal grid={assigning} onClose={() => setAssigning(null)} />}
    </Card>
  );
}
