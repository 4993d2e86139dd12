import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { type DossierDetail, useNotRecognized, useSendBack, useWithdraw } from '../api/dossier';

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 退回: to a step already recorded, with a reason; later steps are to be redone, their records stay. */
export function SendBackModal({ dossier, onClose }: { dossier: DossierDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ toStep: number; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const sendBack = useSendBack(dossier.id);
  const { message } = App.useApp();
  const steps = dossier.nextActions.sendBackSteps;
  const submit = (v: { toStep: number; reason: string }) => {
    setError(null);
    sendBack.mutate({ version: dossier.version, toStep: v.toStep, reason: v.reason.trim() }, {
      onSuccess: () => {
        void message.success(`已退回到第${v.toStep}步`);
        onClose();
      },
      onError: (e) => setError(applyServerError(form, e, ['toStep', 'reason'])),
    });
  };
  return (
    <Modal open title="退回到已办理的步骤" okText="退回" okButtonProps={{ danger: true, id: 'send-back-ok' }} cancelText="取消" onOk={() => form.submit()} confirmLoading={sendBack.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ toStep: steps[steps.length - 1] }}>
        <Form.Item name="toStep" label="退回到" rules={[{ required: true, message: '请选择退回到哪一步' }]}>
          <Select
            data-testid="send-back-step"
            options={steps.map((n) => ({ value: n, label: `第${n}步 ${dossier.steps[n - 1]?.name ?? ''}` }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, message: '请写明退回原因' }, { min: 4, message: '不少于4个字' }]}>
          <Input.TextArea data-testid="send-back-reason" rows={3} maxLength={500} showCount placeholder="如：谈话记录缺少谈话人签名，须重新谈话" />
        </Form.Item>
        <Alert type="info" showIcon title="退回后，该步骤及以后的步骤须重新办理；原来的记录保留在办理历史中。" />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}

/** 撤回 and 不予承认 (V2026 art. 41): a date and a reason (and who decided), recorded, never deleted. */
export function CloseModal({ dossier, kind, onClose }: { dossier: DossierDetail; kind: 'withdraw' | 'notRecognized'; onClose: () => void }) {
  const [form] = Form.useForm<{ on: Dayjs; reason: string; decidedBy?: string }>();
  const [error, setError] = useState<string | null>(null);
  const withdraw = useWithdraw(dossier.id);
  const notRecognized = useNotRecognized(dossier.id);
  const { message } = App.useApp();
  const pending = withdraw.isPending || notRecognized.isPending;
  const title = kind === 'withdraw' ? '撤回（终止办理）' : '不予承认（2026年版细则第四十一条）';
  const submit = (v: { on: Dayjs; reason: string; decidedBy?: string }) => {
    setError(null);
    const base = { version: dossier.version, on: v.on.format('YYYY-MM-DD'), reason: v.reason.trim() };
    const options = {
      onSuccess: () => {
        void message.success(kind === 'withdraw' ? '已撤回' : '已记录不予承认');
        onClose();
      },
      onError: (e: unknown) => setError(applyServerError(form, e, ['on', 'reason', 'decidedBy'])),
    };
    if (kind === 'withdraw') withdraw.mutate(base, options);
    else notRecognized.mutate({ ...base, decidedBy: v.decidedBy?.trim() ?? '' }, options);
  };
  return (
    <Modal open title={title} okText="确定" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={pending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ on: dayjs() }}>
        <Form.Item name="on" label={kind === 'withdraw' ? '撤回日期' : '决定日期'} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} allowClear={false} />
        </Form.Item>
        {kind === 'notRecognized' && (
          <Form.Item name="decidedBy" label="作出决定的组织" rules={[{ required: true, whitespace: true, message: '请填写作出不予承认决定的组织（县级以上党委组织部门）' }]}>
            <Input maxLength={100} placeholder="如：中共宜昌市夷陵区委组织部" />
          </Form.Item>
        )}
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请写明原因' }, { min: 4, message: '不少于4个字' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={kind === 'withdraw' ? '如：本人书面申请撤回入党申请' : '如：经核查，确定发展对象时培养考察未满一年'} />
        </Form.Item>
        <Alert type="warning" showIcon title="此操作记入档案历史和审计日志，不会删除任何记录。" />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}
