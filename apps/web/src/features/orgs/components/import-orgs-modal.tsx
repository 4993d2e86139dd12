import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Modal, Progress, Row, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { orgImportRejectionsXlsxUrl, orgImportTemplateUrl, type OrgImportStatus, useOrgImport, useOrgImportRejections } from '../api/get-org-import';
import { useStartOrgImport } from '../api/start-org-import';

function Result({ status }: { status: OrgImportStatus }) {
  const rejections = useOrgImportRejections(status.id, status.status !== 'running' && status.rejected > 0);
  return (
    <Flex vertical gap={12} data-testid="org-import-result">
      {status.status === 'running' ? (
        <Progress percent={status.percent} status="active" format={(p) => `${p}%`} />
      ) : status.status === 'failed' ? (
        <Alert type="error" showIcon title={`导入中断：${status.error ?? '未知原因'}`} description="已导入的党组织保留；修正后重新导入同一文件即可补齐，不会重复建立。" />
      ) : (
        <Alert type="success" showIcon title={`导入完成：${status.fileName}`} />
      )}
      <Row gutter={[8, 8]}>
        {(
          [
            ['共处理', status.rows],
            ['新建党组织', status.created],
            ['更新', status.updated],
            ['没有变化', status.unchanged],
            ['退回行', status.rejected],
          ] as const
        ).map(([title, value]) => (
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
            <a href={orgImportRejectionsXlsxUrl(status.id)} download>
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
              { title: '列', dataIndex: 'column', width: 110 },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}

/** 导入党组织: the old system's list of organizations, in the background with progress and the rejected rows. */
export function ImportOrgsModal({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const start = useStartOrgImport();
  const status = useOrgImport(importId);

  return (
    <Modal
      open
      title="导入党组织"
      onCancel={onClose}
      footer={
        importId === null ? (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!file} loading={start.isPending} onClick={() => file && start.mutate(file, { onSuccess: (r) => setImportId(r.importId) })}>
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
            须有“党组织名称”“类别”和“所在行政区划”列；可有上级党组织（全称）、组织类型、组建方式、挂靠党组织、覆盖单位（统一社会信用代码，用“、”或“;”分隔，单位须已在两新组织名录中）、成立日期、审批权、驻在地。各行顺序不限，下级可以写在上级前面。每行按新建党组织的规则检查，不合格的行退回并写明行号、列和原因，其余照常导入。名称和上级相同的视为同一个党组织：重复导入不会重复建立，内容有变化的按文件更新。
          </Typography.Paragraph>
          <a href={orgImportTemplateUrl} download>
            <DownloadOutlined /> 下载导入模板（.xlsx）
          </a>
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
