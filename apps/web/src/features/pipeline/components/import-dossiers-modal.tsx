import { InboxOutlined } from '@ant-design/icons';
import { Alert, Col, Flex, Form, Modal, Row, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { OrgPicker } from '../../orgs/components/org-picker';
import { type ImportResult, useImportDossiers } from '../api/dossier';

interface PathError {
  path: string;
  message: string;
}

/**
 * 导入档案: a `xinxue-dossier/1` file for a handling organization. A file with any error is refused
 * whole and every error is listed with its JSON path; the same file twice changes nothing.
 */
export function ImportDossiersModal({ onClose }: { onClose: () => void }) {
  const [orgId, setOrgId] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<PathError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const importDossiers = useImportDossiers();

  const submit = async () => {
    setResult(null);
    setErrors(null);
    setFailure(null);
    if (!orgId) return setFailure('请选择办理这些档案的党组织');
    if (!file) return setFailure('请选择 xinxue-dossier/1 档案文件（.json）');
    let body: unknown;
    try {
      body = JSON.parse(await file.text()) as unknown;
    } catch {
      return setFailure('文件不是有效的 JSON，未导入任何档案');
    }
    importDossiers.mutate({ orgId, body }, {
      onSuccess: setResult,
      onError: (e) => {
        setFailure(errorMessage(e));
        const list = e instanceof ApiError ? (e.details?.errors as PathError[] | undefined) : undefined;
        if (list?.length) setErrors(list);
      },
    });
  };

  return (
    <Modal open title="导入发展党员档案（xinxue-dossier/1）" okText="导入" cancelText="关闭" onOk={() => void submit()} confirmLoading={importDossiers.isPending} onCancel={onClose} width={720} destroyOnHidden>
      <Flex vertical gap={12}>
        <Form layout="vertical">
          <Form.Item label="办理的党组织" required>
            <OrgPicker value={orgId} onChange={setOrgId} />
          </Form.Item>
        </Form>
        <Upload.Dragger
          accept=".json,application/json"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          data-testid="dossier-import-file"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>点击或拖入档案文件（.json）</p>
        </Upload.Dragger>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          每份档案须有公民身份号码，且此人已在流动人员台帐中。按档案编号对应：重复导入同一文件不会重复建立，内容有变化的按文件更新。文件有任何错误则整份不导入，并逐条列出错误所在的 JSON 路径。
        </Typography.Text>
        {failure && <Alert type="error" showIcon title={failure} data-testid="dossier-import-error" />}
        {errors && (
          <Table<PathError>
            size="small"
            rowKey={(r, i) => `${r.path}-${i}`}
            dataSource={errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: '位置（JSON 路径）', dataIndex: 'path', key: 'path', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: '问题', dataIndex: 'message', key: 'message' },
            ]}
            data-testid="dossier-import-errors"
          />
        )}
        {result && (
          <Row gutter={12} data-testid="dossier-import-result">
            <Col span={6}><Statistic title="档案" value={result.dossiers} /></Col>
            <Col span={6}><Statistic title="新建" value={result.created} /></Col>
            <Col span={6}><Statistic title="更新" value={result.updated} /></Col>
            <Col span={6}><Statistic title="没有变化" value={result.unchanged} /></Col>
          </Row>
        )}
      </Flex>
    </Modal>
  );
}
