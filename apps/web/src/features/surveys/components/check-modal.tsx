import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { type Corrections, useCheckPerson } from '../api/check-person';
import type { SurveyPerson } from '../api/get-survey-people';

export type ModalOutcome = 'corrected' | 'notFound' | 'movedAway';

const correctionFields: { name: keyof Corrections; label: string; placeholder: string; inputMode?: 'tel' | 'numeric' }[] = [
  { name: 'employer', label: '工作单位', placeholder: '如：宜昌顺通物流有限公司' },
  { name: 'workAddress', label: '工作地址', placeholder: '如：夷陵区发展大道1号' },
  { name: 'occupation', label: '职业', placeholder: '如：快递员、电工' },
  { name: 'phone', label: '联系电话', placeholder: '新的手机号码', inputMode: 'tel' },
  { name: 'residenceAddress', label: '现住址', placeholder: '现在居住的地址' },
  { name: 'movedOn', label: '流动时间', placeholder: '如：2024-03-01', inputMode: 'numeric' },
];

const titles: Record<ModalOutcome, string> = { corrected: '修改信息', notFound: '查无此人', movedAway: '已迁出' };

/** The short forms behind 修改 / 查无此人 / 已迁出; only changed fields are sent as corrections. */
export function CheckModal({ surveyId, person, outcome, onClose }: { surveyId: number; person: SurveyPerson; outcome: ModalOutcome; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Corrections & { note?: string; destination?: string }>();
  const [error, setError] = useState<string | null>(null);
  const check = useCheckPerson(surveyId);
  const initial: Corrections = {
    employer: person.current.employer ?? '',
    workAddress: person.current.workAddress ?? '',
    occupation: person.current.occupation ?? '',
    residenceAddress: person.current.residenceAddress ?? '',
    movedOn: person.current.movedOn ?? '',
    phone: '',
  };

  const submit = (values: Corrections & { note?: string; destination?: string }) => {
    setError(null);
    const corrections: Corrections = {};
    if (outcome === 'corrected') {
      for (const { name } of correctionFields) {
        const value = values[name]?.trim() ?? '';
        if (value && value !== initial[name]) corrections[name] = value;
      }
      if (Object.keys(corrections).length === 0) {
        setError('没有修改任何信息；信息无误请点“确认无误”');
        return;
      }
    }
    check.mutate(
      {
        personId: person.id,
        outcome,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(outcome === 'movedAway' && values.destination?.trim() ? { destination: values.destination.trim() } : {}),
        ...(outcome === 'corrected' ? { corrections } : {}),
      },
      {
        onSuccess: () => {
          void message.success(`${person.name}：${titles[outcome]}，已登记`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, correctionFields.map((f) => f.name))),
      },
    );
  };

  return (
    <Modal open title={`${titles[outcome]}：${person.name}`} okText="提交" onOk={() => form.submit()} confirmLoading={check.isPending} onCancel={onClose} destroyOnHidden centered>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} requiredMark={false}>
        {outcome === 'corrected' &&
          correctionFields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} extra={f.name === 'phone' && person.current.phones.length ? `现有：${person.current.phones.join('、')}` : undefined} style={{ marginBottom: 12 }}>
              <Input placeholder={f.placeholder} inputMode={f.inputMode} maxLength={200} allowClear />
            </Form.Item>
          ))}
        {outcome === 'movedAway' && (
          <Form.Item name="destination" label="迁往何处" style={{ marginBottom: 12 }}>
            <Input placeholder="如：广东省深圳市" maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注" style={{ marginBottom: 12 }}>
          <Input.TextArea rows={2} maxLength={200} placeholder={outcome === 'notFound' ? '如：三次上门未见，邻居称不认识' : '选填'} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
