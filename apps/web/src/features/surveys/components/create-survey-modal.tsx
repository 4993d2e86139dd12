import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { divisionPrefixOf } from '../../divisions/prefix';
import { useCreateSurvey } from '../api/create-survey';

interface Values {
  name: string;
  divisionCode: string;
  period: [Dayjs, Dayjs];
}

/** A survey over every grid under a chosen division of the user's area. */
export function CreateSurveyModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateSurvey();

  const submit = (values: Values) => {
    setError(null);
    create.mutate(
      { name: values.name.trim(), within: divisionPrefixOf(values.divisionCode), startsOn: values.period[0].format('YYYY-MM-DD'), dueOn: values.period[1].format('YYYY-MM-DD') },
      {
        onSuccess: (survey) => {
          void message.success(`已新建“${survey.name}”，覆盖 ${survey.grids.length} 个网格`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['name'])),
      },
    );
  };

  return (
    <Modal open title="新建清查" okText="新建" onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label="清查名称" rules={[{ required: true, whitespace: true, message: '请输入清查名称' }, { max: 60, message: '不超过60个字' }]}>
          <Input placeholder="如：2026年冬季流动人员清查" maxLength={60} />
        </Form.Item>
        <Form.Item name="divisionCode" label="清查区域" extra="覆盖该区域下的全部网格；输入名称查找" rules={[{ required: true, message: '请选择清查区域' }]}>
          <DivisionSearchSelect within={user.scope.divisionPrefix} placeholder="选择乡镇（街道）或村（社区）" />
        </Form.Item>
        <Form.Item name="period" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
