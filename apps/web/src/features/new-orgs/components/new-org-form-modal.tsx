import { checkUscc, divisionLevelOf, type IndustryCode, type NewOrgKind } from '@xinxue/domain';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import type { NewOrgDetail } from '../api/get-new-org';
import { useSaveNewOrg } from '../api/save-new-org';
import { industryOptions, kindOptions, notFuture } from '../new-org-labels';

interface Values {
  kind: NewOrgKind;
  name: string;
  uscc: string;
  industry: IndustryCode;
  divisionCode: string;
  address?: string;
  employees: number;
  partyMembers: number;
  registeredOn?: Dayjs | null;
}

const fields = ['kind', 'name', 'uscc', 'industry', 'divisionCode', 'address', 'employees', 'partyMembers', 'registeredOn'];

/** 登记 / 修改 an enterprise or social organization by hand; the server checks everything again. */
export function NewOrgFormModal({ existing, onClose }: { existing: NewOrgDetail | null; onClose: (saved?: NewOrgDetail) => void }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveNewOrg();

  const submit = (v: Values) => {
    setError(null);
    const input = { ...v, address: v.address?.trim() ?? '', registeredOn: v.registeredOn ? v.registeredOn.format('YYYY-MM-DD') : null };
    save.mutate(
      { id: existing?.id ?? null, input },
      {
        onSuccess: (saved) => {
          void message.success(existing ? '已保存修改' : `已登记“${saved.name}”`);
          onClose(saved);
        },
        onError: (e) => setError(applyServerError(form, e, fields)),
      },
    );
  };

  return (
    <Modal open title={existing ? `修改：${existing.name}` : '登记企业或社会组织'} okText="保存" cancelText="取消" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={() => onClose()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          existing
            ? { ...existing, registeredOn: existing.registeredOn ? dayjs(existing.registeredOn) : null }
            : { kind: 'enterprise', employees: 0, partyMembers: 0 }
        }
      >
        <Form.Item name="kind" label="组织类别" rules={[{ required: true, message: '请选择组织类别' }]}>
          <Radio.Group options={kindOptions} optionType="button" />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100, message: '名称不能超过100个字' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          rules={[
            { required: true, message: '请填写统一社会信用代码' },
            { validator: async (_, value: string) => { if (value) { const r = checkUscc(value); if (!r.ok) throw new Error(r.message); } } },
          ]}
        >
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} placeholder="18位，如 91420506MA4…" />
        </Form.Item>
        <Form.Item name="industry" label="所属行业（国民经济行业门类）" rules={[{ required: true, message: '请选择所属行业' }]}>
          <Select options={industryOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="选择行业门类" />
        </Form.Item>
        <Form.Item name="divisionCode" label="所在地区" rules={[{ required: true, message: '请选择所在县（市、区）、乡镇（街道）或村（社区）' }]}>
          <DivisionSearchSelect
            within={user.scope.divisionPrefix}
            placeholder="输入乡镇（街道）或村（社区）名称"
            initialOptions={existing ? [{ code: existing.divisionCode, name: existing.divisionName, level: divisionLevelOf(existing.divisionCode), parentCode: null }] : []}
          />
        </Form.Item>
        <Form.Item name="address" label="住所">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="employees" label="从业人员（人）" rules={[{ required: true, message: '请填写从业人员数' }]}>
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="partyMembers"
          label="其中党员（人）"
          dependencies={['employees']}
          rules={[
            { required: true, message: '请填写党员人数' },
            ({ getFieldValue }) => ({ validator: async (_, v: number) => { if (v > (getFieldValue('employees') as number)) throw new Error('党员人数不能多于从业人员'); } }),
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="registeredOn" label="成立（登记）日期">
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture()} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
