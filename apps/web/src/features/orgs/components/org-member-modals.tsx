import { membershipLabels, memberships, orgMemberRoleLabels, orgMemberRoles, type Membership, type OrgMemberRole } from '@xinxue/domain';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useAddOrgMember } from '../api/add-org-member';
import { useChangeOrgMember } from '../api/change-org-member';
import type { OrgDetail, OrgMember } from '../api/get-org';
import { useOrgMemberLeaves } from '../api/org-member-leaves';
import { usePersonSearch } from '../api/search-people';
import { isoDate, notFuture } from '../org-labels';

const roleOptions = orgMemberRoles.map((r) => ({ value: r, label: orgMemberRoleLabels[r] }));
const membershipOptions = memberships.map((m) => ({ value: m, label: membershipLabels[m] }));

/** Optionally links the member to a person in the ledger (their name is then filled in). */
function PersonSelect({ value, onChange, onName }: { value?: number | null; onChange?: (id: number | null) => void; onName: (name: string) => void }) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const people = usePersonSearch(q);
  const items = q ? (people.data?.items ?? []) : [];
  return (
    <Select<number>
      allowClear
      value={value ?? undefined}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      onChange={(id) => {
        const person = items.find((p) => p.id === id);
        if (person) onName(person.name);
        onChange?.(id ?? null);
      }}
      options={items.map((p) => ({ value: p.id, label: `${p.name}（${[p.idNumberMasked, p.divisionName].filter(Boolean).join('，')}）` }))}
      loading={people.isFetching}
      placeholder="可选：输入姓名、拼音首字母或身份证后4位，关联台帐中的人员"
      notFoundContent={q ? '没有找到' : '输入后查找'}
      style={{ width: '100%' }}
    />
  );
}

interface AddValues {
  personId?: number | null;
  name: string;
  membership: Membership;
  role: OrgMemberRole;
  joinedOn: Dayjs;
}

/** 登记党员: name (or a person from the ledger), full or probationary, post, date joined. */
export function AddMemberModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddOrgMember(org.id);
  const membership = Form.useWatch('membership', form);
  const submit = (v: AddValues) => {
    setError(null);
    add.mutate(
      { version: org.version, name: v.name.trim(), personId: v.personId ?? null, membership: v.membership, role: v.role, joinedOn: isoDate(v.joinedOn)! },
      {
        onSuccess: () => {
          void message.success(`已登记${v.name.trim()}`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['personId', 'name', 'membership', 'role', 'joinedOn'])),
      },
    );
  };
  return (
    <Modal open title="登记党员" okText="登记" onOk={() => form.submit()} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ membership: 'full', role: 'member', joinedOn: dayjs() }}>
        <Form.Item name="personId" label="台帐中的人员">
          <PersonSelect onName={(name) => form.setFieldValue('name', name)} />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30, message: '姓名不超过30个字' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="membership" label="党员类别" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group optionType="button" options={membershipOptions} />
        </Form.Item>
        <Form.Item name="role" label="职务" rules={[{ required: true, message: '请选择职务' }]} extra={membership === 'probationary' ? '预备党员没有被选举权，只能登记为党员' : org.members.secretary ? `现任书记：${org.members.secretary.name}` : undefined}>
          <Select options={membership === 'probationary' ? roleOptions.filter((r) => r.value === 'member') : roleOptions} />
        </Form.Item>
        <Form.Item name="joinedOn" label="加入本组织日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture(org.establishedOn)} allowClear={false} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 离开: the member's row stays, with the date and why. */
export function LeaveMemberModal({ org, member, onClose }: { org: OrgDetail; member: OrgMember; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leftOn: Dayjs; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const leave = useOrgMemberLeaves(org.id);
  const submit = (v: { leftOn: Dayjs; reason: string }) => {
    setError(null);
    leave.mutate(
      { memberId: member.id, version: org.version, leftOn: isoDate(v.leftOn)!, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(`已记录${member.name}离开`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['leftOn', 'reason'])),
      },
    );
  };
  return (
    <Modal open title={`${member.name}离开本组织`} okText="确定" onOk={() => form.submit()} confirmLoading={leave.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ leftOn: dayjs(), reason: '组织关系转出' }}>
        <Form.Item name="leftOn" label="离开日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture(member.joinedOn)} allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写原因（2至100个字）' }]}>
          <Input maxLength={100} placeholder="如：组织关系转出、去世、出党" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 转正 / 调整职务: the row changes, the history keeps the dated change. */
export function ChangeMemberModal({ org, member, onClose }: { org: OrgDetail; member: OrgMember; onClose: () => void }) {
  const { message } = App.useApp();
  type Values = { membership: Membership; role: OrgMemberRole; effectiveOn: Dayjs; reason?: string };
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangeOrgMember(org.id);
  const membership = Form.useWatch('membership', form);
  const submit = (v: Values) => {
    setError(null);
    change.mutate(
      {
        memberId: member.id, version: org.version, effectiveOn: isoDate(v.effectiveOn),
        ...(v.membership !== member.membership ? { membership: v.membership } : {}), ...(v.role !== member.role ? { role: v.role } : {}),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      },
      {
        onSuccess: () => {
          void message.success('已保存');
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['membership', 'role', 'effectiveOn', 'reason'])),
      },
    );
  };
  return (
    <Modal open title={`${member.name}：转正或调整职务`} okText="保存" onOk={() => form.submit()} confirmLoading={change.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ membership: member.membership === 'probationary' ? 'full' : member.membership, role: member.role, effectiveOn: dayjs() }}>
        {member.membership === 'probationary' && <Typography.Paragraph type="secondary">预备期满经支部大会讨论、上级党委批准后转为正式党员；生效日期为批准转正之日。</Typography.Paragraph>}
        <Form.Item name="membership" label="党员类别">
          <Radio.Group optionType="button" options={membershipOptions.map((o) => ({ ...o, disabled: member.membership === 'full' && o.value === 'probationary' }))} />
        </Form.Item>
        <Form.Item name="role" label="职务">
          <Select options={membership === 'probationary' ? roleOptions.filter((r) => r.value === 'member') : roleOptions} />
        </Form.Item>
        <Form.Item name="effectiveOn" label="生效日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture(member.joinedOn)} allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label="依据（选填）">
          <Input maxLength={200} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
