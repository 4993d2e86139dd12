import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useRevealPerson, type RevealField } from '../api/reveal-person';

const fieldLabels: Record<RevealField, string> = { idNumber: '公民身份号码', phones: '联系电话' };

interface Props {
  personId: number;
  personName: string;
  field: RevealField;
  onRevealed: (value: string | null) => void;
  onClose: () => void;
}

/** Personal data is shown in full only with a written reason, which goes into the audit log. */
export function RevealModal({ personId, personName, field, onRevealed, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const reveal = useRevealPerson();

  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    reveal.mutate(
      { id: personId, field, reason: reason.trim() },
      {
        onSuccess: ({ value }) => {
          onRevealed(value);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['reason'])),
      },
    );
  };

  return (
    <Modal open title={`查看${personName}的完整${fieldLabels[field]}`} okText="查看" onOk={() => form.submit()} confirmLoading={reveal.isPending} onCancel={onClose} destroyOnHidden>
      <Alert type="warning" showIcon title="查看完整个人信息须说明理由，理由与查看记录将记入审计日志。" style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="查看理由"
          rules={[
            { required: true, whitespace: true, message: '请填写查看理由' },
            { min: 4, message: '理由不少于4个字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：电话联系本人核实工作单位" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
