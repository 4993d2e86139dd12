import { sourceLabels } from '@xinxue/domain';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useImports, type ImportStatus } from '../api/get-imports';
import { rejectionsUrl } from '../api/get-rejections';

const statusTags = { running: <Tag color="processing">导入中</Tag>, done: <Tag color="green">完成</Tag>, failed: <Tag color="red">失败</Tag> };

function outcome(i: ImportStatus): string {
  if (i.status === 'failed') return i.error ?? '导入失败';
  const parts = [`${i.rows} 行`, `新增 ${i.created}`, `更新 ${i.updated}`];
  if (i.conflicts) parts.push(`冲突 ${i.conflicts}`);
  if (i.queuedForReview) parts.push(`疑似重复 ${i.queuedForReview}`);
  return parts.join('，');
}

const columns: TableColumnsType<ImportStatus> = [
  {
    title: '文件',
    key: 'file',
    render: (_, i) => (
      <Typography.Text ellipsis style={{ maxWidth: 220 }} title={i.fileName}>
        {i.fileName}
      </Typography.Text>
    ),
  },
  { title: '来源', dataIndex: 'source', key: 'source', render: (s: ImportStatus['source']) => sourceLabels[s] },
  { title: '状态', dataIndex: 'status', key: 'status', render: (s: ImportStatus['status']) => statusTags[s] },
  { title: '开始时间', dataIndex: 'startedAt', key: 'startedAt', responsive: ['md'], render: formatDateTime },
  { title: '结果', key: 'outcome', responsive: ['lg'], render: (_, i) => outcome(i) },
  {
    title: '退回',
    key: 'rejected',
    render: (_, i) =>
      i.rejected > 0 ? (
        <a href={rejectionsUrl(i.id)} download title="下载退回行报告">
          {i.rejected} 行
        </a>
      ) : (
        <Typography.Text type="secondary">0</Typography.Text>
      ),
  },
];

export function RecentImports() {
  const imports = useImports();
  return (
    <Card size="small" title="最近的导入">
      {imports.isError ? (
        <QueryError error={imports.error} onRetry={() => void imports.refetch()} />
      ) : (
        <Table<ImportStatus>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={imports.data?.items ?? []}
          loading={imports.isLoading}
          pagination={{ defaultPageSize: 10, size: 'small', hideOnSinglePage: true }}
          locale={{ emptyText: '还没有导入记录' }}
        />
      )}
    </Card>
  );
}
