import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { parsePhone, roleLabels, roles, roleScopeLevel, type Role } from '@xinxue/domain';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { passwordPolicyRule } from '../../../lib/password-rule';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { divisionPrefixOf } from '../../divisions/prefix';
import { useCreateUser, type CreateUserInput } from '../api/create-user';
import { ScopeOrgSelect } from './scope-org-select';

const scopeLevelHints: Record<(typeof roleScopeLevel)[Role], string> = {
  city: '该角色的管辖范围通常为市',
  county: '该角色的管辖范围通常为县（市、区）',
  township: '该角色的管辖范围通常为乡镇（街道）',
  village: '该角色的管辖范围通常为村（社区）',
};

// The same parser the server uses, so the form and the server never disagree about a number.
const phoneRule = {
  validator: (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const result = parsePhone(value);
    return result.ok ? Promise.resolve() : Promise.reject(new Error(result.message));
  },
};

const fields = ['username', 'displayName', 'role', 'scopeDivision', 'scopeOrgId', 'password', 'phone'];

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserInput>();
  const role = Form.useWatch('role', form);
  const scopeDivision = Form.useWatch('scopeDivision', form);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateUser();
  const ownScope = { code: user.scope.divisionPrefix.padEnd(12, '0'), name: user.scope.divisionName, level: 'prefecture' as const, parentCode: null };

  const submit = (values: CreateUserInput) => {
    setError(null);
    const phone = values.phone?.trim();
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        scopeDivision: divisionPrefixOf(values.scopeDivision),
        password: values.password,
        ...(phone ? { phone } : {}),
        ...(values.scopeOrgId ? { scopeOrgId: values.scopeOrgId } : {}),
      },
      {
        onSuccess: (created) => {
          void message.success(`已新建账号 ${created.username}（${created.displayName}）`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, fields)),
      },
    );
  };

  return (
    <Modal open title="新建账号" okText="新建" onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          name="username"
          label="登录名"
          extra="小写字母开头，3至32位小写字母、数字、下划线、点或横线"
          rules={[
            { required: true, message: '请输入登录名' },
            { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '登录名须以小写字母开头，由3至32位小写字母、数字、下划线、点或横线组成' },
          ]}
        >
          <Input autoCapitalize="none" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名不超过50个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} placeholder="选择角色" />
        </Form.Item>
        <Form.Item
          name="scopeDivision"
          label="管辖范围"
          extra={role ? scopeLevelHints[roleScopeLevel[role]] : '只能在您本人的管辖范围内选择'}
          rules={[{ required: true, message: '请选择管辖范围' }]}
        >
          <DivisionSearchSelect within={user.scope.divisionPrefix} initialOptions={[ownScope]} placeholder="输入区、乡镇、村（社区）名称查找" />
        </Form.Item>
        <Form.Item name="scopeOrgId" label="党组织范围（选填）" extra="只管一个党组织及其下级时选择，如某非公企业联合党委">
          <ScopeOrgSelect within={scopeDivision ? divisionPrefixOf(scopeDivision) : undefined} />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          dependencies={['username']}
          extra="至少8位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含登录名"
          rules={[{ required: true, message: '请输入初始密码' }, passwordPolicyRule({ field: 'username' })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话（选填）" rules={[phoneRule]}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
