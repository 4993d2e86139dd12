import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Modal, Progress, Row, Statistic, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../lib/api-client';
import { formatCount } from '../../lib/format';

/** What every background import reports (its status endpoint: ledger, organization tree, registry). */
export interface FileImportStatus {
  id: number;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  percent: number;
  rowsPerSecond: number;
  error: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

interface Rejection {
  row: number;
  column: string;
  message: string;
}

export interface FileImportModalProps<S extends FileImportStatus> {
  title: string;
  /** The counter of new records, e.g. 新建党组织. */
  createdLabel: string;
  /** What is kept when an import breaks off, and that a rerun completes it. */
  failedNote: string;
  /** The columns the file needs, shown under the drop area. */
  hint: ReactNode;
  /** Above the drop area, e.g. the choice of source. */
  extra?: ReactNode;
  templateUrl?: string;
  testId: string;
  start: { mutate: (file: File, options: { onSuccess: (r: { importId: number }) => void }) => void; isPending: boolean; isError: boolean; error: unknown };
  useStatus: (id: number | null) => UseQueryResult<S>;
  useRejections: (id: number, enabled: boolean) => UseQueryResult<{ items: Rejection[] }>;
  rejectionsXlsxUrl: (id: number) => string;
  onClose: () => void;
}

function Result<S extends FileImportStatus>({ status, props }: { status: S; props: FileImportModalProps<S> }) {
  const rejections = props.useRejections(status.id, status.status !== 'running' && status.rejected > 0);
  const counters: [string, number][] = [
    ['共处理', status.rows],
    [props.createdLabel, status.created],
    ['更新', status.updated],
    ['没有变化', status.unchanged],
    ['退回行', status.rejected],
  ];
  return (
    <Flex vertical gap={12} data-testid={props.testId}>
      {status.status === 'running' ? (
        <Progress percent={status.percent} status="active" format={(p) => `${p}%`} />
      ) : status.status === 'failed' ? (
        <Alert type="error" showIcon title={`导入中断：${status.error ?? '未知原因'}`} description={props.failedNote} />
      ) : (
        <Alert type="success" showIcon title={`导入完成：${status.fileName}`} />
      )}
      <Row gutter={[8, 8]}>
        {counters.map(([title, value]) => (
          <Col key={title} xs={12} sm={8}>
            <Statistic title={title} value={value} styles={{ content: { fontSize: 18, ...(title === '退回行' && value > 0 ? { color: '#cf1322' } : {}) } }} />
          </Col>
        ))}
      </Row>
      {status.status === 'running' && <Typography.Text type="secondary">{`${formatCount(status.rowsPerSecond)} 行/秒`}</Typography.Text>}
      {status.status !== 'running' && status.rejected > 0 && (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{`退回的行（${formatCount(status.rejected)} 行未导入）`}</Typography.Text>
            <a href={props.rejectionsXlsxUrl(status.id)} download>
              <DownloadOutlined /> 下载退回行报告（.xlsx）
            </a>
          </Flex>
          <Table
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            pagination={false}
            scroll={{ x: true, y: 240 }}
            loading={!rejections.data}
            dataSource={rejections.data?.items ?? []}
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '列', dataIndex: 'column', width: 120 },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}

/**
 * A file import run in the background (organization tree, new-organizations registry): choose a
 * `.xlsx`/`.csv`, then watch the percentage and rows per second, the counts, and the rejected rows
 * with their row, column and reason, downloadable as `.xlsx`. Closing leaves the import running.
 */
export function FileImportModal<S extends FileImportStatus>(props: FileImportModalProps<S>) {
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const status = props.useStatus(importId);
  const { start } = props;

  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      footer={
        importId === null ? (
          <Flex justify="end" gap={8}>
            <Button onClick={props.onClose}>取消</Button>
            <Button type="primary" disabled={!file} loading={start.isPending} onClick={() => file && start.mutate(file, { onSuccess: (r) => setImportId(r.importId) })}>
              开始导入
            </Button>
          </Flex>
        ) : (
          <Button onClick={props.onClose}>{status.data?.status === 'running' ? '后台继续导入，关闭' : '关闭'}</Button>
        )
      }
      destroyOnHidden
    >
      {importId === null ? (
        <Flex vertical gap={12}>
          {props.extra}
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入 .xlsx / .csv 文件（UTF-8 或 GBK 均可）</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {props.hint}
          </Typography.Paragraph>
          {props.templateUrl && (
            <a href={props.templateUrl} download>
              <DownloadOutlined /> 下载导入模板（.xlsx）
            </a>
          )}
          {start.isError && <Alert type="error" showIcon title={errorMessage(start.error)} />}
        </Flex>
      ) : status.data ? (
        <Result status={status.data} props={props} />
      ) : (
        <Progress percent={0} status="active" />
      )}
    </Modal>
  );
}
