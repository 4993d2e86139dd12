import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useWithdrawTalent, type TalentEntry } from '../api/talent-api';

/** 移出优秀分子数据库, with the reason the audit log keeps. */
export function WithdrawTalentModal({ entry, onClose }: { entry: Pick<TalentEntry, 'id' | 'name'>; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const withdraw = useWithdrawTalent();

  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    withdraw.mutate(
      { id: entry.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已将${entry.name}移出优秀分子数据库`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['reason'])),
      },
    );
  };

  return (
    <Modal open title={`移出优秀分子数据库：${entry.name}`} okText="移出" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={withdraw.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="移出原因" rules={[{ required: true, whitespace: true, message: '请填写移出原因' }, { min: 2, message: '不少于2个字' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：已迁出本市、本人表示暂无入党意愿" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
