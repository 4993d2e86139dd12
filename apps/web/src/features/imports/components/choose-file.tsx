import { InboxOutlined } from '@ant-design/icons';
import { ledgerSources, sourceLabels, sourcePresets, type LedgerSource } from '@xinxue/domain';
import { Alert, Flex, Radio, Spin, Typography, Upload } from 'antd';

interface Props {
  source: LedgerSource;
  onSource: (source: LedgerSource) => void;
  onFile: (file: File) => void;
  uploading: boolean;
  error: string | null;
}

/** Step 1: whose export this is, and the file. Nothing is imported until the columns are checked. */
export function ChooseFile({ source, onSource, onFile, uploading, error }: Props) {
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Paragraph style={{ marginBottom: 8 }}>数据来源</Typography.Paragraph>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={source}
          onChange={(e) => onSource(e.target.value as LedgerSource)}
          options={ledgerSources.map((s) => ({ value: s, label: sourceLabels[s] }))}
          aria-label="数据来源"
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {sourcePresets[source].label}；文件中没有“流动类型”列时，按{sourcePresets[source].defaultDirection === 'inbound' ? '流入' : '流出'}人员导入。
        </Typography.Paragraph>
      </div>
      <Spin spinning={uploading} description="正在读取文件…">
        <div data-testid="import-file">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              // The server names what is wrong with a file of another type; the picker already offers only these.
              onFile(file);
              // Uploading is ours to do (with the session's CSRF header), never antd's.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击选择或拖入文件</p>
            <p className="ant-upload-hint">支持 .xlsx 和 .csv（UTF-8 或 GBK 编码），表头上方可以有标题行</p>
          </Upload.Dragger>
        </div>
      </Spin>
      {error && <Alert type="error" showIcon title={error} />}
    </Flex>
  );
}
