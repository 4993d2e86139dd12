import { DownloadOutlined } from '@ant-design/icons';
import { sourceLabels } from '@xinxue/domain';
import { Alert, Button, Card, Col, Flex, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { formatCount } from '../../../lib/format';
import type { ImportStatus } from '../api/get-imports';
import { useImport } from '../api/get-import';
import { rejectionsUrl, useRejections, type Rejection } from '../api/get-rejections';

/** How many rejected rows are listed on the page; the report holds them all. */
const SHOWN_REJECTIONS = 50;

function Counts({ status }: { status: ImportStatus }) {
  const counts: { title: string; value: number; tone?: 'warn' | 'bad' }[] = [
    { title: '共处理', value: status.rows },
    { title: '新增人员', value: status.created },
    { title: '更新信息', value: status.updated },
    { title: '没有变化', value: status.unchanged },
    { title: '无身份证号关联', value: status.linkedWithoutId },
    { title: '疑似重复待审核', value: status.queuedForReview, tone: 'warn' },
    { title: '来源冲突待审核', value: status.conflicts, tone: 'warn' },
    { title: '退回行', value: status.rejected, tone: 'bad' },
  ];
  const colour = { warn: '#d46b08', bad: '#cf1322' };
  return (
    <Row gutter={[12, 12]} data-testid="import-counts">
      {counts.map((c) => (
        <Col key={c.title} xs={12} sm={8} md={6}>
          <Card size="small">
            <Statistic title={c.title} value={c.value} suffix={c.title === '共处理' ? '行' : undefined} styles={{ content: { fontSize: 20, ...(c.tone && c.value > 0 ? { color: colour[c.tone] } : {}) } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Rejections({ status }: { status: ImportStatus }) {
  const rejections = useRejections(status.id, status.rejected > 0);
  return (
    <Card
      size="small"
      title={`退回的行（${formatCount(status.rejected)} 行未导入）`}
      extra={
        <a href={rejectionsUrl(status.id)} download>
          <DownloadOutlined /> 下载退回行报告（.xlsx）
        </a>
      }
      data-testid="import-rejections"
    >
      {rejections.isError ? (
        <QueryError error={rejections.error} onRetry={() => void rejections.refetch()} />
      ) : !rejections.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Table<Rejection>
          rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
          size="small"
          pagination={false}
          dataSource={rejections.data.slice(0, SHOWN_REJECTIONS)}
          columns={[
            { title: '行号', dataIndex: 'row', key: 'row', width: 80, render: (row: number) => `第 ${row} 行` },
            { title: '列', dataIndex: 'column', key: 'column', width: 130 },
            { title: '原因', dataIndex: 'message', key: 'message' },
          ]}
          footer={rejections.data.length > SHOWN_REJECTIONS ? () => `只列出前 ${SHOWN_REJECTIONS} 条，全部退回行见报告。` : undefined}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        行号与 Excel 中看到的一致。改正这些行后可再次导入同一文件：已导入的行不会重复。
      </Typography.Paragraph>
    </Card>
  );
}

/** A running import's progress (percentage and rows per second), then what it did. */
export function ImportProgress({ importId, onNew }: { importId: number; onNew: () => void }) {
  const query = useImport(importId);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const status = query.data;
  if (!status) return <Skeleton active />;
  const done = status.status === 'done';
  const failed = status.status === 'failed';
  const toReview = status.conflicts + status.queuedForReview;

  return (
    <Flex vertical gap={12} data-testid="import-progress">
      <Typography.Text>
        {status.fileName}（{sourceLabels[status.source]}）
      </Typography.Text>
      <Progress
        percent={Math.round(status.percent)}
        status={failed ? 'exception' : done ? 'success' : 'active'}
        format={(percent) => (failed ? '失败' : done ? '完成' : `${percent ?? 0}%`)}
      />
      <Typography.Text type="secondary" data-testid="import-speed">
        {failed
          ? '导入失败'
          : done
            ? `导入完成：共 ${formatCount(status.rows)} 行${status.rowsPerSecond ? `，每秒 ${formatCount(Math.round(status.rowsPerSecond))} 行` : ''}`
            : `正在导入：已处理 ${formatCount(status.rows)} 行，每秒 ${formatCount(Math.round(status.rowsPerSecond))} 行`}
      </Typography.Text>
      {failed && <Alert type="error" showIcon title="导入失败" description={status.error ?? '导入过程中出错，已写入的行保持完整，可修正后重新导入。'} />}
      {(done || failed) && <Counts status={status} />}
      {done && toReview > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`有 ${formatCount(toReview)} 项需要人工审核（疑似重复 ${status.queuedForReview}，来源冲突 ${status.conflicts}）。`}
          action={
            <Link to="/reviews">
              <Button size="small" type="primary">
                去审核
              </Button>
            </Link>
          }
        />
      )}
      {status.rejected > 0 && (done || failed) && <Rejections status={status} />}
      {(done || failed) && (
        <Flex gap={8} wrap>
          <Button type="primary" onClick={onNew}>
            继续导入其他文件
          </Button>
          <Link to="/people">
            <Button>查看台帐</Button>
          </Link>
        </Flex>
      )}
    </Flex>
  );
}
