import { foundVia, foundViaLabels, type FoundVia } from '@xinxue/domain';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useFlagTalent } from '../api/talent-api';

interface Values {
  reason: string;
  nominatedBy: string;
  foundVia: FoundVia;
}

export const foundViaOptions = foundVia.map((value) => ({ value, label: foundViaLabels[value] }));

/** 列为优秀分子: why, who recommended the person, and how they were found. */
export function FlagTalentModal({ personId, personName, onClose }: { personId: number; personName: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const flag = useFlagTalent();

  const submit = (values: Values) => {
    setError(null);
    flag.mutate(
      { personId, reason: values.reason.trim(), nominatedBy: values.nominatedBy.trim(), foundVia: values.foundVia },
      {
        onSuccess: () => {
          void message.success(`已将${personName}列为优秀分子`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['reason', 'nominatedBy', 'foundVia'])),
      },
    );
  };

  return (
    <Modal open title={`列为优秀分子：${personName}`} okText="列入" cancelText="取消" onOk={() => form.submit()} confirmLoading={flag.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ foundVia: 'grid' }}>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请写明理由' }, { min: 4, message: '不少于4个字' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：在网格服务中表现突出，热心公益，有入党意愿" />
        </Form.Item>
        <Form.Item name="nominatedBy" label="推荐人" rules={[{ required: true, whitespace: true, message: '请填写推荐人' }]}>
          <Input maxLength={50} placeholder="姓名或单位" />
        </Form.Item>
        <Form.Item name="foundVia" label="发现途径" rules={[{ required: true, message: '请选择发现途径' }]}>
          <Select options={foundViaOptions} aria-label="发现途径" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
