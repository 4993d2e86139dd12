import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useAddBackbone } from '../api/add-backbone';
import { useAddReach } from '../api/add-reach';
import { useDissolveMicroOrg } from '../api/dissolve-micro-org';
import type { MicroOrgDetail } from '../api/get-micro-org';
import { PeoplePicker } from './pickers';

/** Today or earlier, and not before `from`. */
export const datesFrom = (from: string | null) => (d: Dayjs) => d.isAfter(dayjs(), 'day') || (from !== null && d.isBefore(dayjs(from), 'day'));

/** 增加骨干党员: a member from the ledger, or by name when they are not in it. */
export function BackboneModal({ org, onClose }: { org: MicroOrgDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ source: 'ledger' | 'name'; personIds: number[]; name: string; duty: string; joinedOn: Dayjs }>();
  const source = Form.useWatch('source', form) ?? 'name';
  const [error, setError] = useState<string | null>(null);
  const add = useAddBackbone();
  return (
    <Modal open title="增加骨干党员" okText="增加" cancelText="取消" onOk={() => form.submit()} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'name', joinedOn: dayjs(), personIds: [] }}
        onFinish={(v) => {
          setError(null);
          add.mutate(
            { microOrgId: org.id, personId: v.source === 'ledger' ? (v.personIds[0] ?? null) : null, name: v.source === 'name' ? v.name : undefined, duty: v.duty ?? '', joinedOn: v.joinedOn.format('YYYY-MM-DD') },
            { onSuccess: () => { void message.success('已增加骨干党员'); onClose(); }, onError: (e) => setError(applyServerError(form, e, ['name', 'duty', 'joinedOn'])) },
          );
        }}
      >
        <Form.Item name="source" label="来源">
          <Radio.Group options={[{ value: 'name', label: '填写姓名' }, { value: 'ledger', label: '从台帐选择' }]} optionType="button" />
        </Form.Item>
        {source === 'ledger' ? (
          <Form.Item name="personIds" label="台帐人员" rules={[{ validator: (_, v: number[]) => (v?.length === 1 ? Promise.resolve() : Promise.reject(new Error('请选择一人'))) }]}>
            <PeoplePicker placeholder="输入姓名查找" />
          </Form.Item>
        ) : (
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 20, message: '不超过20个字' }]}>
            <Input maxLength={20} />
          </Form.Item>
        )}
        <Form.Item name="duty" label="职责">
          <Input maxLength={40} placeholder="如：召集人、联络员" />
        </Form.Item>
        <Form.Item name="joinedOn" label="加入日期" rules={[{ required: true, message: '请选择加入日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={datesFrom(org.foundedOn)} allowClear={false} aria-label="加入日期" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 增加联系服务的流动人员. */
export function ReachModal({ org, onClose }: { org: MicroOrgDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ personIds: number[]; since: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddReach();
  return (
    <Modal open title="增加联系服务的流动人员" okText="增加" cancelText="取消" onOk={() => form.submit()} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ personIds: [], since: dayjs() }}
        onFinish={(v) => {
          setError(null);
          add.mutate(
            { microOrgId: org.id, personIds: v.personIds, since: v.since.format('YYYY-MM-DD') },
            {
              onSuccess: (r) => { void message.success(`已增加 ${r.added} 人${r.already ? `（${r.already} 人原已在列）` : ''}`); onClose(); },
              onError: (e) => setError(applyServerError(form, e, ['personIds', 'since'])),
            },
          );
        }}
      >
        <Form.Item name="personIds" label="台帐人员" rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一人' }]}>
          <PeoplePicker />
        </Form.Item>
        <Form.Item name="since" label="开始联系日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={datesFrom(org.foundedOn)} allowClear={false} aria-label="开始联系日期" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 解散微组织: dated, with a reason; it stays on record with its activities. */
export function DissolveModal({ org, onClose }: { org: MicroOrgDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dissolvedOn: Dayjs; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const dissolve = useDissolveMicroOrg();
  return (
    <Modal open title={`解散：${org.name}`} okText="解散" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={dissolve.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dissolvedOn: dayjs() }}
        onFinish={(v) => {
          setError(null);
          dissolve.mutate(
            { id: org.id, dissolvedOn: v.dissolvedOn.format('YYYY-MM-DD'), reason: v.reason.trim() },
            { onSuccess: () => { void message.success('已解散，记录保留'); onClose(); }, onError: (e) => setError(applyServerError(form, e, ['dissolvedOn', 'reason'])) },
          );
        }}
      >
        <Alert type="info" showIcon title="解散后不能再登记活动和人员，已有的记录全部保留；在任的骨干党员同日退出。" style={{ marginBottom: 16 }} />
        <Form.Item name="dissolvedOn" label="解散日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={datesFrom(org.lastActivityOn ?? org.foundedOn)} allowClear={false} aria-label="解散日期" />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写解散原因' }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
