import { MAX_CADENCE_DAYS, MIN_CADENCE_DAYS } from '@xinxue/domain';
import { Alert, App, Form, InputNumber, Modal, Switch, Typography } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useSession } from '../../auth/session-context';
import { useAddTarget } from '../api/talent-api';

interface Values {
  cadenceDays: number;
  reserveCadre: boolean;
}

/** 列为重点培养对象: the signed-in user follows the person up every so many days. */
export function AddTargetModal({ personId, personName, onClose }: { personId: number; personName: string; onClose: () => void }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddTarget();

  const submit = (values: Values) => {
    setError(null);
    add.mutate(
      { personId, cadenceDays: values.cadenceDays, reserveCadre: values.reserveCadre },
      {
        onSuccess: () => {
          void message.success(`已将${personName}列为重点培养对象`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['cadenceDays', 'reserveCadre'])),
      },
    );
  };

  return (
    <Modal open title={`列为重点培养对象：${personName}`} okText="列入" cancelText="取消" onOk={() => form.submit()} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ cadenceDays: 30, reserveCadre: false }}>
        <Form.Item label="跟踪联系人">
          <Typography.Text>
            {user.displayName}（本人）
          </Typography.Text>
        </Form.Item>
        <Form.Item
          name="cadenceDays"
          label="联系周期（天）"
          extra={`每隔多少天至少联系一次，${MIN_CADENCE_DAYS}至${MAX_CADENCE_DAYS}天；超过即列入逾期名单`}
          rules={[
            { required: true, message: '请填写联系周期' },
            { type: 'integer', min: MIN_CADENCE_DAYS, max: MAX_CADENCE_DAYS, message: `须为${MIN_CADENCE_DAYS}至${MAX_CADENCE_DAYS}天` },
          ]}
        >
          <InputNumber min={MIN_CADENCE_DAYS} max={MAX_CADENCE_DAYS} precision={0} suffix="天" style={{ width: 160 }} aria-label="联系周期（天）" />
        </Form.Item>
        <Form.Item name="reserveCadre" label="村级后备干部" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" aria-label="村级后备干部" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
