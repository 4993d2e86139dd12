import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useApplyTarget, useCloseTarget, type TargetDetail } from '../api/talent-api';

/** Dates a user may pick for something that already happened: not in the future, not before `from`. */
export const pastDatesFrom = (from: string | null) => (d: Dayjs) => d.isAfter(dayjs(), 'day') || (from !== null && d.isBefore(dayjs(from), 'day'));

/** 递交入党申请: the target applied in writing and leaves the follow-up for the development workflow. */
export function ApplyModal({ target, personName, onClose }: { target: TargetDetail; personName: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ appliedOn: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const apply = useApplyTarget();

  const submit = ({ appliedOn }: { appliedOn: Dayjs }) => {
    setError(null);
    apply.mutate(
      { id: target.id, appliedOn: appliedOn.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(`${personName}已递交入党申请，转入发展党员流程`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['appliedOn'])),
      },
    );
  };

  return (
    <Modal open title={`递交入党申请：${personName}`} okText="确认" cancelText="取消" onOk={() => form.submit()} confirmLoading={apply.isPending} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本人已向党组织递交书面入党申请：结束培养跟踪，此人成为入党申请人。" />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ appliedOn: dayjs() }}>
        <Form.Item name="appliedOn" label="递交日期" rules={[{ required: true, message: '请选择递交入党申请的日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={pastDatesFrom(null)} allowClear={false} aria-label="递交日期" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 结束跟踪, with the reason. */
export function CloseModal({ target, personName, onClose }: { target: TargetDetail; personName: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const close = useCloseTarget();

  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    close.mutate(
      { id: target.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已结束对${personName}的培养跟踪`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['reason'])),
      },
    );
  };

  return (
    <Modal open title={`结束跟踪：${personName}`} okText="结束跟踪" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={close.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写结束跟踪的原因' }, { min: 2, message: '不少于2个字' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：已迁往外省、长期联系不上" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
