import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Modal, Progress, Radio, Row, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { importSourceLabels, type NewOrgImportSource, type NewOrgImportStatus, rejectionsXlsxUrl, useNewOrgImport, useNewOrgImportRejections } from '../api/get-new-org-imports';
import { useStartNewOrgImport } from '../api/start-new-org-import';

function Result({ status }: { status: NewOrgImportStatus }) {
  const rejections = useNewOrgImportRejections(status.id, status.status !== 'running' && status.rejected > 0);
  return (
    <Flex vertical gap={12} data-testid="new-org-import-result">
      {status.status === 'running' ? (
        <Progress percent={status.percent} status="active" format={(p) => `${p}%`} />
      ) : status.status === 'failed' ? (
        <Alert type="error" showIcon title={`导入中断：${status.error ?? '未知原因'}`} description="已提交的行保留；修正后重新导入同一文件即可补齐，不会重复。" />
      ) : (
        <Alert type="success" showIcon title={`导入完成：${status.fileName}`} />
      )}
      <Row gutter={[8, 8]}>
        {[
          ['共处理', status.rows],
          ['新增单位', status.created],
          ['更新', status.updated],
          ['没有变化', status.unchanged],
          ['退回行', status.rejected],
        ].map(([title, value]) => (
          <Col key={title} xs={12} sm={8}>
            <Statistic title={title} value={value as number} styles={{ content: { fontSize: 18, ...(title === '退回行' && (value as number) > 0 ? { color: '#cf1322' } : {}) } }} />
          </Col>
        ))}
      </Row>
      {status.status === 'running' && <Typography.Text type="secondary">{`${formatCount(status.rowsPerSecond)} 行/秒`}</Typography.Text>}
      {status.status !== 'running' && status.rejected > 0 && (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{`退回的行（${formatCount(status.rejected)} 行未导入）`}</Typography.Text>
            <a href={rejectionsXlsxUrl(status.id)} download>
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

/** 导入名录: the market-regulation or civil-affairs register, in the background with progress. */
export function ImportRegistryModal({ onClose }: { onClose: () => void }) {
  const [source, setSource] = useState<NewOrgImportSource>('marketRegulation');
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const start = useStartNewOrgImport();
  const status = useNewOrgImport(importId);

  return (
    <Modal
      open
      title="导入企业、社会组织名录"
      onCancel={onClose}
      footer={
        importId === null ? (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!file} loading={start.isPending} onClick={() => file && start.mutate({ source, file }, { onSuccess: (r) => setImportId(r.importId) })}>
              开始导入
            </Button>
          </Flex>
        ) : (
          <Button onClick={onClose}>{status.data?.status === 'running' ? '后台继续导入，关闭' : '关闭'}</Button>
        )
      }
      destroyOnHidden
    >
      {importId === null ? (
        <Flex vertical gap={12}>
          <Radio.Group value={source} onChange={(e) => setSource(e.target.value as NewOrgImportSource)} optionType="button" options={(Object.keys(importSourceLabels) as NewOrgImportSource[]).map((s) => ({ value: s, label: importSourceLabels[s] }))} />
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>点击或拖入 .xlsx / .csv 文件（UTF-8 或 GBK 均可）</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            须有“统一社会信用代码”“名称”“所属行业”和“所在地区”（或“住所”）列；可有从业人员、党员人数、成立日期、登记状态、注销日期。表头上方的标题行可以保留。同一文件重复导入不会重复登记；内容有变化的单位会更新。
          </Typography.Paragraph>
          {start.isError && <Alert type="error" showIcon title={errorMessage(start.error)} />}
        </Flex>
      ) : status.data ? (
        <Result status={status.data} />
      ) : (
        <Progress percent={0} status="active" />
      )}
    </Modal>
  );
}
