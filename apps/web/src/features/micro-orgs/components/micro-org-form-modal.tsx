import { microOrgKindLabels, microOrgKinds, type MicroOrgKind } from '@xinxue/domain';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import type { MicroOrgSummary } from '../api/get-micro-orgs';
import { useSaveMicroOrg } from '../api/save-micro-org';
import { OrgPicker } from './pickers';

interface Values {
  name: string;
  kind: MicroOrgKind;
  divisionCode: string;
  guideOrgId: number | null;
  description: string;
  foundedOn: Dayjs;
}

export const microOrgKindOptions = microOrgKinds.map((value) => ({ value, label: microOrgKindLabels[value] }));
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 新建 / 修改微组织: name, kind (interest, trade, proximity), where, guiding organization, founding date. */
export function MicroOrgFormModal({ org, onClose, onSaved }: { org?: MicroOrgSummary; onClose: () => void; onSaved?: (id: number) => void }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveMicroOrg();
  const fields = ['name', 'kind', 'divisionCode', 'guideOrgId', 'description', 'foundedOn'];

  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      { id: org?.id, name: values.name.trim(), kind: values.kind, divisionCode: values.divisionCode, guideOrgId: values.guideOrgId ?? null, description: (values.description ?? '').trim(), foundedOn: values.foundedOn.format('YYYY-MM-DD') },
      {
        onSuccess: (saved) => {
          void message.success(org ? '已保存' : `已新建微组织“${saved.name}”`);
          onSaved?.(saved.id);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, fields)),
      },
    );
  };

  return (
    <Modal open title={org ? `修改微组织：${org.name}` : '新建微组织'} okText={org ? '保存' : '新建'} cancelText="取消" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={org ? { name: org.name, kind: org.kind, divisionCode: org.divisionCode, guideOrgId: org.guideOrg?.id ?? null, description: org.description, foundedOn: dayjs(org.foundedOn) } : { kind: 'trade', foundedOn: dayjs() }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写微组织名称' }, { max: 40, message: '不超过40个字' }]}>
          <Input maxLength={40} placeholder="如：快递小哥之家、三峡家政服务队" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={microOrgKindOptions} aria-label="微组织类型" />
        </Form.Item>
        <Form.Item name="divisionCode" label="所在地" rules={[{ required: true, message: '请选择所在的乡镇（街道）或村（社区）' }]}>
          <DivisionSearchSelect within={user.scope.divisionPrefix} initialOptions={org ? [{ code: org.divisionCode, name: org.divisionName, level: 'village', parentCode: null }] : []} placeholder="输入乡镇、村（社区）名称查找" />
        </Form.Item>
        <Form.Item name="guideOrgId" label="指导的党组织">
          <OrgPicker initial={org?.guideOrg ?? null} />
        </Form.Item>
        <Form.Item name="foundedOn" label="成立日期" rules={[{ required: true, message: '请选择成立日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} allowClear={false} aria-label="成立日期" />
        </Form.Item>
        <Form.Item name="description" label="简介">
          <Input.TextArea rows={2} maxLength={500} showCount placeholder="由哪些党员组成、联系服务哪些流动人员" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
