import { contactChannelLabels, contactChannels, type ContactChannel } from '@xinxue/domain';
import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useLogContact, type TargetDetail } from '../api/talent-api';
import { pastDatesFrom } from './target-modals';

interface Values {
  channel: ContactChannel;
  contactedOn: Dayjs;
  note: string;
}

const channelOptions = contactChannels.map((value) => ({ value, label: contactChannelLabels[value] }));

/** 记录一次联系: how, when (today or earlier, not before the follow-up began) and what was said. */
export function ContactForm({ target }: { target: TargetDetail }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const log = useLogContact();

  const submit = (values: Values) => {
    setError(null);
    log.mutate(
      { id: target.id, channel: values.channel, contactedOn: values.contactedOn.format('YYYY-MM-DD'), note: values.note.trim() },
      {
        onSuccess: () => {
          void message.success('已记录本次联系');
          form.resetFields();
        },
        onError: (e) => setError(applyServerError(form, e, ['channel', 'contactedOn', 'note'])),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'phone', contactedOn: dayjs() }} data-testid="contact-form">
      <Form.Item name="channel" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
        <Select options={channelOptions} aria-label="联系方式" />
      </Form.Item>
      <Form.Item name="contactedOn" label="联系日期" rules={[{ required: true, message: '请选择联系日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={pastDatesFrom(target.startedOn)} allowClear={false} aria-label="联系日期" />
      </Form.Item>
      <Form.Item name="note" label="联系内容" rules={[{ required: true, whitespace: true, message: '请记录联系内容' }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder="谈了什么、本人思想和工作近况、下一步打算" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={log.isPending} block>
        记录联系
      </Button>
    </Form>
  );
}
