import { Alert, App, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { formatCount } from '../../../lib/format';
import { useExportPeople } from '../api/export-people';
import type { PeopleFilter } from '../api/get-people';

interface Values {
  format: 'xlsx' | 'csv';
  reveal: boolean;
  reason?: string;
}

interface Props {
  filter: PeopleFilter;
  /** How many people the filter matches, to say what will be exported. */
  total: number | undefined;
  canReveal: boolean;
  onClose: () => void;
}

/** Exports the current filter: masked unless the user may reveal and gives a reason (logged). */
export function ExportModal({ filter, total, canReveal, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reveal = Form.useWatch('reveal', form);
  const [error, setError] = useState<string | null>(null);
  const exporter = useExportPeople();

  const submit = (values: Values) => {
    setError(null);
    const reason = values.reason?.trim();
    exporter.mutate(
      { filter, format: values.format, reveal: Boolean(values.reveal), ...(values.reveal && reason ? { reason } : {}) },
      {
        onSuccess: ({ count, fileName }) => {
          void message.success(count === null ? `已导出 ${fileName}` : `已导出 ${formatCount(count)} 人：${fileName}`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['reason'])),
      },
    );
  };

  return (
    <Modal open title="导出台帐" okText="导出" onOk={() => form.submit()} confirmLoading={exporter.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ format: 'xlsx', reveal: false }}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={total === undefined ? '导出当前筛选条件下的全部人员。' : `导出当前筛选条件下的全部 ${formatCount(total)} 人。`}
        />
        <Form.Item name="format" label="文件格式">
          <Radio.Group
            options={[
              { value: 'xlsx', label: 'Excel（.xlsx）' },
              { value: 'csv', label: 'CSV（.csv）' },
            ]}
          />
        </Form.Item>
        {canReveal && (
          <Form.Item name="reveal" valuePropName="checked" extra="默认导出脱敏的身份证号和电话。">
            <Checkbox>含完整信息（完整身份证号、电话）</Checkbox>
          </Form.Item>
        )}
        {canReveal && reveal && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="导出完整个人信息须说明理由，理由与导出记录将记入审计日志。文件请妥善保管，勿外传。" />
            <Form.Item
              name="reason"
              label="导出理由"
              rules={[
                { required: true, whitespace: true, message: '请填写导出理由' },
                { min: 4, message: '理由不少于4个字' },
              ]}
            >
              <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：向县委组织部报送本季度流动党员摸排名单" />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
