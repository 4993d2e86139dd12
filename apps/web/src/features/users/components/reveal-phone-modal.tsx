import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import type { UserAccount } from '../api/get-users';
import { useRevealUserPhone } from '../api/reveal-user-phone';

/** Personal data is shown in full only with a written reason, which goes into the audit log. */
export function RevealPhoneModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const reveal = useRevealUserPhone();

  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    reveal.mutate({ id: user.id, reason: reason.trim() }, { onError: (e) => setError(applyServerError(form, e, ['reason'])) });
  };

  if (reveal.data) {
    return (
      <Modal open title={`${user.displayName}的手机号`} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>关闭</Button>}>
        <Result
          status="success"
          title={<Typography.Text copyable style={{ fontSize: 24 }}>{reveal.data.value ?? '未登记'}</Typography.Text>}
          subTitle="本次查看及理由已记入审计日志。请勿截屏或外传。"
        />
      </Modal>
    );
  }

  return (
    <Modal open title={`查看${user.displayName}的完整手机号`} okText="查看" onOk={() => form.submit()} confirmLoading={reveal.isPending} onCancel={onClose}>
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
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：核实账号持有人身份，用于电话通知重置密码" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
